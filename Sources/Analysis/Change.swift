import ReportModel

/// How a value moved between two quarters, and whether that is good news.
public struct Change: Hashable, Sendable {
    /// Whether a move is good, given the metric's direction.
    public enum Assessment: String, Hashable, Sendable {
        case better, worse, unchanged
        /// The metric is context (`better: neutral`): moves are reported, not judged.
        case neutral
    }

    public let from: Double
    public let to: Double
    public let assessment: Assessment

    public init(from: Double, to: Double, better: Metric.Direction) {
        self.from = from
        self.to = to
        // Differences below this are rounding noise from CSV decimals, not change.
        let tolerance = 1e-9 * max(1, abs(from), abs(to))
        let delta = to - from
        if better == .neutral {
            assessment = .neutral
        } else if abs(delta) <= tolerance {
            assessment = .unchanged
        } else {
            assessment = (delta > 0) == (better == .higher) ? .better : .worse
        }
    }

    /// `to - from`, in the metric's unit.
    public var delta: Double { to - from }

    /// The change as a fraction of the starting value; nil when it started at zero.
    public var relative: Double? { from == 0 ? nil : (to - from) / abs(from) }
}
