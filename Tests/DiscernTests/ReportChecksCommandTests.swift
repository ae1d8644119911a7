import Foundation
import Testing

/// The report checks (lints) as a CI pipeline meets them: rule ids in `check`'s output,
/// `--strict`, notes after `build`'s summary, and the sample content passing them all.
@Suite("report checks on the command line")
struct ReportChecksCommandTests {
    let cli = CommandLineTests()

    /// The rule ids of a `check --format json` run, with how often each fired.
    func rules(_ content: String, strict: Bool = false) throws -> (status: Int32, rules: [String: Int], severities: Set<String>) {
        let run = try cli.discern(["check", "--content", content, "--format", "json"] + (strict ? ["--strict"] : []))
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        var rules: [String: Int] = [:]
        for diagnostic in diagnostics { if let rule = diagnostic["rule"] as? String { rules[rule, default: 0] += 1 } }
        return (run.status, rules, Set(diagnostics.compactMap { $0["severity"] as? String }))
    }

    @Test("a usage-only report triggers every rule, and --strict fails it")
    func usageOnly() throws {
        let (status, rules, severities) = try rules("Tests/Fixtures/usage-only")
        #expect(status == 0, "findings are warnings and notes")
        #expect(rules == ["D101": 1, "D102": 1, "D103": 1, "D104": 1, "D105": 1, "D106": 1, "D107": 2, "D108": 3, "D109": 1])
        #expect(severities == ["warning", "note"])
        let strict = try self.rules("Tests/Fixtures/usage-only", strict: true)
        #expect(strict.status == 1)
        #expect(strict.severities == ["error", "note"], "warnings become errors; notes stay notes")
    }

    @Test("the sample content passes every check with --strict")
    func sample() throws {
        let run = try cli.discern(["check", "--content", "content", "--strict"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("warning:") && !run.stderr.contains("error:"), "\(run.stderr)")
        #expect(run.stdout.contains(", 0 errors, 0 warnings"))
    }

    @Test("a rule switched off in site.yaml stays quiet, and the methodology page gives the reason")
    func switchedOff() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("discern-lints-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CommandLineTests.packageRoot.appendingPathComponent("Tests/Fixtures/usage-only"), to: root)
        let site = root.appendingPathComponent("site.yaml")
        try (String(contentsOf: site, encoding: .utf8) + "lints:\n  off:\n    D104: Lead time baselines arrive with the <2027> survey.\n")
            .write(to: site, atomically: true, encoding: .utf8)
        #expect(try rules(root.path).rules["D104"] == nil)
        let output = root.appendingPathComponent("site")
        let build = try cli.discern(["build", "--content", root.path, "--output", output.path])
        #expect(build.status == 0, "\(build.stderr)")
        let methodology = try String(contentsOf: output.appendingPathComponent("methodology/index.html"), encoding: .utf8)
        #expect(methodology.contains("<strong>Switched off for this report:</strong> Lead time baselines arrive with the &lt;2027&gt; survey."))
        #expect(methodology.contains("<dt id=\"D101\"><code>D101</code> usage-leads</dt>"))
        // Notes come after the summary line, on standard output.
        let lines = build.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Built ") == true)
        #expect(lines.dropFirst().first == "4 notes for the narratives to address:")
        #expect(lines.dropFirst(2).allSatisfy { $0.hasPrefix("  ") && ($0.hasSuffix("[D108]") || $0.hasSuffix("[D109]")) })
        // The names listed in the front matter never reach the site.
        for path in try BuildCommandTests.files(in: output) {
            let text = String(decoding: FileManager.default.contents(atPath: output.appendingPathComponent(path).path) ?? Data(), as: UTF8.self)
            #expect(!text.contains("anneliese") && !text.contains("vexley"), "\(path)")
        }
    }
}
