import Foundation
import Testing

/// A number that changes after its release, as a reader and a reviewer see it.
@Suite("restated numbers after discern release")
struct RestatedCommandTests {
    let cli = CommandLineTests()

    /// The release test's content without Tiny's value (Web 12.0%, API 15.0%, all shown),
    /// released, then with Web's value corrected to 13.0% in a second folder that keeps the ledger.
    func versions() throws -> (old: URL, new: URL) {
        var content = ReleaseAuditCommandTests().content
        content["data/values.csv"] = "period,team,metric,value\n2026-Q1,web,cfr,12.0\n2026-Q1,api,cfr,15.0\n"
        let old = try cli.folder(content)
        let release = try cli.discern(["release", "--content", old.path])
        #expect(release.status == 0, "\(release.stderr)")
        var changed = content
        changed["data/values.csv"] = content["data/values.csv"]!.replacingOccurrences(of: "web,cfr,12.0", with: "web,cfr,13.0")
        changed["releases/2026-Q1.json"] = try String(contentsOf: old.appendingPathComponent("releases/2026-Q1.json"), encoding: .utf8)
        return (old, try cli.folder(changed))
    }

    @Test("the metric page's table and the team's headline mark a changed number restated, with its released value")
    func metricPage() throws {
        let (_, new) = try versions()
        let output = new.appendingPathComponent("../site-\(UUID().uuidString)").standardizedFileURL
        let build = try cli.discern(["build", "--content", new.path, "--output", output.path])
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: output.appendingPathComponent("metrics/cfr/index.html"), encoding: .utf8)
        let table = try #require(page.range(of: "By team and quarter").map { String(page[$0.upperBound...]) })
        #expect(table.contains("13.0% <span class=\"restated\" title=\"Restated: released as 12.0%\">restated from 12.0%</span>"), "\(table)")
        // API's number did not change: no mark.
        #expect(table.contains("15.0%</td>"), "\(table)")
        #expect(!table.contains("15.0% <span class=\"restated\""))
        // Wherever the quarter's number is the headline, too.
        let team = try String(contentsOf: output.appendingPathComponent("teams/web/2026-Q1/index.html"), encoding: .utf8)
        #expect(team.contains("<p class=\"kpi-value\">13.0% <span class=\"restated\" title=\"Restated: released as 12.0%\">restated from 12.0%</span></p>"),
                "\(team)")
        let api = try String(contentsOf: output.appendingPathComponent("teams/api/2026-Q1/index.html"), encoding: .utf8)
        #expect(api.contains("15.0%") && !api.contains("restated from"))
    }

    @Test("diff says a changed number was released as another")
    func diff() throws {
        let (old, new) = try versions()
        let run = try cli.discern(["diff", old.path, new.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("12.0% → 13.0% (restated; released as 12.0%)"), "\(run.stdout)")
        let json = try cli.discern(["diff", old.path, new.path, "--format", "json"])
        #expect(json.stdout.contains("\"released\" : \"12.0%\""), "\(json.stdout)")
    }
}
