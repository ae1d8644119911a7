/// A data block in a narrative: ` ```chart `, ` ```table ` or ` ```kpis `, with its YAML body read.
package struct BlockSpec: Hashable, Sendable {
    package enum Kind: String, CaseIterable, Sendable {
        case chart, table, kpis
    }

    package enum ChartType: String, CaseIterable, Sendable {
        case line, bar, stacked, sparkline, scatter, bullet, slope, heatmap
    }

    package var kind: Kind
    package var chartType: ChartType?
    /// The metrics shown; for a scatter, `[x, y]`.
    package var metrics: [MetricID]
    /// Team, group or `org` ids; nil means the page's own choice.
    package var teams: [Scope]?
    /// Quarters; nil means the page's quarter (or, for trends, every quarter).
    package var periods: [Period]?
    package var title: String?
    package var caption: String?
    package var location: SourceLocation

    package init(kind: Kind, chartType: ChartType? = nil, metrics: [MetricID], teams: [Scope]? = nil,
                periods: [Period]? = nil, title: String? = nil, caption: String? = nil, location: SourceLocation) {
        self.kind = kind
        self.chartType = chartType
        self.metrics = metrics
        self.teams = teams
        self.periods = periods
        self.title = title
        self.caption = caption
        self.location = location
    }
}
