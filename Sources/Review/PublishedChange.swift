import ReportModel

/// One number a reader of the site would see change: a metric, for a scope, in a
/// quarter, as it was shown and as it will be.
package struct PublishedChange: Hashable, Sendable {
    package let period: Period
    package let scope: Scope
    /// What the site calls the scope: the organization's name, or the team's.
    package let scopeName: String
    package let kind: PublishedNumbers.Kind
    package let metric: MetricID
    package let metricName: String
    package let old: PublishedNumbers.Shown
    package let new: PublishedNumbers.Shown

    /// `3.4 days`, `suppressed`, or `—` for nothing shown.
    package static func words(_ shown: PublishedNumbers.Shown) -> String {
        switch shown {
        case .value(let text): text
        case .suppressed: "suppressed"
        case .absent: "—"
        }
    }
}
