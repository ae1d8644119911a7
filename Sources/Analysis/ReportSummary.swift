import ReportModel

/// The counts `discern check` ends with.
public struct ReportSummary: Hashable, Sendable, Codable {
    var teams: Int
    var groups: Int
    var metrics: Int
    var periods: Int
    var firstPeriod: String?
    var lastPeriod: String?
    var observations: Int
    var narratives: Int
    var suppressedTeams: Int
    var suppressedValues: Int
    var errors: Int
    var warnings: Int
    var notes: Int

    public init(report: Report, diagnostics: [Diagnostic]) {
        let organization = report.organization
        teams = organization.leafTeams.count
        groups = organization.groups.count
        metrics = report.metrics.count
        periods = report.periods.count
        firstPeriod = report.periods.first?.description
        lastPeriod = report.periods.last?.description
        observations = report.content.observations.count
        narratives = report.content.narratives.count
        suppressedTeams = report.suppressedTeamCount
        suppressedValues = report.suppressedValueCount
        errors = diagnostics.errorCount
        warnings = diagnostics.warningCount
        notes = diagnostics.noteCount
    }

    /// One line, e.g. `12 teams, 3 groups, 20 metrics, 6 periods (2025-Q2 to 2026-Q3), …`.
    public var line: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let range = firstPeriod.map { first in " (\(first) to \(lastPeriod ?? first))" } ?? ""
        return [
            count(teams, "team"), count(groups, "group"), count(metrics, "metric"), count(periods, "period") + range,
            count(observations, "observation"), count(narratives, "narrative"),
            "suppressed: \(count(suppressedTeams, "team")) and \(count(suppressedValues, "value"))",
            "\(count(errors, "error")), \(count(warnings, "warning"))" + (notes > 0 ? ", \(count(notes, "note"))" : ""),
        ].joined(separator: ", ")
    }
}
