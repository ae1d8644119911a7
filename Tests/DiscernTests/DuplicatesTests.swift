import Foundation
import Testing

/// `duplicates` over `Sources/` lists nothing that `Tests/duplicates-allowlist.txt` does
/// not allow. The allowlist names each allowed pair by its two files (line numbers move)
/// and says why the pair stays: a data table or catalog, or Swift's boilerplate.
@Suite("Duplicated code")
struct DuplicatesTests {
    /// Two files, in either order.
    struct FilePair: Hashable, CustomStringConvertible {
        let files: [String]

        init(_ first: String, _ second: String) {
            files = [first, second].sorted()
        }

        var description: String { files.joined(separator: " ~ ") }
    }

    static let allowlistFile = CommandLineTests.packageRoot.appendingPathComponent("Tests/duplicates-allowlist.txt")

    /// The `duplicates` command, when it is on PATH.
    static let command: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("duplicates") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The allowed pairs, and a problem for each line that is not `a ~ b: reason`.
    /// Blank lines and lines starting with `#` are comments.
    static func allowlist(_ text: String) -> (pairs: Set<FilePair>, problems: [String]) {
        var pairs: Set<FilePair> = []
        var problems: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let (pair, reason) = line.firstRange(of: ":").map { (line[..<$0.lowerBound], line[$0.upperBound...]) } ?? (line[...], "")
            let files = pair.components(separatedBy: " ~ ").map { $0.trimmingCharacters(in: .whitespaces) }
            guard files.count == 2, !files.contains(where: \.isEmpty) else {
                problems.append("allowlist line \(index + 1): expected 'a.swift ~ b.swift: reason', found '\(line)'")
                continue
            }
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                problems.append("allowlist line \(index + 1): '\(pair)' gives no reason")
                continue
            }
            if !pairs.insert(FilePair(files[0], files[1])).inserted {
                problems.append("allowlist line \(index + 1): '\(pair)' is listed twice")
            }
        }
        return (pairs, problems)
    }

    /// What is wrong with `duplicates`'s output given the allowed pairs: each pair of files
    /// not allowed, each allowed pair no longer listed, an `incomplete:` line, and a list
    /// cut short by `--most`.
    static func problems(in output: String, allowed: Set<FilePair>) -> [String] {
        var problems: [String] = []
        var listed: Set<FilePair> = []
        let row = #/^D\d+ (\S+):\d+-\d+ ~ (\S+):\d+-\d+/#
        for line in output.split(separator: "\n") {
            if let match = line.firstMatch(of: row) {
                let pair = FilePair(String(match.1), String(match.2))
                listed.insert(pair)
                if !allowed.contains(pair) { problems.append("not in the allowlist: \(line)") }
            } else if line.hasPrefix("incomplete:") {
                problems.append("duplicates did not finish: \(line)")
            } else if line.hasPrefix("(+") {
                problems.append("the list was cut short, so some pairs went unseen: \(line)")
            }
        }
        for pair in allowed.subtracting(listed).sorted(by: { $0.description < $1.description }) {
            problems.append("allowed but no longer listed; remove it from the allowlist: \(pair)")
        }
        return problems
    }

    @Test("every pair duplicates lists in Sources/ is in the allowlist, with its reason",
          .enabled(if: command != nil, "the duplicates command is not on PATH, so nothing checks for duplicated code"),
          .timeLimit(.minutes(2)))
    func sources() throws {
        let (allowed, allowlistProblems) = Self.allowlist(try String(contentsOf: Self.allowlistFile, encoding: .utf8))
        let process = Process()
        process.executableURL = try #require(Self.command)
        process.arguments = ["--repo", CommandLineTests.packageRoot.appendingPathComponent("Sources").path,
                             "--most", "200", "--seconds", "60"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.contains("files read)"), "duplicates did not say what it read: \(output)")
        for problem in allowlistProblems + Self.problems(in: output, allowed: allowed) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test("an unlisted pair, an entry without a reason, a stale entry and an incomplete run are each a failure")
    func catchesWhatIsWrong() {
        let (allowed, allowlistProblems) = Self.allowlist("""
            # catalogs
            A/Catalog.swift ~ A/Catalog.swift: the catalog, one entry per rule

            B/Gone.swift ~ C/Gone.swift: was a table
            C/Two.swift ~ B/One.swift:
            D/Bad.swift: no second file
            """)
        #expect(allowlistProblems == [
            "allowlist line 5: 'C/Two.swift ~ B/One.swift' gives no reason",
            "allowlist line 6: expected 'a.swift ~ b.swift: reason', found 'D/Bad.swift: no second file'",
        ])
        let output = """
            3 pairs of places (9 files read), each sharing runs of 6 or more identical or same-shape lines (3 by shape alone)
            D1 A/Catalog.swift:20-37 ~ A/Catalog.swift:34-44 shape (+5 more runs)
            D2 B/One.swift:1-9 ~ C/Two.swift:3-11
            D3 E/New.swift:12-21 ~ E/Old.swift:11-20 shape boilerplate
            (+4 more pairs)
            incomplete: time: 12 of 40 files paired in 60 seconds
            """
        #expect(Self.problems(in: output, allowed: allowed) == [
            "not in the allowlist: D2 B/One.swift:1-9 ~ C/Two.swift:3-11",
            "not in the allowlist: D3 E/New.swift:12-21 ~ E/Old.swift:11-20 shape boilerplate",
            "the list was cut short, so some pairs went unseen: (+4 more pairs)",
            "duplicates did not finish: incomplete: time: 12 of 40 files paired in 60 seconds",
            "allowed but no longer listed; remove it from the allowlist: B/Gone.swift ~ C/Gone.swift",
        ])
        #expect(Self.problems(in: "D1 C/Two.swift:1-9 ~ A/Catalog.swift:3-11\n", allowed: [FilePair("A/Catalog.swift", "C/Two.swift")]).isEmpty,
                "a pair is allowed in either order")
    }
}
