import ReportModel

/// One row of the long CSV an import writes: a team's value for a metric in a quarter,
/// and `n`, the number of people behind it.
package struct ImportedValue: Hashable, Sendable {
    package var period: Period
    package var team: String
    package var metric: MetricID
    package var value: Double
    package var n: Int

    package init(period: Period, team: String, metric: MetricID, value: Double, n: Int) {
        self.period = period
        self.team = team
        self.metric = metric
        self.value = value
        self.n = n
    }
}

extension ImportedValue: Comparable {
    /// By quarter, team and metric: the order rows are written in.
    package static func < (lhs: ImportedValue, rhs: ImportedValue) -> Bool {
        (lhs.period, lhs.team, lhs.metric) < (rhs.period, rhs.team, rhs.metric)
    }
}
