import Formatting
import ReportModel

/// A metric an import produces: its entry for `metrics.yaml`, and the rule that turns a
/// team's quarter of records into one value. Only the importers build one, so the
/// synthesized memberwise initializer (internal) serves.
public struct ImportedMetric: Hashable, Sendable {
    /// How a team-quarter's tallies become a value, and how many people stand behind it.
    public enum Rule: Hashable, Sendable {
        /// Sum of numerators over sum of denominators, times `scale` (100 for a percentage).
        /// `n` is the people who contributed, or the team-quarter's size for a feed
        /// that is already aggregated.
        case ratio(scale: Double)
        /// The percentage of the team-quarter's people who were marked.
        case share
        /// How many of the team-quarter's people were marked.
        case people
        /// The weighted median of samples; `n` is the people who gave one, or for samples
        /// without people (an export by team) the team-quarter's size.
        case weightedMedian
        /// The sum of numerators: a count when each is 1. `n` is the team-quarter's size.
        case sum
        /// That sum over the quarter's weeks (`CalendarDay.weeks(in:)`): a count per week.
        case sumPerWeek
    }

    var id: MetricID
    var name: String
    var category: Metric.Category = .usage
    var unit: String
    var better: Metric.Direction = .neutral
    var aggregate: Metric.Aggregation
    var format: Metric.Format = .number
    var decimals: Int?
    public var description: String
    var rule: Rule
    /// The interval its values carry, as the metrics fragment declares it. `given` has
    /// the roll-up bootstrap a `ratio` or `weightedMedian` value (`PercentileBootstrap`);
    /// `none`, the default, is census data, every record counted.
    var uncertainty: Metric.Uncertainty = .census
}
