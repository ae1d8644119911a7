/// One measured value: a metric for a team (or group, or the organization) in a quarter.
public struct Observation: Hashable, Sendable {
    /// Which value it is: the scope, the metric and the quarter.
    public let key: ValueKey
    public let value: Double
    /// How many people stand behind the value (for surveys, the respondents), if known.
    public let n: Int?
    /// The interval or standard deviation the data gave with the value, if any.
    public let spread: GivenSpread?
    public let location: SourceLocation

    public init(period: Period, scope: Scope, metric: MetricID, value: Double, n: Int? = nil, spread: GivenSpread? = nil,
                location: SourceLocation = SourceLocation(file: "data/values.csv")) {
        key = ValueKey(scope, metric, period)
        self.value = value
        self.n = n
        self.spread = spread
        self.location = location
    }

    public var period: Period { key.period }
    public var scope: Scope { key.scope }
    public var metric: MetricID { key.metric }
}
