import Foundation
import Analysis
import Charts
import ReportModel

/// Writes values the way a metric declares them: `3.2 days`, `42%`, `38 USD/month`,
/// `1.2k`. Written by hand because `NumberFormatter` and `String(format:)` are slow on
/// hot paths and locale-dependent, and output must be identical everywhere.
public enum ValueFormatter {
    /// The value with its unit.
    public static func value(_ value: Double, for metric: Metric) -> String {
        withUnit(number(value, for: metric), metric)
    }

    /// A signed change: `+0.4 days`, `−3 pts` (percentage points for percent metrics).
    /// Without `unit`, only percentage points keep their suffix.
    public static func delta(_ delta: Double, for metric: Metric, unit: Bool = true) -> String {
        let magnitude = fixed(abs(delta), decimals: decimals(for: metric))
        let sign = delta > 0 ? "+" : "−"
        if metric.format == .percent { return "\(sign)\(magnitude) \(magnitude == "1" ? "pt" : "pts")" }
        // "+0.2 of 5" reads oddly: a scale is named by the value, not by its change.
        let scale = metric.unit.hasPrefix("of ") || metric.unit.hasPrefix("/")
        return unit && !scale ? withUnit(sign + magnitude, metric) : sign + magnitude
    }

    /// A change in words, judged: `+0.4 days (better)`, `−2 pts (worse)`, `+5% (context)`
    /// for neutral metrics left unjudged, or `no change` when it rounds to nothing as shown.
    public static func change(_ change: Change, for metric: Metric, unit: Bool = true)
        -> (text: String, assessment: Change.Assessment) {
        let magnitude = fixed(abs(change.delta), decimals: decimals(for: metric))
        if magnitude.allSatisfy({ $0 == "0" || $0 == "." }) { return ("no change", .unchanged) }
        let words = change.assessment == .neutral ? "" : " (\(self.words(for: change.assessment)))"
        return (delta(change.delta, for: metric, unit: unit) + words, change.assessment)
    }

    /// The unit written after a number (`days`, `%`), or nothing.
    public static func unit(for metric: Metric) -> String {
        if metric.format == .percent || metric.unit == "%" || metric.unit.hasPrefix("% ") { return "%" }
        return metric.unit
    }

    /// A relative change: `+12%`.
    public static func relative(_ fraction: Double) -> String {
        let percent = fixed(abs(fraction * 100), decimals: abs(fraction) < 0.1 ? 1 : 0)
        return (fraction >= 0 ? "+" : "−") + percent + "%"
    }

    /// The words for a change's direction, so meaning never rests on colour alone.
    public static func words(for assessment: Change.Assessment) -> String {
        switch assessment {
        case .better: "better"
        case .worse: "worse"
        case .unchanged: "no change"
        case .neutral: "context"
        }
    }

    /// The number alone, without its unit. It writes `displayed(value, for: metric)`, so
    /// the text and a chart drawn from that number cannot disagree.
    public static func number(_ value: Double, for metric: Metric) -> String {
        let value = displayed(value, for: metric)
        let decimals = self.decimals(for: metric)
        if metric.format == .compact { return compact(value, decimals: decimals) }
        let text = fixed(abs(value), decimals: decimals, grouping: true)
        let isZero = text.allSatisfy { $0 == "0" || $0 == "." || $0 == "," }
        return (value < 0 && !isZero ? "−" : "") + text
    }

    /// The number a page shows for `value`, as a number: 3.2 for 3.2349 days, 42 for
    /// 41.6% with no decimals, 1,200 for 1,234 written `1.2k`. Charts are drawn from this,
    /// never from the value itself: a mark placed more precisely than its label would let
    /// a reader measure digits the text hides, and with headcount weights those digits
    /// solve for a team too small to show.
    public static func displayed(_ value: Double, for metric: Metric) -> Double {
        let decimals = self.decimals(for: metric)
        guard metric.format == .compact, value.isFinite else { return DecimalText.rounded(value, decimals: decimals) }
        let magnitude = abs(value)
        let sign = value < 0 ? -1.0 : 1.0
        for threshold in [1e9, 1e6, 1e3] where magnitude >= threshold * compactThreshold(decimals) {
            return sign * DecimalText.rounded(magnitude / threshold, decimals: decimals) * threshold
        }
        return DecimalText.rounded(value, decimals: decimals)
    }

    static func decimals(for metric: Metric) -> Int { metric.shownDecimals }

    private static func withUnit(_ number: String, _ metric: Metric) -> String {
        let unit = unit(for: metric)
        if unit == "%" { return number + "%" }
        return unit.isEmpty ? number : number + " " + singular(unit, after: number)
    }

    /// `1 incident`, not `1 incidents`: a plain plural word after exactly one loses its s.
    static func singular(_ unit: String, after number: String) -> String {
        let bare = number.drop { $0 == "+" || $0 == "−" }
        guard bare == "1", unit.count > 2, unit.hasSuffix("s"), !unit.hasSuffix("ss"),
              unit.allSatisfy({ $0.isLetter }) else { return unit }
        return String(unit.dropLast())
    }

    private static func compact(_ value: Double, decimals: Int) -> String {
        let magnitude = abs(value)
        let sign = value < 0 ? "−" : ""
        for (threshold, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "k")] where magnitude >= threshold * compactThreshold(decimals) {
            return sign + fixed(magnitude / threshold, decimals: decimals) + suffix
        }
        return sign + fixed(magnitude, decimals: decimals)
    }

    /// 999,950 rounds to 1,000.0k: a compact number takes the larger unit from just below
    /// it, this fraction of it, so that it reads 1.0M.
    private static func compactThreshold(_ decimals: Int) -> Double {
        1 - 0.5 / (1e3 * pow(10, Double(decimals)))
    }

    /// A non-negative number rounded half away from zero to `decimals` places.
    static func fixed(_ value: Double, decimals: Int, grouping: Bool = false) -> String {
        DecimalText.fixed(value, decimals: decimals, grouping: grouping)
    }
}
