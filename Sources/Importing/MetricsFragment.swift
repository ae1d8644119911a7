import ReportModel

/// The `metrics.yaml` entries an import declares, written to paste under `metrics:`.
///
/// Every text value is written double-quoted, so a unit such as `%` or a name with a
/// colon needs no thought; the loader reads quoted and plain scalars alike.
package enum MetricsFragment {
    /// The entries, indented as list items under `metrics:`, after a comment saying
    /// where they came from. An outcome gets `firstPeriod` as its baseline, marked for
    /// review: without one no change can be claimed (report check D104), and only the
    /// user knows the quarter before AI tools arrived. Each metric declares the interval
    /// its importer chose (`ImportedMetric.uncertainty`); a judged census metric is
    /// declared `uncertainty: none`, since an import counts every record.
    package static func yaml(for metrics: [ImportedMetric], source: ImportSource, firstPeriod: Period? = nil) -> String {
        var lines = [
            "# Metrics from `discern import \(source.rawValue)` (\(source.title)).",
            "# Paste these entries under `metrics:` in metrics.yaml; edit names and descriptions freely.",
        ]
        if metrics.isEmpty { lines.append("# (No values were imported, so no metrics are declared.)") }
        for metric in metrics {
            lines.append("  - id: \(metric.id)")
            lines.append("    name: \(quoted(metric.name))")
            lines.append("    category: \(metric.category.rawValue)")
            lines.append("    unit: \(quoted(metric.unit))")
            lines.append("    better: \(metric.better.rawValue)")
            lines.append("    aggregate: \(metric.aggregate.rawValue)")
            if metric.category != .usage, let firstPeriod {
                lines.append("    baseline: \(firstPeriod)   # the first quarter imported; use the quarter before AI tools arrived")
            }
            switch metric.uncertainty {
            case .wilson:
                lines.append("    uncertainty: wilson   # a share of the n people; the report makes Wilson's interval from n")
            case .poisson:
                lines.append("    uncertainty: poisson   # a count of events; the report makes Garwood's interval from it")
            case .given:
                lines.append("    uncertainty: given   # ci_low, ci_high: a 95% bootstrap over people (or rows), 2,000 resamples")
            case .census where metric.better != .neutral:
                // Imports count every record, so there is no sampling noise (report check D109).
                lines.append("    uncertainty: none   # every record is counted; add min_change: to call only changes that matter")
            case .census:
                break
            }
            if metric.format != .number { lines.append("    format: \(metric.format.rawValue)") }
            if let decimals = metric.decimals { lines.append("    decimals: \(decimals)") }
            lines.append("    description: \(quoted(metric.description))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar: backslash, quote and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
