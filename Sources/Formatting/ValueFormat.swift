/// How a metric's values are written in pages (`format:` in `metrics.yaml`).
public enum ValueFormat: String, CaseIterable, Sendable {
    /// A plain number with `decimals` places (default 1).
    case number
    /// A whole number.
    case integer
    /// A percentage: the value 42.5 is written 42.5%.
    case percent
    /// Money; the unit names the currency, e.g. `USD/month`.
    case currency
    /// Large numbers shortened: 1.2k, 3.4M.
    case compact

    /// The decimal places shown when a metric does not say.
    public var defaultDecimals: Int {
        switch self {
        case .integer, .currency: 0
        case .number, .percent, .compact: 1
        }
    }
}
