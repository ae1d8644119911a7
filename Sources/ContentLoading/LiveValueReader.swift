import Formatting
import ReportModel

/// Reads the text between a live value's braces (`value cycle_time team=ops`) into a
/// `LiveValue`, checking the function, the metric, `team=` and `period=` against the
/// catalogs.
enum LiveValueReader {
    /// What is wrong with a live value, for a diagnostic.
    struct Problem: Error {
        var message: String
        /// Set when the problem is an id its catalog does not hold.
        var unknown: Diagnostic.Unknown?
    }

    static func read(_ expression: String, metrics: [Metric], organization: Organization) -> Result<LiveValue, Problem> {
        let words = expression.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return .failure(Problem(message: "empty live value; write {{ value METRIC }}")) }
        let functions = LiveValue.Function.allCases.map(\.rawValue)
        guard let function = LiveValue.Function(rawValue: first) else {
            return .failure(Problem(message: "unknown live value '\(Excerpt.of(first))'; expected \(functions.joined(separator: ", "))"
                + Suggestion.hint(for: first, in: functions)))
        }
        guard words.count >= 2 else { return .failure(Problem(message: "'\(first)' needs a metric id, as in {{ \(first) cycle_time }}")) }
        guard metrics.contains(where: { $0.id.rawValue == words[1] }) else {
            return .failure(Problem(message: "unknown metric '\(Excerpt.of(words[1]))'" + Suggestion.hint(for: words[1], in: metrics.map(\.id.rawValue)),
                                    unknown: .metric))
        }
        var value = LiveValue(function: function, metric: MetricID(words[1]))
        for option in words.dropFirst(2) {
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return .failure(Problem(message: "expected key=value, found '\(Excerpt.of(option))'")) }
            switch parts[0] {
            case "team":
                if parts[1] == Scope.organizationID {
                    value.scope = .organization
                } else if organization.contains(TeamID(parts[1])) {
                    value.scope = .team(TeamID(parts[1]))
                } else {
                    return .failure(Problem(message: "unknown team '\(Excerpt.of(parts[1]))'"
                                                + Suggestion.hint(for: parts[1], in: organization.suggestableIDs), unknown: .team))
                }
            case "period":
                guard let period = Period(parts[1]) else { return .failure(Problem(message: Period.problem(parts[1]))) }
                value.period = period
            default:
                return .failure(Problem(message: "unknown option '\(parts[0])'; expected team= or period="))
            }
        }
        return .success(value)
    }
}
