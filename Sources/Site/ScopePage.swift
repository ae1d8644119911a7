import Analysis
import ReportModel

/// The report for the organization, a group or a team in one quarter: headline numbers
/// by category (outcomes first, usage last as context), the narrative beside them, and
/// for groups a table of members.
struct ScopePage {
    let context: SiteContext
    let scope: Scope
    let period: Period
    let address: PageAddress
    /// Whether to report the narrative's diagnostics (once per narrative, not per copy).
    let reportsDiagnostics: Bool

    func render() -> RenderedPage {
        let report = context.report
        let name = context.name(of: scope)
        var diagnostics: [Diagnostic] = []
        var charts = 0
        var narrativeHTML = HTML.empty
        var title = scope == .organization ? "\(name): AI impact, \(period)" : "\(name), \(period)"
        var summary: String?
        let narrative = context.narrative(for: scope, in: period)
        if let narrative {
            let output = NarrativeRenderer(context: context, page: address, scope: scope, period: period).render(narrative)
            if reportsDiagnostics { diagnostics = output.diagnostics }
            charts = output.charts
            title = output.title ?? title
            summary = output.summary
            var byline = [narrative.author, narrative.date].compactMap { $0 }.joined(separator: " · ")
            if !byline.isEmpty { byline = "<p class=\"byline\">" + HTML.escape(byline) + "</p>" }
            narrativeHTML = "<article class=\"narrative\" aria-label=\"Narrative\">\(HTML(markup: byline))\(output.html)</article>\n"
        }

        var main: HTML = "<header class=\"page-header\"><h1>\(title)</h1>"
        if let summary { main += "<p class=\"summary\">\(summary)</p>" }
        main += "<p class=\"meta\">\(meta())</p>"
        main += Navigation.quarters(scope, current: period, on: address, context: context)
        main += "</header>\n"

        var numbers = HTML.empty
        let highlights = (narrative?.highlights ?? []).compactMap { report.metric($0) }
        let highlightCards = highlights.compactMap { KPICard.render($0, scope: scope, period: period, on: address, context: context) }
        if !highlightCards.isEmpty {
            numbers += "<section class=\"category highlights\" aria-labelledby=\"highlights\"><h2 id=\"highlights\">Highlights</h2><div class=\"kpis\">\(highlightCards.joined())</div></section>\n"
        }
        for category in Metric.Category.allCases {
            let cards = context.metrics(in: category, for: scope, in: period)
                .compactMap { KPICard.render($0, scope: scope, period: period, on: address, context: context) }
            guard !cards.isEmpty else { continue }
            let id = "category-\(category.rawValue)"
            numbers += "<section class=\"category category-\(category.rawValue)\" aria-labelledby=\"\(id)\"><h2 id=\"\(id)\">\(Self.heading(category))</h2>"
            if category == .usage {
                numbers += "<p class=\"category-note\">Usage shows adoption, not value. Read it beside the outcomes above, never as a target.</p>"
            }
            numbers += "<div class=\"kpis\">\(cards.joined())</div></section>\n"
        }
        if numbers.isEmpty { numbers = "<p class=\"no-data\">No data for \(name) in \(period.description).</p>\n" }

        let layout = narrativeHTML.isEmpty ? "report" : "report has-narrative"
        main += HTML(markup: "<div class=\"\(layout)\">") + "<div class=\"numbers\">\(numbers)</div>\(narrativeHTML)</div>\n"
        main += members()

        let crumbs = Navigation.breadcrumbs(scope, period: period, on: address, context: context)
        let html = context.shell(address, title: title, pageClass: scope == .organization ? "page-organization" : "page-team",
                                 breadcrumbs: crumbs, description: summary, main: main)
        return RenderedPage(address: address, html: html, charts: charts, diagnostics: diagnostics)
    }

    static func heading(_ category: Metric.Category) -> String {
        switch category {
        case .outcome: "Outcomes"
        case .quality: "Quality"
        case .judgment: "Judgment in AI use"
        case .sentiment: "Sentiment"
        case .skills: "Skills"
        case .usage: "Usage: context, not impact"
        }
    }

    private func meta() -> String {
        let organization = context.organization
        let people = organization.headcount(of: scope)
        var parts = ["\(period)", "\(people) people"]
        let members = context.visibleMembers(of: scope)
        if !members.isEmpty { parts.append("\(members.count) \(members.count == 1 ? "member" : "members") shown") }
        if let id = scope.teamID, case .team(let parent) = organization.parent(of: id) {
            parts.append("part of \(organization.team(parent)?.name ?? parent)")
        }
        return parts.joined(separator: " · ")
    }

    /// For groups and the organization: each visible member's lead numbers.
    private func members() -> HTML {
        let members = context.visibleMembers(of: scope).map { Scope.team($0.id) }
        guard !members.isEmpty else { return .empty }
        let report = context.report
        let highlights = context.narrative(for: scope, in: period)?.highlights ?? []
        var lead = highlights.compactMap { report.metric($0) }
        if lead.isEmpty {
            lead = report.metrics.filter { metric in
                metric.category == .outcome && members.contains { report.reading(metric.id, for: $0, in: period) != nil }
            }
        }
        let columns = lead.prefix(4).map { ValueTable.Column(metric: $0, period: period, heading: $0.name) }
        guard !columns.isEmpty else { return .empty }
        let table = ValueTable(rows: members, columns: Array(columns), caption: "Members in \(period); teams too small to report are not listed")
        return "<section class=\"members\" aria-labelledby=\"members\"><h2 id=\"members\">Members</h2>\(table.render(on: address, context: context))</section>\n"
    }
}
