/// Everything that decides how one metric's values read: its format, its unit and the
/// decimals it is shown with. `Metric.style` gives a metric's.
package struct ValueStyle: Hashable, Sendable {
    package var format: ValueFormat
    package var unit: String
    package var decimals: Int

    /// Without `decimals`, the format's default.
    package init(format: ValueFormat = .number, unit: String = "", decimals: Int? = nil) {
        self.format = format
        self.unit = unit
        self.decimals = decimals ?? format.defaultDecimals
    }
}
