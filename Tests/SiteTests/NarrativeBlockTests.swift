import Foundation
import ReportModel
import Testing
import TestSupport
@testable import Site

@Suite("Narrative problems point at the narrative's own lines")
struct NarrativeBlockTests {
    func diagnostics(_ narrative: String) throws -> [String] {
        let fixture = SiteFixture.small.replacingFixture( "-- narratives/teams/ops/2026-Q2.md --\nOps is at {{ value cycle_time }} from {{ baseline cycle_time }}.",
            with: "-- narratives/teams/ops/2026-Q2.md --\n" + narrative)
        // Narratives are read and checked at load; nothing needs rendering.
        return SiteFixture.report(fixture).1.map(\.description)
    }

    @Test("errors inside a block's YAML, below front matter")
    func blockErrors() throws {
        let narrative = """
            ---
            title: Ops
            ---
            Intro.

            ```table
            metric: cycle_tme
            periods: [2026-Q9]
            colour: red
            ```

            ```chart
            metric: cycle_time
            ```

            ```chart
            type: pie
            metric: cycle_time
            ```
            """
        let found = try diagnostics(narrative)
        #expect(found == [
            "narratives/teams/ops/2026-Q2.md:7:9: error: unknown metric 'cycle_tme'; did you mean 'cycle_time'?",
            "narratives/teams/ops/2026-Q2.md:8:11: error: malformed period '2026-Q9'; expected YYYY-Qn, like 2026-Q3",
            "narratives/teams/ops/2026-Q2.md:9:1: warning: unknown key 'colour' in a table block is ignored",
            "narratives/teams/ops/2026-Q2.md:13:1: error: a chart block is missing required field 'type'",
            "narratives/teams/ops/2026-Q2.md:17:7: error: 'type' must be one of line, bar, stacked, sparkline, scatter, bullet, slope, heatmap, found 'pie'",
        ])
    }

    @Test("live-value errors in the body, title and summary")
    func liveValueErrors() throws {
        let narrative = """
            ---
            title: "{{ value nope }}"
            ---
            Line one {{ valeu cycle_time }} and {{ value cycle_time team=nobody }}.

            {{ value cycle_time period=2026Q2 }} then {{ value cycle_time team=tiny }}
            """
        let found = try diagnostics(narrative)
        #expect(found == [
            "narratives/teams/ops/2026-Q2.md:1:1: error: unknown metric 'nope'",
            "narratives/teams/ops/2026-Q2.md:4:10: error: unknown live value 'valeu'; expected value, delta, baseline, target; did you mean 'value'?",
            "narratives/teams/ops/2026-Q2.md:4:37: error: unknown team 'nobody'",
            "narratives/teams/ops/2026-Q2.md:6:1: error: malformed period '2026Q2'; expected YYYY-Qn, like 2026-Q3",
            "narratives/teams/ops/2026-Q2.md:6:43: warning: 'tiny' has fewer people than min_group_size (5); its values show as suppressed",
        ])
    }
}
