import Formatting
import ReportModel

extension ContentLoader {
    static let metricKeys = ["id", "name", "category", "unit", "better", "aggregate", "target", "baseline",
                             "description", "format", "decimals", "min_n", "self_reported", "range",
                             "uncertainty", "min_change"]
    static let wholeKeys = ["id", "parts", "total"]

    /// `metrics.yaml`: the metric catalog, in report order as declared; nil when the
    /// file cannot be read.
    /// - Parameter wholes: set to the `wholes:` the file declares, checked against its metrics.
    func loadMetrics(_ text: String?, wholes: inout [MetricWhole], diagnostics: inout DiagnosticLog) -> [Metric]? {
        guard var catalog = CatalogFile("metrics", in: text, file: "metrics.yaml", kind: "metric", keys: Self.metricKeys,
                                        otherKeys: ["wholes"], diagnostics: &diagnostics) else { return nil }
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
            let range = entry.range("range", diagnostics: &diagnostics)
            var uncertainty = entry.choice("uncertainty", as: Metric.Uncertainty.self, diagnostics: &diagnostics)
            var minChange = entry.number("min_change", diagnostics: &diagnostics)
            if let change = minChange, !(change > 0) || !change.isFinite {
                diagnostics.report(.error("'min_change' must be more than 0: the smallest change, in the metric's unit, that matters",
                                          at: entry.location(of: entry.node("min_change")!)))
                minChange = nil
            }
            if let problem = Self.problem(with: uncertainty, format: format ?? .number, aggregate: aggregate) {
                diagnostics.report(.error(problem, at: entry.location(of: entry.node("uncertainty")!)))
                uncertainty = nil
            }
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
                uncertainty: uncertainty, minChange: minChange,
                declaredRange: range, location: entry.location))
        }
        wholes = Self.wholes(in: catalog.document, metrics: metrics, diagnostics: &diagnostics)
        return metrics
    }

    /// Why a metric cannot carry the interval it declares: Wilson's is for a share of
    /// people, written as a percentage; Garwood's is for a count, which rolls up by sum.
    private static func problem(with uncertainty: Metric.Uncertainty?, format: Metric.Format,
                                aggregate: Metric.Aggregation?) -> String? {
        switch uncertainty {
        case .wilson? where format != .percent:
            return "'uncertainty: wilson' is for a share of people written as a percentage; this metric's format is "
                + "\(format.rawValue), not percent. Use 'given' with the data's own intervals, or 'none'"
        case .poisson? where aggregate != nil && aggregate != .sum:
            return "'uncertainty: poisson' is for a count of events, which rolls up by sum; this metric rolls up by "
                + "\(aggregate!.rawValue). Use 'given' with the data's own intervals, or 'none'"
        default:
            return nil
        }
    }

    /// `wholes:`: metrics that are parts of one whole, each part in one whole at most.
    private static func wholes(in document: YAMLMapping, metrics: [Metric], diagnostics: inout DiagnosticLog) -> [MetricWhole] {
        guard let items = document.sequence("wholes", diagnostics: &diagnostics) else { return [] }
        var wholes: [MetricWhole] = []
        var claimed: [MetricID: String] = [:]
        let known = Dictionary(metrics.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        for item in items {
            guard let entry = YAMLMapping(item, file: "metrics.yaml", lineOffset: 0, what: "a whole", diagnostics: &diagnostics)
            else { continue }
            entry.warnUnknownKeys(wholeKeys, in: "a whole", diagnostics: &diagnostics)
            let id = entry.slug("id", required: "a whole", diagnostics: &diagnostics)
            let total = entry.number("total", diagnostics: &diagnostics) ?? 100
            guard let id, let parts = entry.sequence("parts", diagnostics: &diagnostics) else {
                if id != nil { entry.missing("parts", "whole '\(id!)'", diagnostics: &diagnostics) }
                continue
            }
            var members: [Metric] = []
            for part in parts {
                let at = entry.location(of: part)
                guard let text = part.scalar?.string, let metric = known[text] else {
                    let text = part.scalar?.string ?? ""
                    diagnostics.report(.unknown(.metric, "unknown metric '\(Excerpt.of(text))' in whole '\(id)'"
                        + Suggestion.hint(for: text, in: metrics.map(\.id.rawValue)), at: at))
                    continue
                }
                if let other = claimed[metric.id] {
                    diagnostics.report(.error("'\(text)' is already a part of whole '\(other)'; a metric is a part of one whole at most", at: at))
                    continue
                }
                switch metric.aggregate {
                case .mean, .weightedMean: break
                case .sum, .median, .min, .max:
                    diagnostics.report(.error(
                        "'\(text)' rolls up by \(metric.aggregate.rawValue); the parts of a whole are shares, "
                            + "which roll up by mean or weighted_mean so that a group's parts add up to the total too",
                        at: at))
                    continue
                }
                members.append(metric)
            }
            if Set(members.map(\.aggregate)).count > 1 {
                diagnostics.report(.error("the parts of whole '\(id)' must roll up the same way (all mean or all weighted_mean)",
                                          at: entry.location))
                continue
            }
            guard members.count >= 2 else {
                diagnostics.report(.error("whole '\(id)' needs at least two parts", at: entry.location))
                continue
            }
            for member in members { claimed[member.id] = id }
            wholes.append(MetricWhole(id: id, parts: members.map(\.id), total: total, location: entry.location))
        }
        return wholes
    }
}
