import Formatting
import ReportModel

extension ObservationCollector {
    /// The columns (CSV long form) and keys (JSON) that give a value's uncertainty.
    static let spreadKeys = ["ci_low", "ci_high", "sd"]

    /// One of those cells, read, with where it is.
    struct SpreadCell {
        let value: Double
        /// As written, for messages.
        let text: String
        let location: SourceLocation
    }

    /// A row's given interval or standard deviation, checked: both ends or neither, the
    /// value inside its interval, an `sd` that is not negative and comes with an `n`, and
    /// only for a metric declared `uncertainty: given`. Nil for none, or after reporting
    /// why the row's cells cannot be used (the value itself is still read).
    mutating func spread(low: SpreadCell?, high: SpreadCell?, sd: SpreadCell?, value: Double, n: Int?,
                         metric: MetricID) -> GivenSpread? {
        let first = [low, high, sd].compactMap { $0 }.first
        guard let first else { return nil }
        guard givenMetrics.contains(metric) else {
            report(.warning("'\(metric)' is not declared 'uncertainty: given' in metrics.yaml, so its ci_low, ci_high and sd are ignored; "
                            + "declare it given to use them", at: first.location))
            return nil
        }
        if let sd {
            guard low == nil, high == nil else {
                report(.error("give ci_low and ci_high, or sd with n, not both", at: sd.location))
                return nil
            }
            guard sd.value >= 0, sd.value.isFinite else {
                report(.error("sd must be zero or more, found '\(Excerpt.of(sd.text))'", at: sd.location))
                return nil
            }
            guard let n, n >= 2 else {
                report(.error("sd needs the row's n (2 or more people) to make an interval", at: sd.location))
                return nil
            }
            return .standardDeviation(sd.value)
        }
        guard let low, let high else {
            let missing = low == nil ? "ci_low" : "ci_high"
            report(.error("an interval needs both ci_low and ci_high; \(missing) is missing", at: first.location))
            return nil
        }
        guard low.value <= value, value <= high.value else {
            report(.error("the value is outside its interval, \(Excerpt.of(low.text)) to \(Excerpt.of(high.text)); "
                          + "ci_low ≤ value ≤ ci_high",
                          at: low.location))
            return nil
        }
        return .interval(low: low.value, high: high.value)
    }
}
