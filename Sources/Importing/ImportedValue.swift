import ReportModel

/// One row of the long CSV an import writes: a team's value for a metric in a quarter,
/// and `n`, the number of people behind it.
public struct ImportedValue: Hashable, Sendable {
    var period: Period
    public var team: String
    var metric: MetricID
    var value: Double
    var n: Int

    public init(period: Period, team: String, metric: MetricID, value: Double, n: Int) {
        self.period = period
        self.team = team
        self.metric = metric
        self.value = value
        self.n = n
    }
}

extension ImportedValue: Comparable {
    /// By quarter, team and metric: the order rows are written in.
    public static func < (lhs: ImportedValue, rhs: ImportedValue) -> Bool {
        (lhs.period, lhs.team, lhs.metric) < (rhs.period, rhs.team, rhs.metric)
    }
}
