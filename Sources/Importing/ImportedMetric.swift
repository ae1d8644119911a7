import Formatting
import ReportModel

/// A metric an import produces: its entry for `metrics.yaml`, and the rule that turns a
/// team's quarter of records into one value.
package struct ImportedMetric: Hashable, Sendable {
    /// How a team-quarter's tallies become a value, and how many people stand behind it.
    package enum Rule: Hashable, Sendable {
        /// Sum of numerators over sum of denominators, times `scale` (100 for a percentage).
        /// `n` is the people who contributed, or the team-quarter's size for a feed
        /// that is already aggregated.
        case ratio(scale: Double)
        /// The percentage of the team-quarter's people who were marked.
        case share
        /// How many of the team-quarter's people were marked.
        case people
        /// The weighted median of samples; `n` is the people who gave one.
        case weightedMedian
    }

    package var id: MetricID
    package var name: String
    package var category: Metric.Category
    package var unit: String
    package var better: Metric.Direction
    package var aggregate: Metric.Aggregation
    package var format: Metric.Format
    package var decimals: Int?
    package var description: String
    package var rule: Rule

    package init(id: MetricID, name: String, category: Metric.Category = .usage, unit: String,
                better: Metric.Direction = .neutral, aggregate: Metric.Aggregation,
                format: Metric.Format = .number, decimals: Int? = nil, description: String, rule: Rule) {
        self.id = id
        self.name = name
        self.category = category
        self.unit = unit
        self.better = better
        self.aggregate = aggregate
        self.format = format
        self.decimals = decimals
        self.description = description
        self.rule = rule
    }
}
