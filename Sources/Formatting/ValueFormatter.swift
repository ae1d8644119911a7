/// Writes values the way a metric declares them: `3.2 days`, `42%`, `38 USD/month`,
/// `1.2k`. Written by hand because `NumberFormatter` and `String(format:)` are slow on
/// hot paths and locale-dependent, and output must be identical everywhere. Pages, charts,
/// the deck, lint messages and CI summaries all write values through here.
///
/// `ReportModel` adds the same functions taking a `Metric`, and `Analysis` a judged change.
public enum ValueFormatter {
    /// The value with its unit.
    public static func value(_ value: Double, for style: ValueStyle) -> String {
        withUnit(number(value, for: style), style)
    }

    /// A signed change: `+0.4 days`, `−3 pts` (percentage points for percent metrics).
    /// Without `unit`, only percentage points keep their suffix.
    public static func delta(_ delta: Double, for style: ValueStyle, unit: Bool = true) -> String {
        let signed = DecimalText.signed(delta, decimals: style.decimals, plus: true)
        if style.format == .percent {
            return "\(signed) \(DecimalText.fixed(delta, decimals: style.decimals) == "1" ? "pt" : "pts")"
        }
        // "+0.2 of 5" reads oddly: a scale is named by the value, not by its change.
        let scale = style.unit.hasPrefix("of ") || style.unit.hasPrefix("/")
        return unit && !scale ? withUnit(signed, style) : signed
    }

    /// Whether a change is written as nothing at all (`0.0`), so it reads "no change".
    public static func roundsAway(_ delta: Double, for style: ValueStyle) -> Bool {
        DecimalText.fixed(delta, decimals: style.decimals).allSatisfy { $0 == "0" || $0 == "." }
    }

    /// The unit written after a number (`days`, `%`), or nothing.
    public static func unit(for style: ValueStyle) -> String {
        if style.format == .percent || style.unit == "%" || style.unit.hasPrefix("% ") { return "%" }
        return style.unit
    }

    /// The number alone, without its unit. It writes `displayed(value, for: style)`, so
    /// the text and a chart drawn from that number cannot disagree.
    public static func number(_ value: Double, for style: ValueStyle) -> String {
        let value = displayed(value, for: style)
        if style.format == .compact { return compact(value, decimals: style.decimals) }
        return DecimalText.signed(value, decimals: style.decimals, grouping: true)
    }

    /// The number a page shows for `value`, as a number: 3.2 for 3.2349 days, 42 for
    /// 41.6% with no decimals, 1,200 for 1,234 written `1.2k`. Charts are drawn from this,
    /// never from the value itself: a mark placed more precisely than its label would let
    /// a reader measure digits the text hides, and with headcount weights those digits
    /// solve for a team too small to show.
    public static func displayed(_ value: Double, for style: ValueStyle) -> Double {
        let decimals = style.decimals
        guard style.format == .compact, value.isFinite else { return DecimalText.rounded(value, decimals: decimals) }
        let magnitude = abs(value)
        let sign = value < 0 ? -1.0 : 1.0
        for threshold in [1e9, 1e6, 1e3] where magnitude >= threshold * compactThreshold(decimals) {
            return sign * DecimalText.rounded(magnitude / threshold, decimals: decimals) * threshold
        }
        return DecimalText.rounded(value, decimals: decimals)
    }

    /// The values a reader knows a shown number may stand for: every value that
    /// `displayed` rounds to it, ends included (a reader cannot tell a tie's direction).
    public static func roundingInterval(around shown: Double, for style: ValueStyle) -> ClosedRange<Double> {
        var step = DecimalText.unit(decimals: style.decimals)
        if style.format == .compact {
            for threshold in [1e9, 1e6, 1e3] where abs(shown) >= threshold * compactThreshold(style.decimals) {
                step *= threshold
                break
            }
        }
        return (shown - step / 2)...(shown + step / 2)
    }

    /// One step of the last digit shown: 0.1 at one decimal, 1 at none.
    public static func displayUnit(for style: ValueStyle) -> Double {
        DecimalText.unit(decimals: style.decimals)
    }

    /// `1 incident`, not `1 incidents`: a plain plural word after exactly one loses its s.
    public static func singular(_ unit: String, after number: String) -> String {
        // By scalars rather than characters: this runs for every value with a unit.
        let bare = number.unicodeScalars.drop { $0 == "+" || $0 == "\u{2212}" }
        guard bare.elementsEqual("1".unicodeScalars), unit.count > 2, unit.hasSuffix("s"), !unit.hasSuffix("ss"),
              unit.allSatisfy({ $0.isLetter }) else { return unit }
        return String(unit.dropLast())
    }

    private static func withUnit(_ number: String, _ style: ValueStyle) -> String {
        let unit = unit(for: style)
        if unit == "%" { return number + "%" }
        return unit.isEmpty ? number : number + " " + singular(unit, after: number)
    }

    private static func compact(_ value: Double, decimals: Int) -> String {
        let magnitude = abs(value)
        let sign = value < 0 ? DecimalText.minus : ""
        for (threshold, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "k")] where magnitude >= threshold * compactThreshold(decimals) {
            return sign + DecimalText.fixed(magnitude / threshold, decimals: decimals) + suffix
        }
        return DecimalText.signed(value, decimals: decimals)
    }

    /// 999,950 rounds to 1,000.0k: a compact number takes the larger unit from just below
    /// it, this fraction of it, so that it reads 1.0M.
    private static func compactThreshold(_ decimals: Int) -> Double {
        var power = 1.0
        for _ in 0..<decimals { power *= 10 }
        return 1 - 0.5 / (1e3 * power)
    }
}
