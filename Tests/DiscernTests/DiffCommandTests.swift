import Foundation
import Testing

/// `discern diff` on the fixture pair in `Tests/Fixtures/diff-old` and `diff-new`, whose
/// `site.yaml` comments say what changed between them.
@Suite("discern diff")
struct DiffCommandTests {
    let cli = CommandLineTests()
    let old = "Tests/Fixtures/diff-old", new = "Tests/Fixtures/diff-new"

    static let table = """
        Period   Scope        Metric               Old        New
        2026-Q1  Web          Cycle time           4.0 days → suppressed
        2026-Q2  Acme         Cycle time           4.2 days → 4.4 days
        2026-Q2  Acme         Change failure rate  —        → 10.7%
        2026-Q2  Engineering  Cycle time           4.6 days → 4.7 days
        2026-Q2  Engineering  Change failure rate  —        → 12.0%
        2026-Q2  Web          Cycle time           3.6 days → suppressed
        2026-Q2  API          Change failure rate  —        → 12.0%
        2026-Q2  Operations   Cycle time           3.0 days → 3.5 days
        2026-Q2  Operations   Change failure rate  —        → 9.4%

        9 published numbers change in the organization, 1 group and 3 teams. 2 more concern teams now too small to show, and are not listed.

        """

    @Test("changed, suppressed and new numbers, sorted by quarter, scope and metric; CSAT's change below 0.1 is not listed")
    func text() throws {
        let run = try cli.discern(["diff", old, new])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(run.stdout == Self.table)
        #expect(!run.stdout.contains("CSAT"), "80.02% and 80.04% both show as 80.0%")
    }

    @Test("a Markdown table for a pull-request comment")
    func markdown() throws {
        let run = try cli.discern(["diff", old, new, "--format", "markdown"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            ### Published numbers that change

            | Quarter | Scope | Metric | Old | New |
            |---|---|---|---|---|
            | 2026-Q1 | Web | Cycle time | 4.0 days | suppressed |
            | 2026-Q2 | Acme | Cycle time | 4.2 days | 4.4 days |
            | 2026-Q2 | Acme | Change failure rate | — | 10.7% |
            | 2026-Q2 | Engineering | Cycle time | 4.6 days | 4.7 days |
            | 2026-Q2 | Engineering | Change failure rate | — | 12.0% |
            | 2026-Q2 | Web | Cycle time | 3.6 days | suppressed |
            | 2026-Q2 | API | Change failure rate | — | 12.0% |
            | 2026-Q2 | Operations | Cycle time | 3.0 days | 3.5 days |
            | 2026-Q2 | Operations | Change failure rate | — | 9.4% |

            9 published numbers change in the organization, 1 group and 3 teams. 2 more concern teams now too small to show, and are not listed.


            """)
    }

    @Test("JSON: each change with ids, names, shown text (null when none) and status, and the count")
    func json() throws {
        let run = try cli.discern(["diff", old, new, "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == 9)
        let first = changes[0]
        #expect(first["period"] as? String == "2026-Q1" && first["scope"] as? String == "web" && first["scopeKind"] as? String == "team")
        #expect(first["scopeName"] as? String == "Web" && first["metric"] as? String == "cycle_time" && first["metricName"] as? String == "Cycle time")
        #expect(first["old"] as? String == "4.0 days" && first["oldStatus"] as? String == "published")
        #expect(first["new"] is NSNull && first["newStatus"] as? String == "suppressed")
        let added = changes[2]
        #expect(added["scope"] as? String == "org" && added["scopeKind"] as? String == "organization")
        #expect(added["old"] is NSNull && added["oldStatus"] as? String == "absent" && added["new"] as? String == "10.7%")
        #expect(Set(changes.map { Set($0.keys) }) == [["period", "scope", "scopeKind", "scopeName", "metric", "metricName", "old", "oldStatus", "new", "newStatus"]])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["changes"] as? Int == 9 && summary["scopes"] as? Int == 5 && summary["withheld"] as? Int == 2)
        #expect(summary["line"] as? String == "9 published numbers change in the organization, 1 group and 3 teams. 2 more concern teams now too small to show, and are not listed.")
    }

    @Test("a value that became suppressed is never printed, in any format")
    func neverTheHiddenValue() throws {
        for format in ["text", "markdown", "json"] {
            let run = try cli.discern(["diff", old, new, "--format", format])
            #expect(!run.stdout.contains("3.9"), "Web's new 2026-Q2 value is hidden (\(format))")
        }
        // The other way round, Data's and Web's hidden values are not shown as old ones either.
        let back = try cli.discern(["diff", new, old])
        #expect(back.stdout.contains("2026-Q2  Web          Cycle time           suppressed → 3.6 days"))
        #expect(!back.stdout.contains("3.9"))
    }

    @Test("the same content twice: nothing changes, exit 0")
    func unchanged() throws {
        let run = try cli.discern(["diff", old, old])
        #expect(run.status == 0)
        #expect(run.stdout == "No published number changes.\n")
        let markdown = try cli.discern(["diff", old, old, "--format", "markdown"])
        #expect(markdown.stdout == "### Published numbers that change\n\nNo published number changes.\n\n")
    }

    @Test("content errors exit 1, each at its path in the version it belongs to, and name the side")
    func contentErrors() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("discern-diff-\(UUID().uuidString)")
        let broken = root.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandLineTests.packageRoot.appendingPathComponent(new), to: broken)
        try "period,team,cycle_time\n2026-Q2,wbe,x\n".write(to: broken.appendingPathComponent("data/more.csv"), atomically: true, encoding: .utf8)
        let run = try cli.discern(["diff", CommandLineTests.packageRoot.appendingPathComponent(old).path, "broken"], in: root)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == """
            broken/data/more.csv:2:9: error: unknown team 'wbe'; did you mean 'web'?
            broken/data/more.csv:2:13: error: value must be a number, found 'x'
            discern: the new content (broken) has 2 errors
            discern: not compared; fix the errors above

            """)
        let reversed = try cli.discern(["diff", "broken", CommandLineTests.packageRoot.appendingPathComponent(old).path], in: root)
        #expect(reversed.status == 1)
        #expect(reversed.stderr.contains("discern: the old content (broken) has 2 errors\n"))
    }

    @Test("usage errors exit 2")
    func usage() throws {
        #expect(try cli.discern(["diff", old]).status == 2)
        #expect(try cli.discern(["diff", old, new, "--against", "HEAD"]).status == 2)
        #expect(try cli.discern(["diff", old, "/nonexistent/content"]).status == 2)
        #expect(try cli.discern(["diff", old, new, "--content", "content"]).status == 2)
        #expect(try cli.discern(["diff", old, new, "--format", "html"]).status == 2)
        #expect(try cli.discern(["diff", "--against", "--upload-pack=x"]).status == 2)
    }

    /// A repository whose committed content is diff-old and whose working copy is diff-new.
    func repository() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("discern-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let content = root.appendingPathComponent("report/content")
        try FileManager.default.createDirectory(at: content.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandLineTests.packageRoot.appendingPathComponent(old), to: content)
        try git(["init", "-q"], in: root)
        try git(["add", "."], in: root)
        try git(["-c", "user.name=Discern tests", "-c", "user.email=tests@example.invalid", "commit", "-q", "-m", "old"], in: root)
        try FileManager.default.removeItem(at: content)
        try FileManager.default.copyItem(at: CommandLineTests.packageRoot.appendingPathComponent(new), to: content)
        return root
    }

    func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    @Test("--against compares the content folder at a git revision with the working copy")
    func against() throws {
        let root = try repository()
        let report = root.appendingPathComponent("report")
        let run = try cli.discern(["diff", "--against", "HEAD"], in: report)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == Self.table)
        // From elsewhere, with --content.
        let elsewhere = try cli.discern(["diff", "--against", "HEAD", "--content", report.appendingPathComponent("content").path, "--format", "json"])
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
        #expect(elsewhere.stdout.contains("\"line\" : \"9 published numbers change in the organization, 1 group and 3 teams. 2 more concern teams now too small to show, and are not listed.\""))
        // The copy taken out of git goes in the temporary folder, and is removed afterwards.
        let temporary = root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let again = try cli.discern(["diff", "--against", "HEAD"], in: report, environment: ["TMPDIR": temporary.path])
        #expect(again.stdout == Self.table)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    }

    @Test("--against: errors in the old version are named by revision and path; a bad revision is a usage error")
    func againstErrors() throws {
        let root = try repository()
        let values = root.appendingPathComponent("report/content/data/values.csv")
        let committed = try String(contentsOf: values, encoding: .utf8)
        try (committed + "2026-Q2,api,x,,\n").write(to: values, atomically: true, encoding: .utf8)
        try git(["-c", "user.name=Discern tests", "-c", "user.email=tests@example.invalid", "commit", "-q", "-am", "broken"], in: root)
        try committed.write(to: values, atomically: true, encoding: .utf8)
        let run = try cli.discern(["diff", "--against", "HEAD"], in: root.appendingPathComponent("report"))
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("HEAD:report/content/data/values.csv:10:13: error: value must be a number, found 'x'\n"), "\(run.stderr)")
        #expect(run.stderr.contains("discern: the old content (HEAD:report/content) has "))

        let missing = try cli.discern(["diff", "--against", "no-such-branch"], in: root.appendingPathComponent("report"))
        #expect(missing.status == 2)
        #expect(missing.stderr == "discern: no git revision 'no-such-branch'; fetch it first (in GitHub Actions, check out with fetch-depth: 0)\n")

        let loose = FileManager.default.temporaryDirectory.appendingPathComponent("discern-nogit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: loose, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandLineTests.packageRoot.appendingPathComponent(old), to: loose.appendingPathComponent("content"))
        let outside = try cli.discern(["diff", "--against", "HEAD"], in: loose)
        #expect(outside.status == 2)
        #expect(outside.stderr == "discern: --against needs the content folder 'content' to be inside a git repository\n")
    }
}
