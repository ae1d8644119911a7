import Analysis
import Charts
import Formatting
import ReportModel

/// `usage-vs-outcomes/index.html`: does more AI use go with better results? For each
/// outcome metric, a scatter of usage against it across teams with r in plain words,
/// the caveat on attribution, and the teams whose usage rose while an outcome fell.
///
/// It shows the latest quarter, and usage is the catalog's first usage metric: the one
/// the report puts forward as context.
struct UsageOutcomesPage {
    let context: SiteContext

    func render() -> RenderedPage {
        let address = PageAddress.usageVsOutcomes
        let report = context.report
        let charts = ChartPlacement(page: address, timings: context.options.timings)
        let factory = ChartFactory(context: context)
        let teams = report.visibleTeams.filter { !context.organization.isGroup($0.id) }.map { Scope.team($0.id) }
        let usage = report.metrics.first { $0.category == .usage }
        let outcomes = report.metrics.filter { $0.category == .outcome }
        let period = report.latestPeriod

        var main: HTML = "<header class=\"page-header\"><h1>Usage and outcomes</h1>"
        main += "<p class=\"summary\">Does more AI use go with better results? One dot per team"
        if let period, let usage { main += " in \(period.description), with usage measured as \(usage.name)" }
        main += ".</p></header>\n"
        main += """
            <aside class="caveat" aria-label="About attribution"><p><strong>Association is not attribution.</strong> \
            Teams differ in their work, their tools and their starting point, so a pattern across teams does not show \
            that AI use caused it. Read each chart beside the team's own change from its baseline.</p></aside>

            """
        guard let usage, let period else {
            main += "<p>This report has no usage metric, so there is nothing to set outcomes against.</p>\n"
            return page(address, main: main, charts: charts)
        }

        for outcome in outcomes {
            let scatter = factory.scatterChart(x: usage, y: outcome, teams, period: period,
                                               title: "\(outcome.name) against \(usage.name), \(period)")
            guard scatter.points.count >= 2 else { continue }
            let slug = outcome.id.rawValue
            main += "<section aria-labelledby=\"\(slug)\"><h2 id=\"\(slug)\">\(outcome.name)</h2>"
            main += "<p class=\"reading\">\(Self.reading(scatter.correlation, usage: usage, outcome: outcome))</p>"
            main += charts.figure(scatter.drawn(context), slug: slug)
            main += "</section>\n"
        }

        let divergences = teams.flatMap { report.divergences(for: $0, in: period) }.filter { $0.result.category == .outcome }
        main += "<section aria-labelledby=\"diverged\"><h2 id=\"diverged\">Usage rose, outcomes fell</h2>"
        if divergences.isEmpty {
            main += "<p>In \(period.description), no team's outcome got worse while its usage rose.</p>"
        } else {
            main += "<p>Teams whose usage rose in \(period.description) while an outcome got worse, from the previous quarter. "
            main += "Each is a question for the team's narrative, not a verdict.</p><ul class=\"divergences\">"
            for found in divergences {
                main += "<li><a href=\"\(context.link(from: address, to: .scope(found.scope, period)))\">\(context.name(of: found.scope))</a>: "
                main += "\(found.result.name) \(Self.move(found.resultChange, found.result)) while "
                main += "\(found.usage.name) rose \(Self.move(found.usageChange, found.usage))</li>"
            }
            main += "</ul>"
        }
        main += "</section>\n"
        return page(address, main: main, charts: charts)
    }

    private func page(_ address: PageAddress, main: HTML, charts: ChartPlacement) -> RenderedPage {
        RenderedPage(address: address, html: context.shell(address, title: "Usage and outcomes", pageClass: "page-usage-outcomes",
                                                           description: "AI usage set against each outcome, across teams.",
                                                           main: main),
                     charts: charts.count, chartFiles: charts.files)
    }

    /// `from 2.9 days to 3.4 days`.
    static func move(_ change: Change, _ metric: Metric) -> String {
        "from \(ValueFormatter.value(change.from, for: metric)) to \(ValueFormatter.value(change.to, for: metric))"
    }

    /// What r says, in words a reader can repeat. With too few teams it says only that;
    /// otherwise the words claim no more than r's 95% interval allows: an interval that
    /// holds zero is no clear relationship, and a strong pattern is still only an association.
    static func reading(_ correlation: Correlation, usage: Metric, outcome: Metric) -> String {
        switch correlation {
        case .tooFewTeams(let count, let needed):
            return "Only \(count) teams have both \(usage.name) and \(outcome.name) here: too few to say anything about a relationship. "
                + "r is given from \(needed) teams."
        case .undefined:
            return "There is no measurable relationship between \(usage.name) and \(outcome.name) across these teams (r is not defined)."
        case .estimated(_, _, _, let count):
            let quoted = correlation.quoted ?? ""
            guard let positive = correlation.isPositive else {
                return "There is no clear relationship between \(usage.name) and \(outcome.name) across these \(count) teams (\(quoted)): "
                    + "the interval holds zero."
            }
            let clearly = correlation.strength == .strong ? "clearly " : ""
            let slightly = correlation.strength == .weak ? "slightly " : ""
            switch outcome.better {
            case .neutral:
                return "Teams that use AI more \(clearly)tend to have \(slightly)\(positive ? "higher" : "lower") \(outcome.name) here (\(quoted))."
            case .higher, .lower:
                let better = positive == (outcome.better == .higher)
                return "Teams that use AI more \(clearly)tend to do \(slightly)\(better ? "better" : "worse") on \(outcome.name) here (\(quoted))"
                    + (better ? ", which does not show that AI is the reason." : ".")
            }
        }
    }
}
