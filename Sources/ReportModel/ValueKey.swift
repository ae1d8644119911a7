/// Where one value sits in a report: a metric, for a scope, in a quarter. The key of every
/// table that holds values or facts about them (observations read, values hidden, numbers
/// published).
public struct ValueKey: Hashable, Sendable {
    public var scope: Scope
    public var metric: MetricID
    public var period: Period

    public init(_ scope: Scope, _ metric: MetricID, _ period: Period) {
        self.scope = scope
        self.metric = metric
        self.period = period
    }
}
