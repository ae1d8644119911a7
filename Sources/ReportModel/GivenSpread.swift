/// The uncertainty a data file gives with a value, for a metric declared
/// `uncertainty: given`: its 95% interval (`ci_low`, `ci_high`), or the standard
/// deviation of the values behind it (`sd`, read with the row's `n`).
public enum GivenSpread: Hashable, Sendable {
    case interval(low: Double, high: Double)
    case standardDeviation(Double)
}
