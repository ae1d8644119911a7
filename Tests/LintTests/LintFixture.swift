import Analysis
import Foundation
import ContentLoading
import Lint
import ReportModel
import TestSupport

/// A small report that every lint rule passes: outcomes lead, usage has no target,
/// every outcome has a baseline, numbers in prose are live values. Each test breaks
/// one thing and looks for the one finding it should cause.
enum LintFixture {
    static let site = """
        title: Lint fixture
        organization: Acme
        """

    static let teams = """
        teams:
          - id: eng
            name: Engineering
          - id: platform
            name: Platform
            parent: eng
            headcount: 12
          - id: payments
            name: Payments
            parent: eng
            headcount: 9
          - id: support
            name: Support
            headcount: 20
        """

    static let metrics = """
        metrics:
          - id: cycle_time
            name: Lead time
            category: outcome
            unit: days
            uncertainty: none
            better: lower
            aggregate: weighted_mean
            baseline: 2026-Q1
            target: 2.5
            decimals: 1
          - id: change_failure_rate
            name: Change failure rate
            category: quality
            unit: "% of deployments"
            uncertainty: none
            better: lower
            aggregate: weighted_mean
            baseline: 2026-Q1
            format: percent
          - id: time_saved
            name: Time saved
            category: outcome
            unit: h/week
            uncertainty: none
            better: higher
            aggregate: weighted_mean
            baseline: 2026-Q1
            self_reported: true
          - id: weekly_active_users
            name: Weekly active users
            category: usage
            unit: "% of licensed"
            better: neutral
            aggregate: weighted_mean
            format: percent
            decimals: 0
        """

    static let data = """
        period,team,cycle_time,change_failure_rate,time_saved,weekly_active_users
        2026-Q1,platform,3.4,12.0,2.0,50
        2026-Q2,platform,3.0,11.0,2.5,60
        2026-Q1,payments,4.0,15.0,1.5,40
        2026-Q2,payments,3.8,14.0,1.8,45
        2026-Q1,support,2.0,5.0,,30
        2026-Q2,support,1.9,4.0,,35
        """

    static let orgNarrative = """
        ---
        title: Second quarter
        highlights: [cycle_time, weekly_active_users]
        ---
        Lead time is {{ value cycle_time }} days across 3 teams in 2026-Q2.
        """

    static let platformNarrative = """
        ---
        title: Platform
        ---
        ```kpis
        metrics: [cycle_time, weekly_active_users]
        ```

        Platform shipped faster: {{ value cycle_time }} days.
        """

    static let base: [String: String] = [
        "site.yaml": site + "\n",
        "teams.yaml": teams + "\n",
        "metrics.yaml": metrics + "\n",
        "data/values.csv": data + "\n",
        "narratives/org/2026-Q2.md": orgNarrative + "\n",
        "narratives/teams/platform/2026-Q2.md": platformNarrative + "\n",
    ]

    /// The base folder, with `files` added or replaced, as loaded.
    static func content(_ files: [String: String] = [:]) -> ReportContent {
        ContentLoader(source: .memory(text: base.merging(files) { $1 })).load().content
    }

    /// Every diagnostic of the base folder with `files` added or replaced, lints included.
    static func diagnostics(_ files: [String: String] = [:]) -> [Diagnostic] {
        let load = ContentLoader(source: .memory(text: base.merging(files) { $1 })).load()
        return (load.diagnostics + ReportLint(report: Report(content: load.content)).findings()).sorted()
    }

    /// The findings of one rule, as `path:line:column: severity: message [rule]`.
    static func findings(_ rule: LintRule, _ files: [String: String] = [:]) -> [String] {
        diagnostics(files).filter { $0.rule == rule.id }.map(\.description)
    }

    /// The base data with one line's text replaced.
    static func data(replacing old: String, with new: String) -> String {
        data.replacingFixture(old, with: new) + "\n"
    }

    static func metrics(replacing old: String, with new: String) -> String {
        metrics.replacingFixture(old, with: new) + "\n"
    }
}
