/// A number in prose taken from the data: `{{ value cycle_time }}`, `{{ delta csat
/// team=support }}`, `{{ baseline rework_rate period=2026-Q2 }}`, `{{ target csat }}`.
/// Read and checked against the catalogs when the narrative loads; `Site` writes it,
/// defaulting to the page's team and quarter.
public struct LiveValue: Hashable, Sendable {
    public enum Function: String, CaseIterable, Sendable {
        /// The value in the quarter.
        case value
        /// The change from the previous quarter, signed and judged in words.
        case delta
        /// The value in the metric's baseline quarter.
        case baseline
        /// The metric's target.
        case target
    }

    public var function: Function
    /// A metric id from the catalog.
    public var metric: MetricID
    /// `team=`: nil means the page's own scope.
    public var scope: Scope?
    /// `period=`: nil means the page's quarter.
    public var period: Period?

    public init(function: Function, metric: MetricID, scope: Scope? = nil, period: Period? = nil) {
        self.function = function
        self.metric = metric
        self.scope = scope
        self.period = period
    }
}
