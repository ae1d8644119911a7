import Formatting
import ReportModel

/// Strict reading of numbers written in content files.
///
/// Accepts an optional sign, digits, a decimal point and an exponent. Refuses NaN,
/// infinities, thousands separators and hex, which `Double(_:)` would partly accept.
package enum NumberText {
    /// The largest magnitude accepted: far beyond any report's numbers, and small
    /// enough that sums, differences and formatting stay exact and finite.
    package static let largest = 1e15

    package enum Problem: Error {
        case notANumber
        case notFinite
        case outOfRange

        package func message(for text: String) -> String {
            switch self {
            case .notANumber: "must be a number, found '\(Excerpt.of(text))'"
            case .notFinite: "must be a finite number, found '\(Excerpt.of(text))'"
            case .outOfRange: "must be between -1e15 and 1e15, found '\(Excerpt.of(text))'"
            }
        }
    }

    package static func parse(_ raw: String) -> Result<Double, Problem> {
        let text = raw.trimmingSpaces
        let lowered = text.lowercased()
        if ["nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", ".nan", ".inf", "-.inf"]
            .contains(lowered) {
            return .failure(.notFinite)
        }
        guard isDecimal(text), let value = Double(text) else { return .failure(.notANumber) }
        guard value.isFinite else { return .failure(.notFinite) }
        guard abs(value) <= largest else { return .failure(.outOfRange) }
        return .success(value)
    }

    private static func isDecimal(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var digits = 0
        var seenPoint = false
        while let byte = bytes.first {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                digits += 1
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard digits > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard !bytes.isEmpty, bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return false }
            return true
        }
        return bytes.isEmpty
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    package var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}
