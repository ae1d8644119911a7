import Formatting

/// How a chart writes values: full values (with unit) in labels and sentences, and
/// compact numbers on axis ticks.
public struct ValueLabels: Sendable {
    var value: @Sendable (Double) -> String
    var tick: TickUnit

    public init(value: @escaping @Sendable (Double) -> String, tick: TickUnit = TickUnit()) {
        self.value = value
        self.tick = tick
    }

    /// Plain numbers, for tests and for charts without a metric.
    public static let plain = ValueLabels(value: { DecimalText.signed($0, decimals: 1) })
}

/// Whether a value is good news, bad news, or neither: drawn in colour (the mark's
/// class), and said in words in its title.
public enum Tone: String, Sendable {
    case good, bad, neutral

    /// The judgment in words, for a mark's title: ` (better)`, ` (worse)`, or nothing.
    var words: String {
        switch self {
        case .good: " (better)"
        case .bad: " (worse)"
        case .neutral: ""
        }
    }

    /// How a mark is judged against what it is compared with.
    public init(better: Bool?) {
        self = better.map { $0 ? .good : .bad } ?? .neutral
    }
}

/// Which way a value moved, or where it stands against what it is compared with, as the
/// cards draw it: ▲ up, ▼ down, whatever that means for the metric. Whether it is good
/// is the `Tone`'s to say, in colour and in words.
public enum Direction: String, Sendable {
    case up, down, level

    /// From a value and what it is compared with; level when either is missing or equal.
    public init(_ value: Double, from reference: Double?) {
        guard let reference, value != reference else { self = .level; return }
        self = value > reference ? .up : .down
    }

    /// `▲ `, `▼ ` or nothing, to put before a value.
    var symbol: String {
        switch self {
        case .up: "▲ "
        case .down: "▼ "
        case .level: ""
        }
    }
}

/// A 95% interval as a chart draws it: both ends at their display rounding.
public struct IntervalEnds: Sendable, Equatable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = min(low, high)
        self.high = max(low, high)
    }

    /// `32% (95% interval 25% to 40%)`: a value with its interval, for titles and summaries.
    static func text(_ value: String, _ ends: IntervalEnds?, _ labels: ValueLabels) -> String {
        guard let ends else { return value }
        return "\(value) (95% interval \(labels.value(ends.low)) to \(labels.value(ends.high)))"
    }
}
