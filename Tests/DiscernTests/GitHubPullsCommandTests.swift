import Foundation
import Testing

/// `discern import github-pulls` run as a user would, on pull requests saved as `gh api
/// --paginate` saves them (https://cli.github.com/manual/gh_api) in the shape GitHub
/// documents for "List pull requests" (https://docs.github.com/en/rest/pulls/pulls#list-pull-requests);
/// GitHubPullRequestListTests works their values out by hand.
@Suite("discern import github-pulls on the command line")
struct GitHubPullsCommandTests {
    let cli = CommandLineTests()
    static let folder = ImportCommandTests.fixtures.appendingPathComponent("github-pulls")

    func fixture(_ name: String) -> String { Self.folder.appendingPathComponent(name).path }

    var exports: [String] { ["ledger-api.json", "checkout-web.json", "ledger-api-rerun.ndjson"].map(fixture) }

    /// A content folder with an earlier import's output in it, and that output's bytes,
    /// which a failed import must leave as they are.
    func contentWithEarlierOutput() throws -> (root: URL, output: URL, before: Data) {
        let root = try ImportCommandTests().content()
        let output = root.appendingPathComponent("data/pulls.csv")
        try "period,team,metric,value,n\n2025-Q2,platform,pr_lead_time,12,8\n".write(to: output, atomically: true, encoding: .utf8)
        return (root, output, try Data(contentsOf: output))
    }

    @Test("the exports import, check clean and build with the outcomes shown, and no login or user id appears anywhere")
    func roundTrip() throws {
        let root = try ImportCommandTests().content()
        let output = root.appendingPathComponent("data/pulls.csv")
        let fragment = root.deletingLastPathComponent().appendingPathComponent("fragment-\(UUID().uuidString).yaml")
        let run = try cli.discern(["import", "github-pulls"] + exports
            + ["--teams", fixture("logins.csv"), "--output", output.path, "--metrics", fragment.path, "--content", root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty, "the fragment went to --metrics")
        #expect(run.stderr.contains("Imported 13 values for 2 teams in 2 quarters (2025-Q3 to 2025-Q4) from 15 people "
                                    + "(35 pull requests read) into \(output.path)."), "\(run.stderr)")
        #expect(run.stderr.contains("Read 2 repeated records once: the same pull request came in more than one place."))
        #expect(!run.stderr.contains("headcount"), "teams.yaml gives every team's headcount")
        let csv = try String(contentsOf: output, encoding: .utf8)
        #expect(csv.contains("2025-Q3,platform,pr_lead_time,10,8,,\n"), "a median of fewer than 10 authors: no interval, whose ends would be people's own")
        #expect(csv.contains("2025-Q4,platform,ai_assisted_pr_share,28.5714,6,0,66.6667\n"), "a share's interval over authors and records")
        #expect(csv.contains("2025-Q4,payments,merged_prs_per_engineer_week,0.0326,7,,\n"), "census data: no interval")
        #expect(!csv.contains(",mobile,"))

        let (check, build, site) = try ImportRoundTrip().checkAndBuild(root, fragment: fragment)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.isEmpty, "\(check.stderr)")
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: site.appendingPathComponent("metrics/pr_lead_time/index.html"), encoding: .utf8)
        #expect(page.contains("Pull request lead time"))
        let team = try String(contentsOf: site.appendingPathComponent("teams/platform/2025-Q4/index.html"), encoding: .utf8)
        #expect(team.contains("Pull request lead time") && team.contains("Revert share"))
        // The fragment declares the AI-assisted share `given`, so its interval (0% to 66.7%
        // around 28.6%) is shown on its card as the larger side, at the value's one decimal: ± 38.1.
        let strict = try cli.discern(["check", "--content", root.path, "--strict"])
        #expect(strict.status == 0, "\(strict.stdout)\(strict.stderr)")
        let card = team.components(separatedBy: "<div class=\"kpi ").first { $0.contains("AI-assisted") }
        #expect(card?.contains("<span class=\"kpi-interval\">± 38.1</span>") == true, "\(card ?? team)")

        let texts = [("stdout", run.stdout), ("stderr", run.stderr), ("check", check.stdout + check.stderr),
                     ("build", build.stdout + build.stderr), ("fragment", try String(contentsOf: fragment, encoding: .utf8))]
            + (try ImportRoundTrip.files(in: root, site: site))
        let identifiers = try ImportRoundTrip.identifiers()
        let leaks = ImportRoundTrip.leaks(in: texts, of: identifiers)
        #expect(leaks.isEmpty, "\(leaks.prefix(5))")
        // The check can fail: the exports hold 19 logins, 19 user ids and 2 bots' logins.
        let inputs = try (exports + [fixture("logins.csv")]).map { ("input", try String(contentsOfFile: $0, encoding: .utf8)) }
        #expect(Set(ImportRoundTrip.leaks(in: inputs, of: identifiers)).count == 40)
    }

    @Test("input errors exit 1 with every diagnostic at its line and column, and write nothing")
    func inputErrors() throws {
        let (root, output, before) = try contentWithEarlierOutput()
        let bad = root.deletingLastPathComponent().appendingPathComponent("bad-\(UUID().uuidString).json")
        try """
            [{"number":1,"title":"A","user":{"login":"zed-nw","id":1,"type":"User"},"created_at":"2025-10-01","merged_at":"zed-nw"}]
            [{"number":2,"title":"B","user":{"login":"yan-nw","id":2,"type":"User"},"created_at":"2025-10-01T09:00:00Z",

            """.write(to: bad, atomically: true, encoding: .utf8)
        let fragment = root.appendingPathComponent("fragment.yaml")
        let run = try cli.discern(["import", "github-pulls", bad.path, fixture("ledger-api.json"), "--teams", fixture("logins.csv"),
                                   "--output", output.path, "--metrics", fragment.path, "--content", root.path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(bad.path):1:111: error: 'merged_at' must be an ISO 8601 date and time"), "\(run.stderr)")
        #expect(run.stderr.contains("\(bad.path):3:1: error: expected a quoted key\n"), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("Nothing written: fix the errors above and import again.\n"))
        #expect(!run.stderr.contains("-nw"))
        #expect(try Data(contentsOf: output) == before)
        #expect(!FileManager.default.fileExists(atPath: fragment.path))
        #expect(try BuildCommandTests.files(in: root.appendingPathComponent("data")) == ["outcomes.csv", "pulls.csv"])
    }

    @Test("an export with no merged pull request exits 1 with the reason, and an earlier output stays byte for byte")
    func nothingMerged() throws {
        let (root, output, before) = try contentWithEarlierOutput()
        let open = root.deletingLastPathComponent().appendingPathComponent("open-\(UUID().uuidString).json")
        try """
            [{"number":3,"state":"closed","title":"Spike","user":{"login":"avalindqvist-nw","id":58213900,"type":"User"},\
            "created_at":"2025-10-01T09:00:00Z","closed_at":"2025-10-02T09:00:00Z","merged_at":null,"draft":true}]

            """.write(to: open, atomically: true, encoding: .utf8)
        let run = try cli.discern(["import", "github-pulls", open.path, "--teams", fixture("logins.csv"),
                                   "--output", output.path, "--content", root.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(open.path):1:1: error: no pull request in the input was merged by a person "
                                    + "(1 read: 1 not merged, 0 by bots)"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(try Data(contentsOf: output) == before)
    }

    @Test("without teams.yaml headcounts, one warning and no per-engineer rate; the rest imports")
    func withoutHeadcounts() throws {
        let folder = try cli.folder(["site.yaml": "title: AI impact report\norganization: Northwind\n"])
        let output = folder.appendingPathComponent("data/pulls.csv")
        let run = try cli.discern(["import", "github-pulls"] + exports
            + ["--teams", fixture("logins.csv"), "--output", output.path, "--content", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let warnings = run.stderr.split(separator: "\n").filter { $0.contains("headcount") }
        #expect(warnings == ["\(fixture("logins.csv")):1:1: warning: 3 teams have no headcount to divide by, so "
                                 + "merged_prs_per_engineer_week is left out for them: pass --content with the folder "
                                 + "whose teams.yaml gives each team's headcount"])
        let csv = try String(contentsOf: output, encoding: .utf8)
        #expect(csv.contains("2025-Q4,platform,pr_lead_time,7,6,"))
        #expect(!csv.contains("merged_prs_per_engineer_week"))
        #expect(!run.stdout.contains("merged_prs_per_engineer_week"), "no entry for a metric without values")
    }

    @Test("--ai-label names the label; it is for github-pulls only and must name one, else a usage error")
    func aiLabel() throws {
        let folder = try cli.folder(["teams.yaml": "teams:\n  - {id: platform, name: Platform, headcount: 8}\n"])
        let output = folder.appendingPathComponent("pulls.csv")
        let run = try cli.discern(["import", "github-pulls", fixture("ledger-api.json"), "--teams", fixture("logins.csv"),
                                   "--output", output.path, "--content", folder.path, "--ai-label", "AI-ASSISTED-REVIEW"])
        #expect(run.status == 0, "\(run.stderr)")
        // Only #108 carries 'ai-assisted-review': 1 of platform's 10 in Q3.
        #expect(try String(contentsOf: output, encoding: .utf8).contains("2025-Q3,platform,ai_assisted_pr_share,10,8,"))
        #expect(run.stdout.contains("Merged pull requests labelled 'AI-ASSISTED-REVIEW' (in any case)"))

        let other = FileManager.default.temporaryDirectory.appendingPathComponent("discern-\(UUID().uuidString).csv").path
        for arguments in [
            ["import", "claude-code", fixture("ledger-api.json"), "--teams", fixture("logins.csv"), "--output", other,
             "--ai-label", "ai-assisted"],
            ["import", "github-pulls", fixture("ledger-api.json"), "--teams", fixture("logins.csv"), "--output", other,
             "--ai-label", " "],
        ] {
            let refused = try cli.discern(arguments)
            #expect(refused.status == 2, "\(arguments): \(refused.stderr)")
            #expect(refused.stderr.contains("--ai-label"), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: other))
        }
        let help = try cli.discern(["import", "--help"])
        #expect(help.stdout.contains("github-pulls") && help.stdout.contains("--ai-label"))
    }
}
