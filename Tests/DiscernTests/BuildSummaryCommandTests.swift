import Foundation
import Testing

/// `discern build --summary FILE`, as a GitHub Actions step runs it with
/// `$GITHUB_STEP_SUMMARY`: appended to, and written when the build fails too.
@Suite("build --summary")
struct BuildSummaryCommandTests {
    let cli = CommandLineTests()

    func read(_ url: URL) -> String {
        String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self)
    }

    @Test("the summary is appended to what the file already holds, once per build")
    func appends() throws {
        // The earlier step's last line has no line break: the summary must not run on from it.
        let root = try cli.folder(cli.valid.mapKeys { "content/" + $0 }.merging(["summary.md": "# An earlier step"], uniquingKeysWith: { $1 }))
        for _ in 1...2 {
            let run = try cli.discern(["build", "--content", "content", "--output", "site", "--summary", "summary.md"], in: root)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let summary = read(root.appendingPathComponent("summary.md"))
        let one = """
            ## Discern: T

            Built 12 pages (10 charts) into site/.

            ### Outcomes for Acme, 2026-Q1

            | Outcome | 2026-Q1 | vs 2025-Q4 | vs baseline |
            |---|---|---|---|
            | M | 2.5 d | — | baseline is 2026-Q1 |

            No warnings or notes from the report checks.

            ### Privacy

            Suppressed: 0 teams and 0 values (minimum group size 5). Teams with fewer than 5 people get no page and are named nowhere; values resting on too few people are hidden.


            """
        #expect(summary == "# An earlier step\n" + one + one)
    }

    @Test("a failed build still writes the summary, listing the errors at repository paths, and exits 1")
    func failed() throws {
        var files = cli.valid
        files["data/v.csv"] = "period,team,metric,value\n2026-Q1,a,m,x\n"
        let root = try cli.folder(files.mapKeys { "content/" + $0 })
        let run = try cli.discern(["build", "--content", "content", "--output", "site", "--summary", "summary.md"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("data/v.csv:2:13: error: value must be a number, found 'x'\n"), "the text output is unchanged")
        #expect(read(root.appendingPathComponent("summary.md")) == """
            ## Discern: not built

            The site was not built: 1 error. Fix them and build again.

            ### Errors (1)

            - content/data/v.csv:2:13: value must be a number, found 'x'


            """)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    @Test("the sample's summary has its outcomes and counts, and never the suppressed team")
    func sample() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("discern-summary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let summary = folder.appendingPathComponent("summary.md")
        let run = try cli.discern(["build", "--output", folder.appendingPathComponent("site").path, "--summary", summary.path])
        #expect(run.status == 0, "\(run.stderr)")
        let text = read(summary)
        #expect(text.contains("### Outcomes for Kestrel Payments, 2026-Q3"))
        #expect(text.contains("| Change lead time | 2.7 days | ↓ −0.1 days (no clear change) | ↓ −0.6 days (better) since 2025-Q2 |"))
        #expect(text.split(separator: "\n").count { $0.hasPrefix("| ") } == 7, "the header and six outcome metrics")
        #expect(text.contains("Built 138 pages (2391 charts) into "))
        #expect(text.contains("\nSuppressed: 1 team and "))
        #expect(text.contains("- **D108** content/data/engineering.csv:14:33: Change failure rate got worse for checkout-web"))
        #expect(!text.contains("Developer Experience") && !text.contains("devex"))
    }

    @Test("--summary with --watch, or into a folder that does not exist, is a usage error")
    func usage() throws {
        #expect(try cli.discern(["build", "--summary", "s.md", "--watch"]).status == 2)
        let missing = try cli.discern(["build", "--summary", "/nonexistent/folder/summary.md"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no folder '/nonexistent/folder' for --summary"))
    }
}
