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

    @Test("it parses, runs on pull requests, and checks out, checks, builds with a summary, diffs and uploads site/")
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
        #expect(scripts.contains { $0.contains("Scripts/install-dependencies") })
        #expect(scripts.contains { $0.contains("discern check") && $0.contains("--format github") })
        let build = steps.first { $0["run"]?.string?.contains("discern build") == true }
        #expect(build?["run"]?.string?.contains("--summary \"$GITHUB_STEP_SUMMARY\"") == true)
        #expect(build?["if"]?.string == "${{ !cancelled() }}", "the summary is written after a failed check too")
        let diff = steps.first { $0["run"]?.string?.contains("discern diff") == true }
        #expect(diff?["if"]?.string == "github.event_name == 'pull_request'")
        #expect(diff?["env"]?["BASE_REF"]?.string == "${{ github.base_ref }}")
        #expect(diff?["run"]?.string?.contains("--against \"origin/$BASE_REF\"") == true)
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
