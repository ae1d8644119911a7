/// Numbers written with a fixed number of decimals, the same on every machine:
/// `String(format:)` and `NumberFormatter` depend on the locale and are slow on hot paths.
public enum DecimalText {
    /// A non-negative value rounded half away from zero to `decimals` places, with
    /// thousands separated by commas when `grouping` and the number has five digits or more.
    public static func fixed(_ value: Double, decimals: Int, grouping: Bool = false) -> String {
        guard value.isFinite else { return "–" }
        let (scaled, scale, decimals) = self.scaled(value, decimals: decimals)
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled - Double(whole) * scale)
        var integer = String(whole)
        if grouping, integer.count > 4 {
            var grouped = ""
            for (index, digit) in integer.enumerated() {
                if index > 0, (integer.count - index) % 3 == 0 { grouped += "," }
                grouped.append(digit)
            }
            integer = grouped
        }
        guard decimals > 0 else { return integer }
        let digits = String(fraction)
        return integer + "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
    }

    /// The number `fixed` writes, as a number: `value` rounded half away from zero to
    /// `decimals` places. A chart draws this, not the value, so that its marks say no more
    /// than its labels.
    public static func rounded(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite else { return value }
        let (scaled, scale, _) = self.scaled(abs(value), decimals: decimals)
        // Never −0: a value that rounds to nothing is drawn, like it is written, as 0.
        return scaled == 0 ? 0 : (value < 0 ? -scaled : scaled) / scale
    }

    /// A non-negative value times 10^decimals, rounded half away from zero; that power of
    /// ten; and the decimals it stands for.
    private static func scaled(_ value: Double, decimals: Int) -> (scaled: Double, scale: Double, decimals: Int) {
        // Int64 traps beyond 9.2e18; loaded values stay within 1e15, roll-ups of many may
        // not. Such numbers are shown whole: their decimals mean nothing at that size.
        let decimals = value < 1e15 ? decimals : 0
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (min((value * scale).rounded(.toNearestOrAwayFromZero), 9e18), scale, decimals)
    }
}
