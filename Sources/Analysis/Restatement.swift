import Formatting
import ReportModel

extension Report {
    /// The number a release of the quarter showed for a value that is shown differently
    /// now ("restated"), or nil: when the value is not shown today (nothing is said about a
    /// hidden value), when no release of the quarter showed it, or when today's number is
    /// the one released. Numbers are compared as shown, so a change below a metric's
    /// display precision is no restatement. Of several releases of the quarter (a second
    /// release, other audiences), the last in `content.releases` order that showed the
    /// value counts.
    public func restatement(_ metric: MetricID, for scope: Scope, in period: Period) -> Double? {
        guard let definition = content.metric(metric), let value = value(metric, for: scope, in: period) else { return nil }
        guard let released = releasedValues[ValueKey(scope, metric, period)] else { return nil }
        let now = ValueFormatter.displayed(value, for: definition)
        return abs(now - released) <= 1e-9 * max(1, abs(now), abs(released)) ? nil : released
    }
}
