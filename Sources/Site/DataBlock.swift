import Analysis
import Charts
import ReportModel

/// The HTML for a narrative's ` ```table `, ` ```kpis ` or ` ```chart ` block.
struct DataBlock {
    let spec: BlockSpec
    let narrative: Narrative
    let scope: Scope
    let period: Period
    let page: PageAddress
    let context: SiteContext
    let charts: ChartPlacement

    func render() -> HTML {
        if let named = spec.teams, !named.isEmpty, !named.contains(where: context.report.isVisible) {
            return "<p class=\"suppressed\">Not shown: the teams this \(spec.kind.rawValue) names are too small to report on their own.</p>\n"
        }
        switch spec.kind {
        case .table: return table()
        case .kpis: return kpis()
        case .chart: return chart()
        }
    }

    private var metrics: [Metric] {
        spec.metrics.compactMap { context.report.metric($0) }
    }

    /// The teams a block is about: those it names, else the page's visible members,
    /// else the page's own scope.
    private var scopes: [Scope] {
        let named = (spec.teams ?? []).filter { context.report.isVisible($0) }
        if !named.isEmpty { return named }
        let members = context.visibleMembers(of: scope).map { Scope.team($0.id) }
        return members.isEmpty ? [scope] : members
    }

    private func table() -> HTML {
        let periods = spec.periods ?? [period]
        let columns = metrics.flatMap { metric in
            periods.map { ValueTable.Column(metric: metric, period: $0,
                                            heading: periods.count > 1 ? "\(metric.name), \($0)" : metric.name) }
        }
        var html = HTML.empty
        if let title = spec.title { html += "<h3 class=\"block-title\">\(title)</h3>" }
        return html + ValueTable(rows: scopes, columns: columns, caption: spec.caption ?? "Quarter \(periods.map(\.description).joined(separator: ", "))")
            .render(on: page, context: context)
    }

    private func kpis() -> HTML {
        let target = spec.teams?.first ?? scope
        let quarter = spec.periods?.first ?? period
        let chosen = spec.metrics.isEmpty ? narrative.highlights.compactMap { context.report.metric($0) } : metrics
        let cards = chosen.compactMap { KPICard.render($0, scope: target, period: quarter, on: page, context: context, charts: charts) }
        var html = HTML.empty
        if let title = spec.title { html += "<h3 class=\"block-title\">\(title)</h3>" }
        return html + "<div class=\"kpis\">\(cards.joined())</div>\n"
    }

    /// A chart drawn from the spec, with defaults from the page: its team (and members)
    /// and its quarter.
    private func chart() -> HTML {
        let factory = ChartFactory(context: context)
        let period = spec.periods?.last ?? self.period
        let named = spec.teams?.filter { context.report.isVisible($0) }
        let members = context.visibleMembers(of: scope).map { Scope.team($0.id) }
        let group = named ?? (members.isEmpty ? [scope] : members)
        guard let first = metrics.first else { return .empty }
        let drawn: Charts.Chart?
        switch spec.chartType ?? .line {
        case .line: drawn = factory.line(first, named ?? [scope], title: spec.title, withParent: named == nil)
        case .bar: drawn = factory.bar(first, group, period: period, reference: scope, title: spec.title)
        case .heatmap: drawn = factory.heatmap(metrics, group, period: period, title: spec.title)
        case .stacked: drawn = factory.stacked(metrics, group, period: period, title: spec.title)
        case .scatter:
            guard metrics.count == 2 else { return .empty }
            // Only a scatter plots every visible team, so only a scatter lists them: the
            // list costs a pass over the whole organization, and every page has charts.
            let leaves = context.report.visibleTeams.filter { !context.organization.isGroup($0.id) }.map { Scope.team($0.id) }
            drawn = factory.scatter(x: metrics[0], y: metrics[1], named ?? leaves, period: period, title: spec.title)
        case .slope:
            let start = spec.periods.flatMap { $0.count > 1 ? $0.first : nil } ?? first.baseline ?? context.report.periods.first ?? period
            drawn = factory.slope(first, group, from: start, to: period, title: spec.title)
        case .bullet: drawn = factory.bullet(first, named?.first ?? scope, period: period, title: spec.title)
        case .sparkline:
            guard let line = factory.sparkline(first, named?.first ?? scope) else { return .empty }
            return charts.sparkline(line)
        }
        guard let drawn else { return "<p class=\"no-data\">No data for this chart.</p>\n" }
        return charts.figure(drawn, caption: spec.caption, slug: first.id.rawValue)
    }
}
