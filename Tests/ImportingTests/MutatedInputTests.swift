import Testing
import TestSupport
@testable import Importing

/// Every importer meets broken exports: truncated, with bytes flipped, lines repeated or
/// cut. Whatever comes in, an import returns diagnostics or values; it never traps, and
/// a message never carries an identifier from the input.
@Suite("Mutated exports")
struct MutatedInputTests {
    struct Feed: Sendable {
        var source: ImportSource
        var files: [String]
        var mapping: String
    }

    static let feeds = [
        Feed(source: .githubCopilotLegacy, files: ["github-copilot-legacy/payments-squad.json"],
             mapping: "github-copilot-legacy/github-teams.csv"),
        Feed(source: .githubCopilot, files: ["github-copilot/users-1-day-2025-10-01.ndjson",
                                             "github-copilot/user-teams-1-day-2025-09-29.ndjson"],
             mapping: "github-copilot/github-teams.csv"),
        Feed(source: .m365Copilot, files: ["m365-copilot/copilot-usage-2025-10-31.csv"], mapping: "m365-copilot/people.csv"),
        // Concealed ids are identifiers too: mapped, they must not leak either.
        Feed(source: .m365Copilot, files: ["m365-copilot/concealed-2025-09-30.csv"],
             mapping: "m365-copilot/people-concealed.csv"),
        Feed(source: .viva, files: ["viva/person-query.csv"], mapping: "viva/organizations.csv"),
        Feed(source: .viva, files: ["viva/person-query-daily.csv", "viva/github-query.csv"], mapping: "viva/people.csv"),
        Feed(source: .claudeCode, files: ["claude-code/claude-code-2025-10-01.json"], mapping: "claude-code/people.csv"),
        // Pages one after another, and one pull request per line.
        Feed(source: .githubPulls, files: ["github-pulls/ledger-api.json", "github-pulls/ledger-api-rerun.ndjson"],
             mapping: "github-pulls/logins.csv"),
    ]

    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        guard !bytes.isEmpty else { return bytes }
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let index = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: bytes[index] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes.removeSubrange(index...)
            case 2: bytes.insert(contentsOf: [",", "\"", "\n", "[", "{", "-", "9"].randomElement(using: &random)!.utf8,
                                 at: index)
            case 3:
                let end = min(bytes.count, index + Int.random(in: 1...200, using: &random))
                bytes.insert(contentsOf: bytes[index..<end], at: index)
            default:
                let end = min(bytes.count, index + Int.random(in: 1...40, using: &random))
                bytes.removeSubrange(index..<end)
            }
            if bytes.isEmpty { break }
        }
        return bytes
    }

    @Test("300 mutations of each feed's files and mapping give diagnostics or values, never a trap or a leak",
          arguments: feeds)
    func mutations(_ feed: Feed) throws {
        let files = try feed.files.map(ImportFixture.file)
        let mapping = try ImportFixture.file(feed.mapping)
        let identifiers = try ImportFixture.identifiers().map { $0.lowercased() }
        var random = SplitMix64(seed: 0xD15C_E2 &+ UInt64(feed.source.rawValue.count))
        for _ in 0..<300 {
            var mutated = files
            let target = Int.random(in: 0...files.count, using: &random)
            if target < files.count {
                mutated[target].bytes = Self.mutate(files[target].bytes, &random)
            }
            let map = target == files.count ? InputFile(path: mapping.path, bytes: Self.mutate(mapping.bytes, &random)) : mapping
            let result = UsageImporter(source: feed.source, files: mutated, mapping: map).run()
            let messages = result.printed.joined(separator: "\n").lowercased()
            let leaked = identifiers.filter { messages.contains($0) }
            #expect(leaked.isEmpty, "\(leaked.prefix(3))")
            if result.diagnostics.hasErrors { continue }
            let written = (result.csv + result.metricsFragment).lowercased()
            #expect(!identifiers.contains { written.contains($0) })
        }
    }
}
