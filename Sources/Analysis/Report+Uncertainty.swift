import Formatting
import ReportModel

extension Report {
    /// The 95% interval of a published value, by the metric's `uncertainty:`; nil when
    /// the metric declares none, or when any input to it is not published.
    ///
    /// Made only from what the page shows beside it: the value at its display rounding,
    /// and for Wilson's and an sd's interval the published `n`. An interval's width says
    /// how many people stand behind a value, so where `n` is hidden (a roll-up with a
    /// team too small to list, or a count the disclosure audit protects) so is the
    /// interval. A given interval is the data's own, shown with the value it came with.
    public func interval(_ metric: MetricID, for scope: Scope, in period: Period) -> Interval? {
        guard let definition = content.metric(metric), let uncertainty = definition.uncertainty,
              let reading = reading(metric, for: scope, in: period), let value = reading.value,
              let cell = rollUp.cell(scope, metric, period) else { return nil }
        if cell.n != nil, reading.n == nil { return nil }
        switch uncertainty {
        case .wilson:
            guard let n = reading.n, let share = Interval.wilson(share: value / 100, n: n) else { return nil }
            return Interval(low: share.low * 100, high: share.high * 100)
        case .poisson:
            return Interval.poisson(count: value)
        case .given:
            switch cell.spread {
            case .interval(let low, let high)?:
                return Interval(low: low, high: high)
            case .standardDeviation(let sd)?:
                return reading.n.flatMap { Interval.fromStandardDeviation(sd, n: $0, estimate: value) }
            case nil:
                return nil
            }
        case .census:
            return nil
        }
    }

    /// The `± x` a page prints beside a published value: the larger distance from the
    /// value to either end of its 95% interval (so an interval that is not symmetric,
    /// as Wilson's near 0% or Garwood's for a small count, is never understated), at the
    /// value's display rounding. Nil without a published interval, or when it rounds to 0.
    public func margin(_ metric: MetricID, for scope: Scope, in period: Period) -> Double? {
        guard let definition = content.metric(metric), let interval = interval(metric, for: scope, in: period),
              let value = value(metric, for: scope, in: period) else { return nil }
        let margin = ValueFormatter.displayed(max(value - interval.low, interval.high - value), for: definition)
        return margin > 0 ? margin : nil
    }

    /// What decides whether a move between two quarters is beyond noise: the 95%
    /// interval of the difference where both quarters' inputs are published (Newcombe's
    /// for two shares; the normal interval with √(se₁² + se₂²) for counts, se = √count,
    /// and given intervals, se = width / (2 · 1.96)); else the metric's `min_change`.
    func noise(_ metric: Metric, _ scope: Scope, from start: Period, to end: Period) -> Change.Noise {
        let fallback: Change.Noise = metric.minChange.map { .minChange($0) } ?? .unmeasured
        switch metric.uncertainty {
        case nil:
            return metric.minChange.map { .minChange($0) } ?? .undeclared
        case .census?:
            return metric.minChange.map { .minChange($0) } ?? .census
        case .wilson?:
            guard interval(metric.id, for: scope, in: start) != nil, interval(metric.id, for: scope, in: end) != nil,
                  let first = reading(metric.id, for: scope, in: start), let second = reading(metric.id, for: scope, in: end),
                  let p1 = first.value, let n1 = first.n, let p2 = second.value, let n2 = second.n,
                  let shares = Interval.newcombe(from: ValueFormatter.displayed(p1, for: metric) / 100, n: n1,
                                                 to: ValueFormatter.displayed(p2, for: metric) / 100, n: n2)
            else { return fallback }
            return .interval(Interval(low: shares.low * 100, high: shares.high * 100))
        case .poisson?:
            guard interval(metric.id, for: scope, in: start) != nil, interval(metric.id, for: scope, in: end) != nil,
                  let k1 = value(metric.id, for: scope, in: start), let k2 = value(metric.id, for: scope, in: end)
            else { return fallback }
            return .interval(.difference(from: k1, standardError: max(0, k1).squareRoot(),
                                         to: k2, standardError: max(0, k2).squareRoot()))
        case .given?:
            guard let first = interval(metric.id, for: scope, in: start), let second = interval(metric.id, for: scope, in: end),
                  let v1 = value(metric.id, for: scope, in: start), let v2 = value(metric.id, for: scope, in: end)
            else { return fallback }
            return .interval(.difference(from: v1, standardError: first.standardError, to: v2, standardError: second.standardError))
        }
    }
}
