/// Writes numbers for the imported CSV the same way on every machine: at most four
/// decimals, trailing zeros trimmed, never an exponent, never a locale's separators
/// (`String(format:)` and `NumberFormatter` give neither guarantee).
package enum CSVNumber {
    package static let places = 4

    package static func format(_ value: Double) -> String {
        let scale = 10_000.0
        // Past 1e14 the four decimals no longer fit an Int64; such values are whole anyway.
        // (The roll-up refuses anything past 1e15, so the last branch is only a backstop.)
        guard abs(value) < 1e14 else { return abs(value) < 9e18 ? String(Int64(value.rounded())) : "\(value)" }
        let scaled = Int64((abs(value) * scale).rounded())
        guard scaled != 0 else { return "0" }
        let whole = scaled / Int64(scale), fraction = scaled % Int64(scale)
        var text = (value < 0 ? "-" : "") + String(whole)
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: places - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }
}
