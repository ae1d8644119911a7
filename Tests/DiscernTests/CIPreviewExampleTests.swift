import Foundation
import Testing
import Yams

/// The README's GitHub Actions example, parsed as YAML and held to the tool: the steps
/// it promises are there, and every `discern` option it uses exists.
@Suite("The README's CI previews workflow")
struct CIPreviewExampleTests {
    let cli = CommandLineTests()

    static func workflow() throws -> Node {
        let blocks = Readme.codeBlocks(in: try Readme().section("## CI previews"), language: "yaml")
        #expect(blocks.count == 1)
        // The basic resolver reads every scalar as a string, as GitHub does with `on:`.
        let block = try #require(blocks.first)
        return try #require(try Yams.compose(yaml: block, .basic))
    }

    static func steps(_ workflow: Node) -> [Node] {
        workflow["jobs"]?["preview"]?["steps"]?.sequence.map(Array.init) ?? []
    }

    @Test("it parses, runs on pull requests, and installs, checks out, checks, builds with a summary, diffs and uploads site/")
    func structure() throws {
        let workflow = try Self.workflow()
        #expect(workflow["on"]?["pull_request"] != nil)
        let steps = Self.steps(workflow)
        #expect(steps.count == 6)
        let checkout = steps.first { $0["uses"]?.string == "actions/checkout@v4" }
        #expect(checkout?["with"]?["fetch-depth"]?.string == "0", "diff --against needs the base branch")
        let upload = steps.first { $0["uses"]?.string == "actions/upload-artifact@v4" }
        #expect(upload?["with"]?["path"]?.string == "site/")
        let scripts = steps.compactMap { $0["run"]?.string }
        #expect(scripts.contains { $0.contains("discern check") && $0.contains("--format github") })
        let build = steps.first { $0["run"]?.string?.contains("discern build") == true }
        #expect(build?["run"]?.string?.contains("--summary \"$GITHUB_STEP_SUMMARY\"") == true)
        #expect(build?["if"]?.string == "${{ !cancelled() }}", "the summary is written after a failed check too")
        let diff = steps.first { $0["run"]?.string?.contains("discern diff") == true }
        #expect(diff?["if"]?.string == "github.event_name == 'pull_request'")
        #expect(diff?["env"]?["BASE_REF"]?.string == "${{ github.base_ref }}")
        #expect(diff?["run"]?.string?.contains("--against \"origin/$BASE_REF\"") == true)
    }

    @Test("it installs the released .deb of this discern's version, with git, before the checkout; it builds nothing")
    func install() throws {
        let workflow = try Self.workflow()
        let version = try cli.discern(["--version"]).stdout.trimmingCharacters(in: .newlines)
        #expect(workflow["jobs"]?["preview"]?["env"]?["DISCERN_VERSION"]?.string == version,
                "the workflow pins the version this commit builds; change it with DiscernVersion.swift")
        let steps = Self.steps(workflow)
        let install = try #require(steps.firstIndex { $0["run"]?.string?.contains("apt-get install") == true })
        let script = try #require(steps[install]["run"]?.string)
        #expect(script.contains("discern_${DISCERN_VERSION}_$(dpkg --print-architecture).deb"))
        let package = try String(contentsOf: CommandLineTests.packageRoot.appendingPathComponent("Scripts/package"), encoding: .utf8)
        #expect(package.contains("deb=\"dist/discern_${version}_$debarch.deb\""), "the name Scripts/package writes")
        #expect(script.contains("$DISCERN_RELEASES/v$DISCERN_VERSION/"))
        #expect(script.contains(" git"), "the checkout is a repository only when git is there")
        let checkout = try #require(steps.firstIndex { $0["uses"]?.string == "actions/checkout@v4" })
        #expect(install < checkout)
        #expect(!steps.contains { $0["run"]?.string?.contains("swift ") == true })
    }

    @Test("every discern option the workflow uses is one the command has")
    func options() throws {
        let scripts = Self.steps(try Self.workflow()).compactMap { $0["run"]?.string }
        var used: [String: Set<String>] = [:]
        // Each line that runs discern (a folded `>-` script is one line).
        for line in scripts.flatMap({ $0.split(separator: "\n") }) {
            let words = line.split(separator: " ").map(String.init)
            guard words.first == "discern", words.count > 1 else { continue }
            let options = words.dropFirst(2).prefix { $0 != ">>" && $0 != ">" && $0 != "|" && $0 != "&&" }
                .filter { $0.hasPrefix("--") }.map { String($0.prefix { $0 != "=" }) }
            used[words[1], default: []].formUnion(options)
        }
        #expect(Set(used.keys) == ["check", "build", "diff"])
        #expect(used["build"] == ["--content", "--output", "--base-url", "--summary"])
        #expect(used["diff"] == ["--against", "--content", "--format"])
        for (command, options) in used {
            let help = try cli.discern([command, "--help"])
            #expect(help.status == 0)
            for option in options {
                #expect(help.stdout.contains(option + " ") || help.stdout.contains(option + "\n"), "discern \(command) has no \(option)")
            }
        }
    }
}
