import Foundation
import Testing

/// `discern check --format github`, as a GitHub Actions step runs it from the
/// repository's root: workflow commands on standard output, paths from that root.
@Suite("check --format github")
struct GitHubFormatTests {
    let cli = CommandLineTests()

    @Test("lint findings become annotations at content-folder paths, then the summary line")
    func usageOnly() throws {
        let run = try cli.discern(["check", "--content", "Tests/Fixtures/usage-only", "--format", "github"])
        #expect(run.status == 0, "warnings and notes do not fail a check")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "::warning file=Tests/Fixtures/usage-only/data/usage.csv,line=3,col=20,title=Discern D103::"
            + "'time_saved' is self-reported and 'beta' has no system-measured outcome in 2026-Q1 and 2026-Q2; "
            + "people misjudge their own gains, so add a measured outcome beside it")
        #expect(lines.contains("::notice file=Tests/Fixtures/usage-only/narratives/org/2026-Q2.md,line=1,col=1,title=Discern D108::"
            + "Lead time got worse for the organization in 2026-Q2 (3.0 to 3.6) while Prompts per person rose (20.2 to 33.0); "
            + "the narrative should say why"))
        // The message's % is escaped, so the runner does not read it as an escape of its own.
        #expect(lines.contains { $0.hasPrefix("::warning file=Tests/Fixtures/usage-only/narratives/org/2026-Q2.md,line=6,col=29,title=Discern D106::'59%25' is the value") })
        #expect(lines.dropLast(2).allSatisfy { $0.hasPrefix("::warning file=Tests/Fixtures/usage-only/") || $0.hasPrefix("::notice file=Tests/Fixtures/usage-only/") })
        #expect(lines.count == 8 + 4 + 2, "eight warnings, four notes, the summary and the final newline")
        #expect(lines.dropLast().last == "Tests/Fixtures/usage-only: 3 teams, 1 group, 5 metrics, 2 periods (2026-Q1 to 2026-Q2), "
            + "18 observations, 1 narrative, suppressed: 0 teams and 0 values, 0 errors, 8 warnings, 4 notes")
    }

    @Test("--strict makes the warnings ::error annotations and exits 1; notes stay notices")
    func strict() throws {
        let run = try cli.discern(["check", "--content", "Tests/Fixtures/usage-only", "--format", "github", "--strict"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("::error file=Tests/Fixtures/usage-only/metrics.yaml,line=25,col=5,title=Discern D102::"))
        #expect(!run.stdout.contains("::warning"))
        #expect(run.stdout.contains("::notice file="))
    }

    /// Diagnostics keep the order `--format text` prints them in: the theme override's
    /// path is labelled `content/theme/…` already, and sorts before `data/`.
    @Test("content errors are prefixed with the content folder; theme errors keep their own path")
    func errorsAndTheme() throws {
        var files = cli.valid
        files["data/v.csv"] = "period,team,metric,value\n2026-Q1,a,m,x\n"
        let root = try cli.folder(files.mapKeys { "report/content/" + $0 }.merging(
            ["report/content/theme/page.mustache": "<main>{{#main}}</main>\n"], uniquingKeysWith: { $1 }))
        let run = try cli.discern(["check", "--content", "content", "--format", "github"], in: root.appendingPathComponent("report"))
        #expect(run.status == 1)
        #expect(run.stdout == """
            ::error file=content/theme/page.mustache,line=2,col=1,title=Discern::template syntax: a section is never closed
            ::error file=content/data/v.csv,line=2,col=13,title=Discern::value must be a number, found 'x'
            content: 2 teams, 0 groups, 1 metric, 0 periods, 0 observations, 0 narratives, suppressed: 0 teams and 0 values, 2 errors, 0 warnings

            """)
    }

    @Test("a file name with a comma or a colon is escaped in the file property")
    func escapedFileName() throws {
        var files = cli.valid
        files["data/v.csv"] = nil
        files["data/q1,a:b.csv"] = "period,team,metric,value\n2026-Q1,a,m,2\n2026-Q1,b,m,100%\n"
        let root = try cli.folder(files)
        let run = try cli.discern(["check", "--content", ".", "--format", "github"], in: root)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("::error file=data/q1%2Ca%3Ab.csv,line=3,col=13,title=Discern::value must be a number, found '100%25'\n"))
    }
}

extension Dictionary where Key == String {
    func mapKeys(_ transform: (String) -> String) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
