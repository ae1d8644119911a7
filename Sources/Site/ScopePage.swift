import Analysis
import Formatting
import ReportModel

/// The report for the organization, a group or a team in one quarter: headline numbers
/// by category (outcomes first, usage last as context), the narrative beside them, and
/// for groups a table of members.
struct ScopePage {
    let context: SiteContext
    let scope: Scope
    let period: Period
    let address: PageAddress

    func render() -> RenderedPage {
        let report = context.report
        let name = context.name(of: scope)
        // The latest-quarter copy shows its quarter's page's chart files; only that page writes them.
        let charts = ChartPlacement(page: address, sharing: .scope(scope, period), timings: context.options.timings)
        var narrativeHTML = HTML.empty
        var title = scope == .organization ? "\(name): AI impact, \(period)" : "\(name), \(period)"
        var summary: String?
        let narrative = report.narrative(for: scope, in: period)
        if let narrative {
            let output = NarrativeRenderer(context: context, page: address, scope: scope, period: period, charts: charts).render(narrative)
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
        let highlightCards = highlights.compactMap { KPICard.render($0, scope: scope, period: period, on: address, context: context, charts: charts) }
        if !highlightCards.isEmpty {
            numbers += "<section class=\"category highlights\" aria-labelledby=\"highlights\"><h2 id=\"highlights\">Highlights</h2><div class=\"kpis\">\(highlightCards.joined())</div></section>\n"
        }
        // Level shares are drawn together in the Judgment section, not as cards one by one.
        let levels = Set(context.site.fluency?.levels ?? [])
        for category in Metric.Category.allCases {
            let cards = context.metrics(in: category, for: scope, in: period).filter { !levels.contains($0.id) }
                .compactMap { KPICard.render($0, scope: scope, period: period, on: address, context: context, charts: charts) }
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
        main += trends(charts)
        main += members(charts)
        main += judgment(charts)

        let crumbs = Navigation.breadcrumbs(scope, period: period, on: address, context: context)
        let html = context.shell(address, title: title, pageClass: scope == .organization ? "page-organization" : "page-team",
                                 breadcrumbs: crumbs, description: summary, main: main)
        return RenderedPage(address: address, html: html, charts: charts.count,
                            chartFiles: charts.files)
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
        let people = context.report.visibleHeadcount(of: scope)
        var parts = ["\(period)", "\(people) people"]
        let members = context.visibleMembers(of: scope)
        if !members.isEmpty { parts.append("\(members.count) \(members.count == 1 ? "member" : "members") shown") }
        if let id = scope.teamID, case .team(let parent) = organization.parent(of: id) {
            parts.append("part of \(organization.team(parent)?.name ?? parent.rawValue)")
        }
        return parts.joined(separator: " · ")
    }

    /// The metrics a page leads with: the narrative's highlights, else the outcomes
    /// (and, where asked, quality) that the given scopes have values for.
    private func lead(for scopes: [Scope], includingQuality: Bool = false) -> [Metric] {
        let report = context.report
        let highlights = (report.narrative(for: scope, in: period)?.highlights ?? []).compactMap { report.metric($0) }
        if !highlights.isEmpty { return highlights }
        return report.metrics.filter { metric in
            (metric.category == .outcome || (includingQuality && metric.category == .quality))
                && scopes.contains { report.reading(metric.id, for: $0, in: period) != nil }
        }
    }

    /// For teams: each lead metric over the quarters, beside the team's group.
    private func trends(_ charts: ChartPlacement) -> HTML {
        // Groups and the organization show their members instead.
        guard let id = scope.teamID, !context.organization.isGroup(id) else { return .empty }
        let factory = ChartFactory(context: context)
        let figures = lead(for: [scope]).prefix(2).map { metric in
            charts.figure(factory.line(metric, [scope], withParent: true), slug: metric.id.rawValue)
        }
        guard !figures.isEmpty else { return .empty }
        return "<section class=\"trends\" aria-labelledby=\"trends\"><h2 id=\"trends\">Trends</h2>\(figures.joined())</section>\n"
    }

    /// The judgment view, when the site sets a fluency scorecard: how the scope's people
    /// spread across fluency levels beside its members (or, for a team, its group and the
    /// organization), and each capability's measures with their change since baseline.
    private func judgment(_ charts: ChartPlacement) -> HTML {
        guard let scorecard = context.site.fluency else { return .empty }
        let report = context.report
        var html = HTML.empty
        let levels = scorecard.levels.compactMap { report.metric($0) }
        var compared = [scope]
        if let id = scope.teamID, !context.organization.isGroup(id) {
            compared += context.organization.ancestors(of: id).filter(report.isVisible)
        } else {
            compared += context.visibleMembers(of: scope).map { Scope.team($0.id) }
        }
        compared = compared.filter { scope in levels.contains { report.value($0.id, for: scope, in: period) != nil } }
        if !levels.isEmpty, !compared.isEmpty {
            let chart = ChartFactory(context: context).stacked(levels, compared, period: period,
                                                               title: "Fluency levels, share of respondents, \(period)")
            html += charts.figure(chart, slug: "fluency-levels")
        }
        var rows = HTML.empty
        for (capability, ids) in scorecard.capabilities {
            for metric in ids.compactMap({ report.metric($0) }) {
                guard let reading = report.reading(metric.id, for: scope, in: period) else { continue }
                let value = reading.value.map { ValueFormatter.value($0, for: metric) } ?? Suppressed.words(reading.suppression)
                var since: HTML = "–"
                if let baseline = metric.baseline, let change = report.changeFromBaseline(metric.id, for: scope, in: period) {
                    since = KPICard.delta(change, metric) + " since \(baseline.description)"
                }
                rows += "<tr><th scope=\"row\">\(capability.title)</th><td><a href=\"\(context.link(from: address, to: .metric(metric.id)))\">\(metric.name)</a></td>"
                rows += "<td>\(value)</td><td>\(since)</td></tr>"
            }
        }
        if !rows.isEmpty {
            html += "<div class=\"table-scroll\"><table class=\"scorecard\"><caption>Judgment in AI use, \(period.description): six capabilities and what measures them</caption>"
            html += "<thead><tr><th scope=\"col\">Capability</th><th scope=\"col\">Measured by</th><th scope=\"col\">Value</th><th scope=\"col\">Change</th></tr></thead>"
            html += "<tbody>\(rows)</tbody></table></div>"
        }
        guard !html.isEmpty else { return .empty }
        return "<section class=\"judgment\" aria-labelledby=\"judgment\"><h2 id=\"judgment\">Judgment</h2>"
            + "<p class=\"category-note\">How well AI is used, not how much: measured for teams as a whole, to guide learning and support. These numbers say nothing about any one person.</p>"
            + html + "</section>\n"
    }

    /// For groups and the organization: each visible member's lead numbers, a bar of the
    /// first, and a heatmap of change from baseline.
    private func members(_ charts: ChartPlacement) -> HTML {
        let members = context.visibleMembers(of: scope).map { Scope.team($0.id) }
        guard !members.isEmpty else { return .empty }
        let lead = self.lead(for: members, includingQuality: true)
        let columns = lead.prefix(4).map { ValueTable.Column(metric: $0, period: period, heading: $0.name) }
        guard let first = lead.first else { return .empty }
        let table = ValueTable(rows: members, columns: Array(columns), caption: "Members in \(period); teams too small to report are not listed")
        let factory = ChartFactory(context: context)
        var html: HTML = "<section class=\"members\" aria-labelledby=\"members\"><h2 id=\"members\">Members</h2>\(table.render(on: address, context: context))"
        html += charts.figure(factory.bar(first, members, period: period, reference: scope), slug: first.id.rawValue)
        if members.count > 1 {
            html += charts.figure(factory.heatmap(Array(lead.prefix(6)), members, period: period), slug: "baseline")
        }
        return html + "</section>\n"
    }
}
