import Analysis
import ReportModel

/// The HTML for a narrative's ` ```table `, ` ```kpis ` or ` ```chart ` block.
struct DataBlock {
    let spec: BlockSpec
    let narrative: Narrative
    let scope: Scope
    let period: Period
    let page: PageAddress
    let context: SiteContext

    func render() -> HTML {
        switch spec.kind {
        case .table: table()
        case .kpis: kpis()
        case .chart: chart()
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
        let cards = chosen.compactMap { KPICard.render($0, scope: target, period: quarter, on: page, context: context) }
        var html = HTML.empty
        if let title = spec.title { html += "<h3 class=\"block-title\">\(title)</h3>" }
        return html + "<div class=\"kpis\">\(cards.joined())</div>\n"
    }

    /// Charts are drawn by the chart library; until then a marked placeholder says what
    /// will be drawn, and the values stay available in the tables of the page.
    private func chart() -> HTML {
        let type = spec.chartType?.rawValue ?? "chart"
        let names = metrics.map(\.name).joined(separator: " against ")
        let title = spec.title ?? "\(names) (\(type) chart)"
        return "<figure class=\"chart chart-placeholder\" data-chart-type=\"\(type)\"><figcaption>\(title). Chart drawing arrives in a later version of Discern.</figcaption></figure>\n"
    }
}
