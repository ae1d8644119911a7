import Formatting
import ReportModel
import Yams

/// Reads the YAML body of a narrative's data block into a `BlockSpec`, checking its ids
/// against the content. Positions point into the narrative file.
enum BlockSpecReader {
    static let keys: [BlockSpec.Kind: [String]] = [
        .chart: ["type", "metric", "metrics", "x", "y", "team", "teams", "period", "periods", "title", "caption"],
        .table: ["metric", "metrics", "team", "teams", "period", "periods", "title", "caption"],
        .kpis: ["metric", "metrics", "team", "teams", "period", "periods", "title"],
    ]

    /// - Parameters:
    ///   - bodyLine: the line of the narrative file where the block's body starts.
    static func read(_ kind: BlockSpec.Kind, body: String, file: String, bodyLine: Int,
                     metrics: [Metric], organization: Organization, diagnostics log: inout DiagnosticLog) -> BlockSpec? {
        // The block's own findings, to know whether it has errors.
        var diagnostics = DiagnosticLog()
        defer { log.merge(diagnostics) }
        let start = SourceLocation(file: file, line: bodyLine - 1, column: 1)
        guard let yaml = YAMLMapping.document(body, file: file, lineOffset: bodyLine - 1, diagnostics: &diagnostics)
        else { return nil }
        yaml.warnUnknownKeys(keys[kind] ?? [], in: "a \(kind.rawValue) block", diagnostics: &diagnostics)

        var spec = BlockSpec(kind: kind, metrics: [], location: start)
        let metricIDs = metrics.map(\.id.rawValue)
        func metric(_ node: Node) -> MetricID? {
            guard case .scalar(let scalar) = node else {
                diagnostics.report(.error("expected a metric id", at: yaml.location(of: node)))
                return nil
            }
            guard metricIDs.contains(scalar.string) else {
                diagnostics.report(.unknown(.metric, "unknown metric '\(Excerpt.of(scalar.string))'" + Suggestion.hint(for: scalar.string, in: metricIDs),
                                          at: yaml.location(of: node)))
                return nil
            }
            return MetricID(scalar.string)
        }
        func list(_ single: String, _ plural: String) -> [Node]? {
            if let node = yaml.node(single) { return [node] }
            return yaml.sequence(plural, diagnostics: &diagnostics)
        }

        if kind == .chart {
            spec.chartType = yaml.choice("type", as: BlockSpec.ChartType.self, required: "a chart block",
                                         diagnostics: &diagnostics)
        }
        if spec.chartType == .scatter {
            for axis in ["x", "y"] {
                if let node = yaml.node(axis) { spec.metrics += metric(node).map { [$0] } ?? [] } else {
                    yaml.missing(axis, "a scatter chart", diagnostics: &diagnostics)
                }
            }
        } else {
            spec.metrics = (list("metric", "metrics") ?? []).compactMap(metric)
            if spec.metrics.isEmpty, kind != .kpis, yaml.node("metric") == nil, yaml.node("metrics") == nil {
                yaml.missing("metric", "a \(kind.rawValue) block", diagnostics: &diagnostics)
            }
        }

        let teamIDs = organization.suggestableIDs
        if let nodes = list("team", "teams") {
            spec.teams = nodes.compactMap { node in
                guard case .scalar(let scalar) = node else { return nil }
                if scalar.string == Scope.organizationID { return .organization }
                guard organization.contains(TeamID(scalar.string)) else {
                    diagnostics.report(.unknown(.team, "unknown team '\(Excerpt.of(scalar.string))'" + Suggestion.hint(for: scalar.string, in: teamIDs),
                                              at: yaml.location(of: node)))
                    return nil
                }
                return .team(TeamID(scalar.string))
            }
        }
        if let nodes = list("period", "periods") {
            spec.periods = nodes.compactMap { node in
                guard let text = node.string, let period = Period(text) else {
                    diagnostics.report(.error(Period.problem(node.string ?? ""), at: yaml.location(of: node)))
                    return nil
                }
                return period
            }
        }
        spec.title = yaml.string("title", diagnostics: &diagnostics)
        spec.caption = yaml.string("caption", diagnostics: &diagnostics)
        return diagnostics.hasErrors ? nil : spec
    }
}
