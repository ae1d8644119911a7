import Analysis
import Formatting
import ReportModel

/// A headline number: the value, its change on the quarter and since the baseline, the
/// target, and where it came from. CSS: `.kpi`, `.kpi-name`, `.kpi-value`,
/// `.kpi-change`, `.kpi-baseline`, `.kpi-target`, `.kpi-note`, `.kpi-interval`,
/// `.kpi-coverage`, `.kpi.partial` with `.kpi-partial`,
/// `.delta-better|worse|unclear|incomparable|…` with `.delta-up|down`.
enum KPICard {
    /// Nil when the scope has no value for the metric in that quarter.
    /// - Parameter linking: whether the name links to the metric's page; a deck has none.
    static func render(_ metric: Metric, scope: Scope, period: Period, on page: PageAddress,
                       context: SiteContext, charts: ChartPlacement? = nil, linking: Bool = true) -> HTML? {
        let report = context.report
        guard let reading = report.reading(metric.id, for: scope, in: period) else { return nil }
        let metricLink = context.link(from: page, to: .metric(metric.id))
        let coverage = report.coverage(metric.id, for: scope, in: period)
        let partial = reading.value != nil && coverage?.isPartial == true
        var html: HTML = "<div class=\"kpi kpi-\(metric.category.rawValue)\(partial ? " partial" : "")\">"
        html += linking ? "<h3 class=\"kpi-name\"><a href=\"\(metricLink)\">\(metric.name)</a></h3>" : "<h3 class=\"kpi-name\">\(metric.name)</h3>"
        guard let value = reading.value else {
            html += "<p class=\"kpi-value suppressed\">\(Suppressed.words(reading.suppression))</p>"
            if let n = reading.n { html += "<p class=\"kpi-note\">n = \(n)</p>" }
            return html + "</div>"
        }
        let unit = ValueFormatter.unit(for: metric)
        let number = ValueFormatter.number(value, for: metric)
        let restated = RestatedMark.html(metric, scope, period, in: report)
        // The 95% interval's ± in small type, only where its inputs are published.
        let margin: HTML = report.margin(metric.id, for: scope, in: period).map {
            " <span class=\"kpi-interval\">± \(ValueFormatter.number($0, for: metric))</span>"
        } ?? .empty
        if unit == "%" || unit.isEmpty {
            html += "<p class=\"kpi-value\">\(number + unit)\(margin)\(restated)</p>"
        } else {
            html += "<p class=\"kpi-value\">\(number) <span class=\"unit\">\(ValueFormatter.singular(unit, after: number))</span>\(margin)\(restated)</p>"
        }
        if let charts, let sparkline = ChartFactory(context: context).sparkline(metric, scope) {
            html += charts.sparkline(sparkline)
        }
        if let change = report.change(metric.id, for: scope, in: period) {
            html += "<p class=\"kpi-change\">" + delta(change, metric) + " vs \(period.previous.description)</p>"
        }
        if let baseline = metric.baseline, baseline != period,
           let change = report.changeFromBaseline(metric.id, for: scope, in: period) {
            html += "<p class=\"kpi-baseline\">" + delta(change, metric) + " since \(baseline.description)</p>"
        }
        if let gap = report.targetGap(metric.id, for: scope, in: period) {
            let target = ValueFormatter.value(gap.target, for: metric)
            switch gap.isMet {
            case true?: html += "<p class=\"kpi-target target-met\">Target \(target): met</p>"
            case false?: html += "<p class=\"kpi-target target-missed\">Target \(target): not yet met</p>"
            case nil: html += "<p class=\"kpi-target\">Target \(target)</p>"
            }
        }
        // Coverage in small type only when some listed team is missing, to keep pages calm.
        if let coverage, !coverage.isComplete {
            html += "<p class=\"kpi-coverage\">from \(coverage.contributing.count) of \(coverage.teams.count) listed teams</p>"
        }
        if partial { html += "<p class=\"kpi-partial\">Partial: these teams hold under half the listed people</p>" }
        let note = source(reading, complete: coverage?.isComplete ?? true)
        if !note.isEmpty { html += "<p class=\"kpi-note\">\(note)</p>" }
        return html + "</div>"
    }

    /// `<span class="delta delta-better delta-down">−0.2 (better)</span>`: the card's
    /// value line already names the unit.
    static func delta(_ change: Change, _ metric: Metric) -> HTML {
        let (text, _) = ValueFormatter.change(change, for: metric, unit: false)
        return "<span class=\"\(ValueFormatter.classes(of: change, for: metric))\">\(text)</span>"
    }

    /// - Parameter complete: whether every listed team contributes; otherwise the
    ///   coverage line has said how many did.
    private static func source(_ reading: Reading, complete: Bool) -> String {
        var parts: [String] = []
        switch reading.source {
        case .given: parts.append("reported for the whole group")
        case .rolledUp where !complete && !reading.includesUnlistedTeams: break
        case .rolledUp(let count) where !reading.includesUnlistedTeams: parts.append("from \(count) team\(count == 1 ? "" : "s")")
        case .rolledUp: parts.append("includes teams too small to list")
        case .measured: break
        }
        if let n = reading.n { parts.append("n = \(n)") }
        return parts.joined(separator: " · ")
    }
}
