import ReportModel

/// How far a value is from the metric's target.
public struct TargetGap: Hashable, Sendable {
    public let target: Double
    let value: Double
    /// Whether the target is met; nil for context metrics, which have no good side.
    public let isMet: Bool?

    public init(target: Double, value: Double, better: Metric.Direction) {
        self.target = target
        self.value = value
        switch better {
        case .higher: isMet = value >= target
        case .lower: isMet = value <= target
        case .neutral: isMet = nil
        }
    }

    /// `value - target`: positive when above the target.
    var distance: Double { value - target }
}
