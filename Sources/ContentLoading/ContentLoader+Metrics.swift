import Formatting
import ReportModel

extension ContentLoader {
    static let metricKeys = ["id", "name", "category", "unit", "better", "aggregate", "target", "baseline",
                             "description", "format", "decimals", "min_n", "self_reported"]

    /// `metrics.yaml`: the metric catalog, in report order as declared; nil when the
    /// file cannot be read.
    func loadMetrics(_ text: String?, diagnostics: inout DiagnosticLog) -> [Metric]? {
        guard var catalog = CatalogFile("metrics", in: text, file: "metrics.yaml", kind: "metric", keys: Self.metricKeys,
                                        diagnostics: &diagnostics) else { return nil }
        var metrics: [Metric] = []
        for entry in catalog.entries {
            let id = entry.slug("id", required: "a metric", diagnostics: &diagnostics)
            let what = "metric '\(id ?? "?")'"
            let name = entry.string("name", required: what, diagnostics: &diagnostics)
            let category = entry.choice("category", as: Metric.Category.self, required: what, diagnostics: &diagnostics)
            let unit = entry.string("unit", required: what, diagnostics: &diagnostics)
            let better = entry.choice("better", as: Metric.Direction.self, required: what, diagnostics: &diagnostics)
            let aggregate = entry.choice("aggregate", as: Metric.Aggregation.self, required: what,
                                         diagnostics: &diagnostics)
            let target = entry.number("target", diagnostics: &diagnostics)
            let baseline = entry.period("baseline", diagnostics: &diagnostics)
            let description = entry.string("description", diagnostics: &diagnostics)
            let format = entry.choice("format", as: Metric.Format.self, diagnostics: &diagnostics)
            let decimals = entry.integer("decimals", in: 0...6, diagnostics: &diagnostics)
            let minN = entry.integer("min_n", in: 1...Int.max, diagnostics: &diagnostics)
            let selfReported = entry.choice("self_reported", as: YAMLBool.self, diagnostics: &diagnostics) == .true
            guard let id, let name, let category, let unit, let better, let aggregate else { continue }
            guard catalog.declare(id, in: entry, diagnostics: &diagnostics) else { continue }
            if PersonIdentifier.ranksPeople(id) || PersonIdentifier.ranksPeople(name) {
                diagnostics.report(LintRule.namesIndividuals.finding(
                    "metric '\(Excerpt.of(id))' looks like a ranking or list of people; report team-level measures, never individuals",
                    at: entry.location(of: entry.node("id")!)))
            }
            metrics.append(Metric(
                id: MetricID(id), name: name, category: category, unit: unit, better: better, aggregate: aggregate,
                target: target, baseline: baseline, description: description,
                format: format ?? .number, decimals: decimals, minN: minN, selfReported: selfReported,
                location: entry.location))
        }
        return metrics
    }
}
