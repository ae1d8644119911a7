/// One measured value: a metric for a team (or group, or the organization) in a quarter.
package struct Observation: Hashable, Sendable {
    package let period: Period
    package let scope: Scope
    package let metric: MetricID
    package let value: Double
    /// How many people stand behind the value (for surveys, the respondents), if known.
    package let n: Int?
    package let location: SourceLocation

    package init(period: Period, scope: Scope, metric: MetricID, value: Double, n: Int? = nil,
                location: SourceLocation = SourceLocation(file: "data/values.csv")) {
        self.period = period
        self.scope = scope
        self.metric = metric
        self.value = value
        self.n = n
        self.location = location
    }
}
