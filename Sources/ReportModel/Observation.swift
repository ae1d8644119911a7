/// One measured value: a metric for a team (or group, or the organization) in a quarter.
public struct Observation: Hashable, Sendable {
    public let period: Period
    public let scope: Scope
    public let metric: MetricID
    public let value: Double
    /// How many people stand behind the value (for surveys, the respondents), if known.
    public let n: Int?
    public let location: SourceLocation

    public init(period: Period, scope: Scope, metric: MetricID, value: Double, n: Int? = nil,
                location: SourceLocation = SourceLocation(file: "data/values.csv")) {
        self.period = period
        self.scope = scope
        self.metric = metric
        self.value = value
        self.n = n
        self.location = location
    }
}
