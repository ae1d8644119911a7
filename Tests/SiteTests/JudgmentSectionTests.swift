import ContentLoading
import Foundation
import ReportModel
import Testing
import TestSupport

/// The judgment view: the fluency scorecard `site.yaml` sets, on org and team pages.
@Suite struct JudgmentSectionTests {
    static func fixture(fluency: String) -> String {
        """
        -- site.yaml --
        title: Impact
        organization: Acme
        \(fluency)
        -- teams.yaml --
        teams:
          - {id: eng, name: Engineering}
          - {id: web, name: Web, parent: eng, headcount: 8}
          - {id: api, name: API, parent: eng, headcount: 9}
        -- metrics.yaml --
        metrics:
          - {id: delegation, name: "Fluency: delegation", category: judgment, unit: of 5, better: higher, aggregate: weighted_mean, baseline: 2026-Q1, decimals: 2}
          - {id: reviewed, name: Changes reviewed, category: judgment, unit: "%", better: higher, aggregate: weighted_mean, format: percent, decimals: 0}
          - {id: level_low, name: "Level: low", category: judgment, unit: "%", better: lower, aggregate: weighted_mean, format: percent, decimals: 0}
          - {id: level_high, name: "Level: high", category: judgment, unit: "%", better: higher, aggregate: weighted_mean, format: percent, decimals: 0}
        -- data/values.csv --
        period,team,delegation,reviewed,level_low,level_high
        2026-Q1,web,2.50,80,60,40
        2026-Q1,api,3.00,90,50,50
        2026-Q2,web,3.10,85,45,55
        2026-Q2,api,3.20,88,40,60
        """
    }

    static let scorecard = """
        fluency:
          capabilities:
            use_cases: delegation
            assessment: [reviewed]
          levels: [level_low, level_high]
        """

    @Test func teamPagesShowTheScorecardAndTheLevelsBesideTheGroup() throws {
        let (folder, summary, diagnostics) = try SiteFixture.build(Self.fixture(fluency: Self.scorecard))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(summary != nil && diagnostics.isEmpty, "\(diagnostics)")
        let page = SiteFixture.read(folder, "teams/web/index.html")
        let judgment = try #require(page.components(separatedBy: "<section class=\"judgment\"").dropFirst().first)
        #expect(judgment.contains("<th scope=\"row\">Choosing the right use cases</th>"))
        #expect(judgment.contains("Fluency: delegation</a></td><td>3.10 of 5</td>"))
        #expect(judgment.contains("+0.60 (better)</span> since 2026-Q1"))
        #expect(judgment.contains("<th scope=\"row\">Checking accuracy and bias</th>"))
        #expect(!judgment.contains("Prompting and refining output"), "a capability nothing measures is left out")
        // The levels, stacked: the team, its group and the organization, with short legend names.
        #expect(judgment.contains("Fluency levels, share of respondents, 2026-Q2"))
        #expect(judgment.contains(">Low</text>") && judgment.contains(">High</text>"))
        #expect(judgment.contains("Web, Low: 45%") && judgment.contains("Engineering, Low: 42%"))
        // Level shares are not repeated as cards.
        #expect(!page.contains("<h3 class=\"kpi-name\"><a href=\"../../metrics/level_low/index.html\">"))
        #expect(page.contains("<h3 class=\"kpi-name\"><a href=\"../../metrics/delegation/index.html\">"))
    }

    @Test func withoutAScorecardThereIsNoJudgmentSection() throws {
        let (folder, _, _) = try SiteFixture.build(Self.fixture(fluency: ""))
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = SiteFixture.read(folder, "index.html")
        #expect(!page.contains("<section class=\"judgment\""))
        #expect(page.contains("metrics/level_low/index.html\">Level: low</a></h3>"), "levels stay cards")
    }

    @Test func unknownMetricsAndCapabilitiesAreReported() {
        let fluency = """
            fluency:
              capabilities:
                use_cases: delegatoin
                vibes: reviewed
              levels: [level_low, 3]
            """
        let (_, diagnostics) = SiteFixture.report(Self.fixture(fluency: fluency))
        #expect(diagnostics.map(\.description) == [
            "site.yaml:5:16: error: unknown metric 'delegatoin' in fluency; did you mean 'delegation'?",
            "site.yaml:6:5: warning: unknown key 'vibes' in fluency capabilities (the six are use_cases, prompting, "
                + "assessment, workflow, learning, ethics) is ignored",
            "site.yaml:7:23: error: unknown metric '3' in fluency",
        ])
    }
}
