/// Numbers written with a fixed number of decimals, the same on every machine and exact at
/// every size a report can hold. `String(format:)` and `NumberFormatter` depend on the
/// locale and are slow on hot paths. Every number Discern writes goes through here, and so
/// does the one rule for its sign (`signed`).
public enum DecimalText {
    /// The minus sign of numbers written for people: U+2212, as wide as `+`, and read as
    /// "minus" by screen readers. Files that programs read back (`discern import`'s CSV)
    /// pass `"-"` to `signed` instead.
    public static let minus = "\u{2212}"

    /// The magnitude of `value`, rounded half away from zero to `decimals` places (0 to
    /// 15), with thousands separated by commas when `grouping` and the number has five
    /// digits or more; `–` for NaN and infinities.
    static func fixed(_ value: Double, decimals: Int, grouping: Bool = false) -> String {
        guard value.isFinite else { return "–" }
        let decimals = min(max(decimals, 0), 15)
        let (whole, fraction) = scaled(abs(value), decimals: decimals)
        if whole < 1e15 { return digits(Int64(whole), fraction: fraction, decimals: decimals, grouping: grouping) }
        var integer = wholeDigits(whole)
        if grouping, integer.utf8.count > 4 {
            var grouped = ""
            grouped.reserveCapacity(integer.utf8.count * 4 / 3)
            for (index, digit) in integer.enumerated() {
                if index > 0, (integer.utf8.count - index) % 3 == 0 { grouped += "," }
                grouped.append(digit)
            }
            integer = grouped
        }
        guard decimals > 0 else { return integer }
        let digits = String(fraction)
        return integer + "." + String(repeating: "0", count: max(0, decimals - digits.utf8.count)) + digits
    }

    /// `fixed`'s text for a whole part below 10^15, the size of every value a page shows:
    /// written right to left into a buffer on the stack, which becomes a small string with
    /// no allocation. Joining `String(whole)`, the point and the padded fraction cost five
    /// times as much, and pages write this for every number they show.
    private static func digits(_ whole: Int64, fraction: Int64, decimals: Int, grouping: Bool) -> String {
        let capacity = 48  // 15 digits, 4 commas, a point and 15 decimals
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var start = capacity
            func put(_ byte: UInt8) {
                start -= 1
                buffer[start] = byte
            }
            var fraction = fraction
            for _ in 0..<decimals {
                put(UInt8(ascii: "0") + UInt8(fraction % 10))
                fraction /= 10
            }
            if decimals > 0 { put(UInt8(ascii: ".")) }
            // Thousands are separated from five digits on, as `fixed` has always done.
            let separated = grouping && whole >= 10_000
            var whole = whole, written = 0
            repeat {
                if separated, written > 0, written % 3 == 0 { put(UInt8(ascii: ",")) }
                put(UInt8(ascii: "0") + UInt8(whole % 10))
                whole /= 10
                written += 1
            } while whole > 0
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<capacity]), as: UTF8.self)
        }
    }

    /// `fixed`, with the one sign rule: `minus` before a negative value and, when `plus`,
    /// `+` before a positive one, unless the value is written as zero. So no page, chart,
    /// message or file ever shows `−0` or `+0.0`.
    public static func signed(_ value: Double, decimals: Int, grouping: Bool = false, plus: Bool = false,
                              minus: String = DecimalText.minus) -> String {
        let text = fixed(value, decimals: decimals, grouping: grouping)
        guard value.isFinite, text.utf8.contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) else {
            return text
        }
        if value < 0 { return minus + text }
        return plus ? "+" + text : text
    }

    /// One unit of the last place at `decimals` places: 0.01 at two.
    static func unit(decimals: Int) -> Double {
        1 / Double(powerOfTen(min(max(decimals, 0), 15)))
    }

    /// The number `fixed` writes, as a number (with its sign): `value` rounded half away
    /// from zero to `decimals` places. A chart draws this, not the value, so that its marks
    /// say no more than its labels.
    static func rounded(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite else { return value }
        let decimals = min(max(decimals, 0), 15)
        let magnitude = abs(value)
        let (whole, fraction) = scaled(magnitude, decimals: decimals)
        let scale = Double(powerOfTen(decimals))
        let shown: Double
        if magnitude * scale < exactLimit {
            // The product's rounded units over the scale, one correctly rounded division.
            shown = (whole * scale + Double(fraction)) / scale
        } else {
            // The text holds every binary digit of such a value unless its fraction was
            // rounded; then the written number is rebuilt from its parts.
            let fractionPart = magnitude - magnitude.rounded(.towardZero)
            shown = Double(fraction) == fractionPart * scale ? magnitude : whole + Double(fraction) / scale
        }
        // Never −0: a value that rounds to nothing is drawn, like it is written, as 0.
        return shown == 0 ? 0 : (value < 0 ? -shown : shown)
    }

    /// 2^53: below it every whole number is a Double, and a product rounded to a whole
    /// number is exact.
    private static let exactLimit = 9_007_199_254_740_992.0

    /// A finite, non-negative value times 10^decimals, rounded half away from zero, split
    /// into its whole part (a whole Double) and its `decimals` fraction digits.
    ///
    /// While that product stays below 2^53 it is taken in Double, as it always has been:
    /// its rounding error is far below the half unit that decides the digits, and it makes
    /// a decimal written in the content (1.115) round the way it reads. Past 2^53 a Double
    /// product loses units (9,876,543,210,123.5 × 10^6 comes out 480 too small), so the
    /// whole and fractional parts are taken apart, which is exact, and only the fraction is
    /// scaled: at that size it has so few binary digits that the product is exact too, up
    /// to 7 decimals.
    private static func scaled(_ magnitude: Double, decimals: Int) -> (whole: Double, fraction: Int64) {
        let power = powerOfTen(decimals)
        let product = magnitude * Double(power)
        if product < exactLimit {
            let units = Int64(product.rounded(.toNearestOrAwayFromZero))
            return (Double(units / power), units % power)
        }
        var whole = magnitude.rounded(.towardZero)
        var fraction = Int64(((magnitude - whole) * Double(power)).rounded(.toNearestOrAwayFromZero))
        if fraction == power {
            whole += 1
            fraction = 0
        }
        return (whole, fraction)
    }

    private static func powerOfTen(_ exponent: Int) -> Int64 {
        var power: Int64 = 1
        for _ in 0..<exponent { power *= 10 }
        return power
    }

    /// The decimal digits of a whole, non-negative Double of any size. Up to 2^63 that is
    /// an Int64's; past it (only sums over very many teams get there) the significand is
    /// doubled the right number of times in base-10^9 limbs.
    static func wholeDigits(_ whole: Double) -> String {
        if whole < 9_223_372_036_854_775_808.0 { return String(Int64(whole)) }
        let billion: UInt64 = 1_000_000_000
        let significand = (UInt64(1) << 52) | whole.significandBitPattern
        var limbs = [significand % billion, significand / billion % billion, significand / billion / billion]
        var shift = Int(whole.exponent) - 52
        while shift > 0 {
            let step = min(shift, 30)
            var carry: UInt64 = 0
            for index in limbs.indices {
                let product = limbs[index] << UInt64(step) + carry
                limbs[index] = product % billion
                carry = product / billion
            }
            while carry > 0 {
                limbs.append(carry % billion)
                carry /= billion
            }
            shift -= step
        }
        while limbs.count > 1, limbs.last == 0 { limbs.removeLast() }
        var text = String(limbs.last!)
        for limb in limbs.dropLast().reversed() {
            let digits = String(limb)
            text += String(repeating: "0", count: 9 - digits.utf8.count) + digits
        }
        return text
    }
}
