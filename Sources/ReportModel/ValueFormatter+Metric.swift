import Formatting

/// `ValueFormatter` for a metric: its `style`, so that pages, the deck, lint and CI
/// summaries write a metric's values by naming the metric.
extension ValueFormatter {
    /// The value with its unit: `3.2 days`, `42%`.
    public static func value(_ value: Double, for metric: Metric) -> String {
        self.value(value, for: metric.style)
    }

    /// The number alone, as `value` writes it.
    public static func number(_ value: Double, for metric: Metric) -> String {
        number(value, for: metric.style)
    }

    /// A signed change: `+0.4 days`, `−3 pts`.
    public static func delta(_ delta: Double, for metric: Metric, unit: Bool = true) -> String {
        self.delta(delta, for: metric.style, unit: unit)
    }

    /// The unit written after a number (`days`, `%`), or nothing.
    public static func unit(for metric: Metric) -> String {
        unit(for: metric.style)
    }

    /// The number a page shows, as a number; charts are drawn from it.
    public static func displayed(_ value: Double, for metric: Metric) -> Double {
        displayed(value, for: metric.style)
    }
}
