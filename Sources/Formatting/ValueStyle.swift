/// Everything that decides how one metric's values read: its format, its unit and the
/// decimals it is shown with. `Metric.style` gives a metric's.
public struct ValueStyle: Hashable, Sendable {
    var format: ValueFormat
    var unit: String
    var decimals: Int

    /// Without `decimals`, the format's default.
    public init(format: ValueFormat = .number, unit: String = "", decimals: Int? = nil) {
        self.format = format
        self.unit = unit
        self.decimals = decimals ?? format.defaultDecimals
    }
}
