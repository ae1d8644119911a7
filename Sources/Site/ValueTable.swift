import Analysis
import Formatting
import ReportModel

/// A table of values: rows are scopes, columns are metric and quarter pairs. Used by
/// ` ```table ` blocks, member tables and metric pages. CSS: `.table-scroll`, `td.number`.
struct ValueTable {
    struct Column {
        var metric: Metric
        var period: Period
        var heading: String
    }

    var rows: [Scope]
    var columns: [Column]
    var caption: String?
    /// Indentation of each row by its depth in the tree (metric pages).
    var depth: [Scope: Int] = [:]

    func render(on page: PageAddress, context: SiteContext) -> HTML {
        let report = context.report
        var html: HTML = "<div class=\"table-scroll\"><table>"
        if let caption { html += "<caption>\(caption). Suppressed values have too few people behind them, or would reveal one that has.</caption>" }
        html += "<thead><tr><th scope=\"col\">Team</th>"
        for column in columns { html += "<th scope=\"col\" class=\"number\">\(column.heading)</th>" }
        html += "</tr></thead><tbody>"
        for scope in rows {
            let depthClass = depth[scope].map { " class=\"depth-\($0)\"" } ?? ""
            let quarter = columns.first.map(\.period).flatMap { report.periods.contains($0) ? $0 : nil }
            let link = context.link(from: page, to: quarter.map { .scope(scope, $0) } ?? .latest(scope))
            html += HTML(markup: "<tr\(depthClass)>") + "<th scope=\"row\"><a href=\"\(link)\">\(context.name(of: scope))</a></th>"
            for column in columns {
                html += "<td class=\"number\">" + cell(column, scope, report) + "</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table></div>\n"
    }

    private func cell(_ column: Column, _ scope: Scope, _ report: Report) -> HTML {
        guard let reading = report.reading(column.metric.id, for: scope, in: column.period) else {
            return "<span class=\"no-data\" title=\"no data\">–</span>"
        }
        guard let value = reading.value else {
            // The reason is in the title and the table's caption; a column stays narrow.
            return "<span class=\"suppressed\" title=\"\(Suppressed.words(reading.suppression))\">suppressed</span>"
        }
        let shown = HTML(text: ValueFormatter.value(value, for: column.metric))
        return shown + RestatedMark.html(column.metric, scope, column.period, in: report)
    }
}
