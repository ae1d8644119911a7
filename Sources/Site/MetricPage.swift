import Analysis
import Formatting
import ReportModel

/// `metrics/<id>/index.html`: one metric's definition, and its values for every visible
/// scope and quarter.
struct MetricPage {
    let context: SiteContext
    let metric: Metric

    func render() -> RenderedPage {
        let address = PageAddress.metric(metric.id)
        let report = context.report
        var main: HTML = "<header class=\"page-header\"><h1>\(metric.name)</h1>"
        if let description = metric.description { main += "<p class=\"summary\">\(description)</p>" }
        main += "</header>\n<dl class=\"definition\">" + Self.definition(metric, context: context) + "</dl>\n"

        let scopes = [Scope.organization] + report.visibleTeams.map { Scope.team($0.id) }
        let rows = scopes.filter { scope in report.hasData(metric.id, for: scope) }
        var depth: [Scope: Int] = [:]
        for case let .team(id) in rows { depth[.team(id)] = context.organization.ancestors(of: id).count - 1 }
        let charts = ChartPlacement(page: address, timings: context.options.timings)
        let factory = ChartFactory(context: context)
        let tops = [Scope.organization] + context.visibleMembers(of: .organization).map { Scope.team($0.id) }
        let leaves = report.visibleTeams.filter { !context.organization.isGroup($0.id) }.map { Scope.team($0.id) }
        if let latest = report.periods.last(where: { period in leaves.contains { report.value(metric.id, for: $0, in: period) != nil } }) {
            main += "<section aria-labelledby=\"charts\"><h2 id=\"charts\">Teams and trend</h2>"
            main += charts.figure(factory.bar(metric, leaves, period: latest, title: "\(metric.name) by team, \(latest)"), slug: metric.id.rawValue)
            main += charts.figure(factory.line(metric, tops.filter { report.hasData(metric.id, for: $0) }), slug: metric.id.rawValue)
            main += "</section>\n"
        }
        let columns = report.periods.map { ValueTable.Column(metric: metric, period: $0, heading: $0.description) }
        main += "<section aria-labelledby=\"values\"><h2 id=\"values\">By team and quarter</h2>"
        main += ValueTable(rows: rows, columns: columns, caption: "\(metric.name) by quarter; indented rows belong to the group above", depth: depth)
            .render(on: address, context: context)
        main += "</section>\n"
        let crumbs: HTML = "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\"><ol><li><a href=\"\(context.link(from: address, to: .metrics))\">Metrics</a></li><li aria-current=\"page\">\(metric.name)</li></ol></nav>\n"
        return RenderedPage(address: address, html: context.shell(address, title: metric.name, pageClass: "page-metric",
                                                                  breadcrumbs: crumbs, description: metric.description, main: main),
                            charts: charts.count, chartFiles: charts.files)
    }

    static func definition(_ metric: Metric, context: SiteContext) -> HTML {
        var html: HTML = "<dt>Category</dt><dd>\(ScopePage.heading(metric.category))</dd>"
        html += "<dt>Unit</dt><dd>\(metric.unit.isEmpty ? "none" : metric.unit)</dd>"
        let direction = switch metric.better {
        case .higher: "Higher is better"
        case .lower: "Lower is better"
        case .neutral: "Context only: neither direction is better"
        }
        html += "<dt>Direction</dt><dd>\(direction)</dd>"
        html += "<dt>Roll-up</dt><dd>\(Self.aggregation(metric.aggregate))</dd>"
        if let target = metric.target { html += "<dt>Target</dt><dd>\(ValueFormatter.value(target, for: metric))</dd>" }
        if let baseline = metric.baseline { html += "<dt>Baseline</dt><dd>\(baseline.description)</dd>" }
        let threshold = max(context.site.minGroupSize, metric.minN ?? 0)
        html += "<dt>Shown when</dt><dd>at least \(String(threshold)) people stand behind the value</dd>"
        return html
    }

    static func aggregation(_ rule: Metric.Aggregation) -> String {
        switch rule {
        case .sum: "sum over teams"
        case .mean: "mean over teams"
        case .weightedMean: "mean over teams, weighted by headcount"
        case .median: "median over teams"
        case .min: "lowest team value"
        case .max: "highest team value"
        }
    }
}
