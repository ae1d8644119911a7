import Formatting

/// A linear scale with "nice" ticks (1, 2 or 5 × 10ⁿ) covering the data.
struct NiceScale {
    let lower: Double
    let upper: Double
    let step: Double

    /// - Parameters:
    ///   - includeZero: bars start at zero, so their length means something.
    init(values: [Double], includeZero: Bool = false, targetTicks: Int = 5) {
        var low = values.filter(\.isFinite).min() ?? 0
        var high = values.filter(\.isFinite).max() ?? 1
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            // One value, or all equal: give it room on both sides (or above zero).
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= includeZero && low >= 0 ? 0 : pad
            high += pad
        }
        let step = NiceScale.niceStep((high - low) / Double(max(1, targetTicks)))
        self.step = step
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
    }

    static func niceStep(_ rough: Double) -> Double {
        guard rough.isFinite, rough > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough { magnitude /= 10 }
        let residual = rough / magnitude
        let nice: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
        return nice * magnitude
    }

    var ticks: [Double] {
        var result: [Double] = []
        var index = 0
        while true {
            let value = lower + Double(index) * step
            if value > upper + step / 1000 || index > 50 { break }
            // Snap away floating-point dust such as 0.30000000000000004.
            result.append((value / step).rounded() * step)
            index += 1
        }
        return result
    }

    /// Where a value falls between `start` (at `lower`) and `end` (at `upper`).
    func position(_ value: Double, from start: Double, to end: Double) -> Double {
        let span = upper - lower
        guard span > 0, value.isFinite else { return start }
        return start + (value - lower) / span * (end - start)
    }

    /// The tick's label: as many decimals as the step needs, compact above 10,000.
    func label(_ value: Double, unit: TickUnit) -> String {
        var decimals = 0
        var probe = step
        while probe < 1, decimals < 4 {
            probe *= 10
            decimals += 1
        }
        if probe.rounded() != probe, decimals < 4 { decimals += 1 }
        return unit.format(value, decimals: decimals)
    }
}

/// How axis ticks are written: the number, and `%` for percentages.
public struct TickUnit: Sendable {
    var isPercent: Bool

    public init(isPercent: Bool = false) {
        self.isPercent = isPercent
    }

    func format(_ value: Double, decimals: Int) -> String {
        let magnitude = abs(value)
        let text: String
        if magnitude >= 10_000 {
            let (scaled, suffix) = magnitude >= 1e9 ? (magnitude / 1e9, "B") : magnitude >= 1e6 ? (magnitude / 1e6, "M") : (magnitude / 1e3, "k")
            text = DecimalText.signed(value < 0 ? -scaled : scaled, decimals: scaled < 10 ? 1 : 0) + suffix
        } else {
            text = DecimalText.signed(value, decimals: decimals)
        }
        return text + (isPercent ? "%" : "")
    }
}
