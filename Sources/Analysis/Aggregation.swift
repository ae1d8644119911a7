import ReportModel

extension Metric.Aggregation {
    /// Combines member values by this rule. `weights` are headcounts, used by
    /// `weighted_mean` only. Nil for no values.
    func combine(_ values: [Double], weights: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        switch self {
        case .sum:
            return values.reduce(0, +)
        case .mean:
            return values.reduce(0, +) / Double(values.count)
        case .weightedMean:
            let total = weights.reduce(0, +)
            guard total > 0 else { return values.reduce(0, +) / Double(values.count) }
            return zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
        case .median:
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
        case .min:
            return values.min()
        case .max:
            return values.max()
        }
    }
}
