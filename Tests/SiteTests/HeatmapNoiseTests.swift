import Foundation
import Testing
import TestSupport

/// A heatmap shades a change from baseline only where the report judges it better or
/// worse, as the cards do: a change within `min_change` stays neutral.
@Suite struct HeatmapNoiseTests {
    /// Cycle time, lower is better, `min_change: 0.5` days, baseline 2026-Q1. Team A falls
    /// 0.2 days (4.0 to 3.8, within noise), team B 2.0 days (4.0 to 2.0, better, a 50% fall:
    /// the darkest shade).
    static let fixture = """
        -- site.yaml --
        title: Impact
        organization: Acme
        -- teams.yaml --
        teams:
          - {id: a, name: Team A, headcount: 6}
          - {id: b, name: Team B, headcount: 6}
        -- metrics.yaml --
        metrics:
          - {id: cycle_time, name: Cycle time, category: outcome, unit: days, better: lower, aggregate: weighted_mean, baseline: 2026-Q1, min_change: 0.5}
        -- data/values.csv --
        period,team,cycle_time
        2026-Q1,a,4.0
        2026-Q1,b,4.0
        2026-Q2,a,3.8
        2026-Q2,b,2.0
        -- narratives/org/2026-Q2.md --
        ---
        title: The second quarter
        ---

        ```chart
        type: heatmap
        metrics: [cycle_time]
        teams: [a, b]
        ```
        """

    @Test("a change within min_change is neutral; a judged one is shaded by its size")
    func shading() throws {
        let (folder, summary, diagnostics) = try SiteFixture.build(Self.fixture)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(summary != nil, "\(diagnostics)")
        let page = SiteFixture.read(folder, "org/2026-Q2/index.html")
        let cells = page.matches(of: #/<rect class="(heat-[a-z0-9-]+)"[^>]*><title>([^<]*)</title>/#).map { ($0.2, $0.1) }
        let shades = Dictionary(cells.map { (String($0.0), String($0.1)) }, uniquingKeysWith: { first, _ in first })
        #expect(shades.first { $0.key.hasPrefix("Team A") }?.value == "heat-neutral", "\(shades)")
        #expect(shades.first { $0.key.hasPrefix("Team B") }?.value == "heat-good-3", "\(shades)")
    }
}
