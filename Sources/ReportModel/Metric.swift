import Formatting

/// Something the report measures, as declared in `metrics.yaml`.
public struct Metric: Hashable, Sendable, Identifiable {
    /// Report order: outcomes lead, usage comes last as context.
    public enum Category: String, CaseIterable, Comparable, Sendable {
        case outcome, quality, judgment, sentiment, skills, usage

        public static func < (lhs: Category, rhs: Category) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Which way is better. `neutral` is for context metrics (usage) whose rise or fall
    /// is reported without calling it good or bad.
    public enum Direction: String, CaseIterable, Sendable {
        case higher, lower, neutral
    }

    /// How team values combine into a group's value.
    public enum Aggregation: String, CaseIterable, Sendable {
        case sum, mean
        /// Mean weighted by headcount.
        case weightedMean = "weighted_mean"
        case median, min, max
    }

    /// How values are written in pages: a formatting concept, so it lives in `Formatting`.
    public typealias Format = ValueFormat

    public let id: MetricID
    public let name: String
    public let category: Category
    public let unit: String
    public let better: Direction
    public let aggregate: Aggregation
    public let target: Double?
    public let baseline: Period?
    public let description: String?
    public let format: Format
    /// Decimal places shown; nil means the format's default.
    let decimals: Int?
    /// The fewest people behind a value for it to be shown. The site's minimum group
    /// size applies too; the larger of the two wins.
    public let minN: Int?
    /// Which 95% interval its values carry; nil when `metrics.yaml` does not say.
    public let uncertainty: Uncertainty?
    /// The smallest change that matters, in the metric's unit: a change no larger is
    /// "no clear change" when no interval decides it.
    public let minChange: Double?

    /// The decimal places values are shown with: `decimals`, or the format's default.
    public var shownDecimals: Int { decimals ?? format.defaultDecimals }

    /// How the metric's values read: format, unit and shown decimals.
    public var style: ValueStyle { ValueStyle(format: format, unit: unit, decimals: shownDecimals) }

    /// Whether values are people's own estimates (a survey's "time saved") rather than
    /// measured by a system: such a metric is never shown as evidence on its own.
    public let selfReported: Bool
    /// The values the metric can take at all, as declared (`range: [1, 5]` for a survey
    /// mean), or nil for the format's: a reader knows them, so the privacy audit uses them.
    public let declaredRange: ClosedRange<Double>?
    public let location: SourceLocation

    /// What a reader knows of any value before reading one: the declared range, else
    /// 0–100 for a percentage, at least 0 for whole counts, and anything otherwise.
    public var feasibleRange: ClosedRange<Double> {
        if let declaredRange { return declaredRange }
        switch format {
        case .percent: return 0...100
        case .integer: return 0...Double.infinity
        default: return -Double.infinity...Double.infinity
        }
    }

    public init(id: MetricID, name: String, category: Category, unit: String = "",
                better: Direction = .higher, aggregate: Aggregation = .mean,
                target: Double? = nil, baseline: Period? = nil, description: String? = nil,
                format: Format = .number, decimals: Int? = nil, minN: Int? = nil, selfReported: Bool = false,
                uncertainty: Uncertainty? = nil, minChange: Double? = nil,
                declaredRange: ClosedRange<Double>? = nil, location: SourceLocation = SourceLocation(file: "metrics.yaml")) {
        self.id = id
        self.name = name
        self.category = category
        self.unit = unit
        self.better = better
        self.aggregate = aggregate
        self.target = target
        self.baseline = baseline
        self.description = description
        self.format = format
        self.decimals = decimals
        self.minN = minN
        self.uncertainty = uncertainty
        self.minChange = minChange
        self.selfReported = selfReported
        self.declaredRange = declaredRange
        self.location = location
    }
}
