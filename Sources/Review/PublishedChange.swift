import ReportModel

/// One number a reader of the site would see change: a metric, for a scope, in a
/// quarter, as it was shown and as it will be.
public struct PublishedChange: Hashable, Sendable {
    public let period: Period
    public let scope: Scope
    /// What the site calls the scope: the organization's name, or the team's.
    let scopeName: String
    public let kind: PublishedNumbers.Kind
    public let metric: MetricID
    let metricName: String
    public let old: PublishedNumbers.Shown
    public let new: PublishedNumbers.Shown

    /// `3.4 days`, `suppressed`, or `—` for nothing shown.
    public static func words(_ shown: PublishedNumbers.Shown) -> String {
        switch shown {
        case .value(let text): text
        case .suppressed: "suppressed"
        case .absent: "—"
        }
    }
}
