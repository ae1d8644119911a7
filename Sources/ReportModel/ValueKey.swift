/// Where one value sits in a report: a metric, for a scope, in a quarter. The key of every
/// table that holds values or facts about them (observations read, values hidden, numbers
/// published).
package struct ValueKey: Hashable, Sendable {
    package var scope: Scope
    package var metric: MetricID
    package var period: Period

    package init(_ scope: Scope, _ metric: MetricID, _ period: Period) {
        self.scope = scope
        self.metric = metric
        self.period = period
    }
}
