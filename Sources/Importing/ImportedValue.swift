import ReportModel

/// One row of the long CSV an import writes: a team's value for a metric in a quarter,
/// `n`, the number of people behind it, and for some metrics its interval.
public struct ImportedValue: Hashable, Sendable {
    var period: Period
    public var team: String
    var metric: MetricID
    var value: Double
    var n: Int
    /// The value's own 95% interval, `ci_low` and `ci_high`, for a metric an import
    /// declares `uncertainty: given`.
    var interval: (low: Double, high: Double)?

    public init(period: Period, team: String, metric: MetricID, value: Double, n: Int) {
        self.period = period
        self.team = team
        self.metric = metric
        self.value = value
        self.n = n
    }

    public static func == (lhs: ImportedValue, rhs: ImportedValue) -> Bool {
        (lhs.period, lhs.team, lhs.metric, lhs.value, lhs.n) == (rhs.period, rhs.team, rhs.metric, rhs.value, rhs.n)
            && lhs.interval?.low == rhs.interval?.low && lhs.interval?.high == rhs.interval?.high
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(period)
        hasher.combine(team)
        hasher.combine(metric)
        hasher.combine(value)
        hasher.combine(n)
        hasher.combine(interval?.low)
        hasher.combine(interval?.high)
    }
}

extension ImportedValue: Comparable {
    /// By quarter, team and metric: the order rows are written in.
    public static func < (lhs: ImportedValue, rhs: ImportedValue) -> Bool {
        (lhs.period, lhs.team, lhs.metric) < (rhs.period, rhs.team, rhs.metric)
    }
}
