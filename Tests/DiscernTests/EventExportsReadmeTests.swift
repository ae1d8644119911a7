import Foundation
import Testing

/// README's "Event exports", as a new user would follow it: its sample rows are the
/// fixtures' first lines, its specs are run as written (written out of README into a
/// working folder), its commands print what it shows, its output CSV is what is written,
/// and the content then checks and builds with the metrics entries pasted in. The values
/// are worked out by hand in EventImporterTests; the DORA definitions are the Four Keys
/// project's (https://github.com/dora-team/fourkeys/blob/main/METRICS.md) and Jira's
/// default date format is the Jira Cloud REST API's
/// (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-jira-settings/).
@Suite("README's event exports")
struct EventExportsReadmeTests {
    let cli = CommandLineTests()
    static let fixtures = ImportCommandTests.fixtures.appendingPathComponent("events")

    static func section() throws -> ArraySlice<String> {
        let section = try Readme().section("### Event exports")
        #expect(section.count > 50, "README has an Event exports subsection")
        return section
    }

    /// Each spec in the section, by the file name its first line gives (`# deployments.yaml: …`).
    static func specs() throws -> [String: String] {
        var specs: [String: String] = [:]
        for block in Readme.codeBlocks(in: try section(), language: "yaml") {
            let name = try #require(block.firstMatch(of: #/^# ([a-z-]+\.yaml):/#)?.1, "a spec names its file first: \(block)")
            specs[String(name)] = block
        }
        return specs
    }

    /// A command of the section's `sh` blocks, with the `# ` lines it shows it prints.
    struct Command {
        var arguments: [String]
        var output: [String]
    }

    static func commands() throws -> [Command] {
        var commands: [Command] = []
        for block in Readme.codeBlocks(in: try section(), language: "sh") {
            var continued = ""
            for line in block.split(separator: "\n").map(String.init) {
                if line.hasPrefix("# ") {
                    commands[commands.count - 1].output.append(String(line.dropFirst(2)))
                } else if line.hasSuffix("\\") {
                    continued += line.dropLast()
                } else {
                    commands.append(Command(arguments: (continued + line).split(separator: " ").map(String.init), output: []))
                    continued = ""
                }
            }
        }
        return commands
    }

    @Test("the section's specs are the fixtures' specs, word for word, and its sample rows the fixtures' first rows")
    func samples() throws {
        let specs = try Self.specs()
        #expect(specs.keys.sorted() == ["deployments.yaml", "incidents.yaml", "jira.yaml"])
        for (name, text) in specs {
            #expect(text == (try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)), "\(name)")
        }
        let exports = ["deployments.csv", "incidents.csv", "jira-issues.csv"]
        let samples = Readme.codeBlocks(in: try Self.section(), language: "csv").filter { !$0.hasPrefix("period,") }
        #expect(samples.count == 3)
        for sample in samples {
            let texts = try exports.map { try String(contentsOf: Self.fixtures.appendingPathComponent($0), encoding: .utf8) }
            #expect(texts.contains { $0.hasPrefix(sample) && sample.split(separator: "\n").count >= 3 },
                    "a sample is a fixture's header and first rows: \(sample)")
        }
    }

    @Test("the section's commands run as written, print what it shows, write its CSV, and the content checks and builds")
    func commands() throws {
        let commands = try Self.commands()
        #expect(commands.map { $0.arguments.prefix(3).joined(separator: " ") } == [
            "discern import events", "discern import events", "discern import events",
        ])
        var files = [
            "content/site.yaml": "title: AI impact report\norganization: Northwind\n",
            "content/teams.yaml": EventImportCommandTests.teams,
        ]
        for name in ["deployments.csv", "incidents.csv", "jira-issues.csv", "people.csv"] {
            files[name] = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
        }
        for (name, text) in try Self.specs() { files[name] = text }
        let folder = try cli.folder(files)

        var printed: [String] = []
        var fragments = ""
        for command in commands {
            let run = try cli.discern(Array(command.arguments.dropFirst()), in: folder)
            #expect(run.status == 0, "\(command.arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty, "the entries went to --metrics")
            let lines = run.stderr.split(separator: "\n").map(String.init)
            for line in command.output { #expect(lines.contains(line), "README shows: \(line)\nprinted: \(run.stderr)") }
            #expect(command.output.count >= 2)
            printed.append(run.stderr)
            let metrics = try #require(command.arguments.firstIndex(of: "--metrics").map { command.arguments[$0 + 1] })
            fragments += try String(contentsOf: folder.appendingPathComponent(metrics), encoding: .utf8)
        }
        let shown = try #require(Readme.codeBlocks(in: try Self.section(), language: "csv").first { $0.hasPrefix("period,") })
        #expect(try String(contentsOf: folder.appendingPathComponent("content/data/deployments.csv"), encoding: .utf8) == shown)

        // Pasted under `metrics:`, the entries make the data check clean and build.
        let content = folder.appendingPathComponent("content")
        try ("metrics:\n" + fragments).write(to: content.appendingPathComponent("metrics.yaml"), atomically: true, encoding: .utf8)
        let check = try cli.discern(["check", "--content", content.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let site = folder.appendingPathComponent("site")
        let build = try cli.discern(["build", "--content", content.path, "--output", site.path])
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: site.appendingPathComponent("teams/platform/2026-Q3/index.html"), encoding: .utf8)
        for name in ["Deployment frequency", "Lead time for changes", "Change failure rate", "Time to restore", "Cycle time"] {
            #expect(page.contains(name), "\(name)")
        }

        // No person's e-mail address, display name or account id in anything printed or written.
        var texts = printed + [check.stdout, check.stderr, build.stdout, build.stderr, fragments]
        for file in try BuildCommandTests.files(in: content) + (try BuildCommandTests.files(in: site)).map({ "../site/" + $0 }) {
            texts.append(String(decoding: try Data(contentsOf: content.appendingPathComponent(file)), as: UTF8.self))
        }
        let identifiers = try String(contentsOf: ImportCommandTests.fixtures.appendingPathComponent("identifiers.txt"), encoding: .utf8)
            .split(separator: "\n").map { $0.lowercased() }
        let everything = texts.joined(separator: "\n").lowercased()
        #expect(identifiers.filter { everything.contains($0) }.isEmpty)
        // The check can fail: the exports hold e-mail addresses, names and account ids.
        let inputs = ["deployments.csv", "incidents.csv", "jira-issues.csv"].map { files[$0]!.lowercased() }.joined()
        #expect(identifiers.filter { inputs.contains($0) }.count >= 30)
    }
}
