import ReportModel

/// One number a reader of the site would see change: a metric, for a scope, in a
/// quarter, as it was shown and as it will be.
public struct PublishedChange: Hashable, Sendable {
    let period: Period
    let scope: Scope
    /// What the site calls the scope: the organization's name, or the team's.
    let scopeName: String
    let kind: PublishedNumbers.Kind
    let metric: MetricID
    let metricName: String
    let old: PublishedNumbers.Shown
    let new: PublishedNumbers.Shown
    /// The number a release of the quarter showed, when the new version shows another
    /// (restated), as the site writes it.
    var released: String? = nil

    /// `3.4 days`, `suppressed`, or `—` for nothing shown.
    static func words(_ shown: PublishedNumbers.Shown) -> String {
        switch shown {
        case .value(let text): text
        case .suppressed: "suppressed"
        case .absent: "—"
        }
    }

    /// The new side as a diff line writes it: `3.5 days (restated; released as 3.0 days)`.
    var newWords: String {
        Self.words(new) + (released.map { " (restated; released as \($0))" } ?? "")
    }
}
