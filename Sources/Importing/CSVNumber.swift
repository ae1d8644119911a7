import Formatting

/// Writes numbers for the imported CSV the same way on every machine: at most four
/// decimals, trailing zeros trimmed, never an exponent, never a locale's separators
/// (`String(format:)` and `NumberFormatter` give neither guarantee).
package enum CSVNumber {
    package static let places = 4

    package static func format(_ value: Double) -> String {
        // The ASCII minus: this file is read back by programs, Discern's loader among them.
        var text = DecimalText.signed(value, decimals: places, minus: "-")
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
