import Formatting
import ReportModel

extension Report {
    /// A published value's 95% interval with both ends at the value's display rounding:
    /// what a chart draws as a line's band or a bar's whisker, and writes beside it. Nil
    /// wherever the card prints no `± x` (`margin`): no interval, an input to it hidden,
    /// or a width that rounds to nothing.
    public func shownInterval(_ metric: MetricID, for scope: Scope, in period: Period) -> Interval? {
        guard let definition = content.metric(metric), margin(metric, for: scope, in: period) != nil,
              let interval = interval(metric, for: scope, in: period) else { return nil }
        return Interval(low: ValueFormatter.displayed(interval.low, for: definition),
                        high: ValueFormatter.displayed(interval.high, for: definition))
    }
}
