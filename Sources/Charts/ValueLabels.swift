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

/// Whether a value is good news, bad news, or neither: drawn with colour *and* a mark.
public enum Tone: String, Sendable {
    case good, bad, neutral

    /// The word or symbol that carries the meaning without colour.
    var symbol: String {
        switch self {
        case .good: "▲"
        case .bad: "▼"
        case .neutral: ""
        }
    }
}
