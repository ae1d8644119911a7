/// A fragment of HTML. Text becomes HTML only through escaping (`HTML(text:)` and
/// interpolation of `String`s); markup is written by Discern's own components.
///
/// Like Plot's `.text` and `.raw`, the safe path is the short one: interpolating a
/// `String` escapes it, interpolating `HTML` does not.
public struct HTML: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public private(set) var markup: String

    /// Markup written by Discern itself, never by a user.
    init(markup: String) {
        self.markup = markup
    }

    /// Escaped text.
    public init(text: String) {
        markup = HTML.escape(text)
    }

    public init(stringLiteral value: String) {
        markup = value
    }

    public init(stringInterpolation: Interpolation) {
        markup = stringInterpolation.markup
    }

    public static let empty = HTML(markup: "")

    public var description: String { markup }
    public var isEmpty: Bool { markup.isEmpty }

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(markup: lhs.markup + rhs.markup) }
    public static func += (lhs: inout HTML, rhs: HTML) { lhs.markup += rhs.markup }

    /// Interpolated `String`s are escaped, `HTML` is kept, literals are markup.
    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { markup += literal }
        public mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }
        public mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
        public mutating func appendInterpolation(_ number: Int) { markup += String(number) }
    }

    /// Escapes the five characters that matter in text and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        // Fast path: no markup characters, no controls, and nothing outside ASCII that
        // could be a C1 control or a noncharacter.
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 || ($0 < 32 && $0 != 9 && $0 != 10 && $0 != 13) || $0 >= 127 })
        else { return text }
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 || ($0 < 32 && $0 != 9 && $0 != 10 && $0 != 13) || $0 == 127 })
                || text.unicodeScalars.contains(where: isForbidden)
        else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            // Control characters and noncharacters are not allowed in HTML; they show as a
            // replacement mark.
            case _ where isForbidden(character): result += "\u{FFFD}"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

/// C0 and C1 controls other than tab and line breaks, and Unicode noncharacters.
func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 32 { return value != 9 && value != 10 && value != 13 }
    if (0x7F...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value) { return true }
    return value & 0xFFFE == 0xFFFE
}

extension Sequence where Element == HTML {
    public func joined(separator: HTML = .empty) -> HTML {
        var result = HTML.empty
        var first = true
        for item in self {
            if !first { result += separator }
            result += item
            first = false
        }
        return result
    }
}
