import Foundation
import Testing
import TestSupport

/// Outputs meant for sharing (the step summary, `diff`, and `check` in CI, whose logs and
/// annotations others read) never name a team too small to show: findings about one are
/// counted, and no suggestion offers its id. On a terminal without `CI`, `check` names
/// it to the author.
@Suite("Shared outputs name no hidden team")
struct SharedOutputPrivacyTests {
    let cli = CommandLineTests()

    /// Engineering holds Alpha (8), Bravo (9) and Developer Experience (3, suppressed).
    let content: [String: String] = [
        "site.yaml": "title: T\norganization: Acme\n",
        "teams.yaml": """
            teams:
              - {id: eng, name: Engineering}
              - {id: alpha, name: Alpha, parent: eng, headcount: 8}
              - {id: bravo, name: Bravo, parent: eng, headcount: 9}
              - {id: devex, name: Developer Experience, parent: eng, headcount: 3}

            """,
        "metrics.yaml": "metrics:\n  - {id: m, name: M, category: outcome, unit: d, better: lower, aggregate: mean, baseline: 2026-Q1}\n",
        "data/v.csv": "period,team,metric,value\n2026-Q1,alpha,m,2\n2026-Q1,bravo,m,3\n2026-Q1,devex,m,4\n",
    ]

    func hidden(_ text: String) -> Bool {
        text.contains("devex") || text.contains("Developer Experience")
    }

    func root(_ edit: (inout [String: String]) -> Void) throws -> URL {
        var files = content
        edit(&files)
        return try cli.folder(files.mapKeys { "content/" + $0 })
    }

    @Test("build --summary counts a duplicate row of a hidden team instead of listing it")
    func summaryDuplicateRow() throws {
        let root = try root { $0["data/v.csv"]! += "2026-Q1,devex,m,4\n" }
        let run = try cli.discern(["build", "--content", "content", "--output", "site", "--summary", "summary.md"], in: root)
        #expect(run.status == 1)
        let summary = String(decoding: FileManager.default.contents(atPath: root.appendingPathComponent("summary.md").path) ?? Data(), as: UTF8.self)
        #expect(summary.contains("The site was not built: 1 error."))
        #expect(!hidden(summary), "\(summary)")
        #expect(summary.contains("- and 1 about a team too small to show, not listed here"), "\(summary)")
    }

    @Test("check in CI counts a warning about a hidden team, in every format, and still fails on its errors",
          arguments: ["text", "json", "github"])
    func checkInCI(format: String) throws {
        let root = try root {
            $0["narratives/org/2026-Q1.md"] = "Developer experience reads {{ value m team=devex }}.\n"
            $0["data/v.csv"]! += "2026-Q1,devex,m,4\n"
        }
        let run = try cli.discern(["check", "--content", "content", "--theme", "default", "--format", format], in: root,
                                  environment: ["CI": "true"])
        #expect(run.status == 1, "the withheld duplicate row is still an error")
        #expect(!hidden(run.stdout + run.stderr), "\(run.stdout)\(run.stderr)")
        #expect((run.stdout + run.stderr).contains("2 problems concern teams too small to show"), "\(run.stdout)\(run.stderr)")
    }

    @Test("check on the author's terminal, without CI, names the team")
    func checkLocally() throws {
        let root = try root { $0["data/v.csv"]! += "2026-Q1,devex,m,4\n" }
        let run = try cli.discern(["check", "--content", "content"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("devex"), "\(run.stderr)")
    }

    @Test("no suggestion offers a hidden team's id", arguments: [[String: String](), ["CI": "true"]])
    func suggestions(environment: [String: String]) throws {
        let root = try root { $0["data/v.csv"]! += "2026-Q1,devx,m,4\n2026-Q1,alpah,m,4\n" }
        let run = try cli.discern(["check", "--content", "content", "--format", "github"], in: root, environment: environment)
        #expect(run.status == 1)
        #expect(run.stdout.contains("unknown team 'devx'"), "\(run.stdout)")
        #expect(run.stdout.contains("did you mean 'alpha'?"), "a visible team is still suggested")
        #expect(!run.stdout.contains("did you mean 'devex'"), "\(run.stdout)")
    }

    @Test("diff names no team that is hidden in either version, and counts its changes")
    func diff() throws {
        let root = try root { _ in }
        var bigger = content
        bigger["teams.yaml"] = bigger["teams.yaml"]!.replacingFixture( "headcount: 3}", with: "headcount: 6}")
        #expect(bigger["teams.yaml"] != content["teams.yaml"])
        let old = try cli.folder(bigger)
        let run = try cli.discern(["diff", old.path, root.appendingPathComponent("content").path], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!hidden(run.stdout), "\(run.stdout)")
        #expect(run.stdout.contains("too small to show"), "\(run.stdout)")
    }
}
