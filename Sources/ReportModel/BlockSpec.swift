/// A data block in a narrative: ` ```chart `, ` ```table ` or ` ```kpis `, with its YAML body read.
public struct BlockSpec: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case chart, table, kpis
    }

    public enum ChartType: String, CaseIterable, Sendable {
        case line, bar, stacked, sparkline, scatter, bullet, slope, heatmap
    }

    public var kind: Kind
    public var chartType: ChartType?
    /// The metrics shown; for a scatter, `[x, y]`.
    public var metrics: [MetricID]
    /// Team, group or `org` ids; nil means the page's own choice.
    public var teams: [Scope]?
    /// Quarters; nil means the page's quarter (or, for trends, every quarter).
    public var periods: [Period]?
    public var title: String?
    public var caption: String?
    public var location: SourceLocation

    public init(kind: Kind, chartType: ChartType? = nil, metrics: [MetricID], teams: [Scope]? = nil,
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
