import ReportModel

/// Breadcrumbs and the quarter switcher. CSS: `.breadcrumbs`, `.quarters`, `.quarter-step`.
enum Navigation {
    /// Organization › group › team, each linked to its page for the quarter.
    static func breadcrumbs(_ scope: Scope, period: Period?, on page: PageAddress, context: SiteContext) -> HTML {
        var trail: [Scope] = []
        if let id = scope.teamID { trail = Array(context.organization.ancestors(of: id).reversed()) }
        var items: [HTML] = trail.map { ancestor in
            let target = period.map { PageAddress.scope(ancestor, $0) } ?? PageAddress.latest(ancestor)
            return "<li><a href=\"\(context.link(from: page, to: target))\">\(context.name(of: ancestor))</a></li>"
        }
        items.append("<li aria-current=\"page\">\(context.name(of: scope))</li>")
        return "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\"><ol>\(items.joined())</ol></nav>\n"
    }

    /// Every quarter as a link to the same scope's page, and previous and next.
    static func quarters(_ scope: Scope, current: Period, on page: PageAddress, context: SiteContext) -> HTML {
        let periods = context.report.periods
        var items = HTML.empty
        for period in periods {
            if period == current {
                items += "<li><span aria-current=\"page\">\(period.description)</span></li>"
            } else {
                items += "<li><a href=\"\(context.link(from: page, to: .scope(scope, period)))\">\(period.description)</a></li>"
            }
        }
        var html: HTML = "<nav class=\"quarters\" aria-label=\"Quarters\"><span>Quarter</span><ol>\(items)</ol>"
        if let index = periods.firstIndex(of: current) {
            if index > 0 {
                let previous = periods[index - 1]
                html += "<a class=\"quarter-step\" rel=\"prev\" href=\"\(context.link(from: page, to: .scope(scope, previous)))\">← \(previous.description)</a>"
            }
            if index + 1 < periods.count {
                let next = periods[index + 1]
                html += "<a class=\"quarter-step\" rel=\"next\" href=\"\(context.link(from: page, to: .scope(scope, next)))\">\(next.description) →</a>"
            }
        }
        return html + "</nav>\n"
    }
}
