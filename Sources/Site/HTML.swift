import Charts
import Formatting

/// A fragment of HTML. Text becomes HTML only through escaping (`HTML(text:)` and
/// interpolation of `String`s); markup is written by Discern's own components.
///
/// Like Plot's `.text` and `.raw`, the safe path is the short one: interpolating a
/// `String` escapes it, interpolating `HTML` does not.
public struct HTML: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup as UTF-8. Components build pages from thousands of small pieces, and
    /// appending bytes to an array costs a fraction of appending to a `String`, which
    /// checks its capacity, uniqueness and encoding on every append.
    private(set) var bytes: [UInt8]

    /// The markup as text, for templates and tests.
    public var markup: String { String(decoding: bytes, as: UTF8.self) }

    /// Markup written by Discern itself, never by a user.
    init(markup: String) {
        bytes = Array(markup.utf8)
    }

    /// Markup Discern itself wrote as UTF-8, such as a chart's SVG.
    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Escaped text.
    public init(text: String) {
        bytes = []
        MarkupText.escape(text, into: &bytes)
    }

    public init(stringLiteral value: String) {
        bytes = Array(value.utf8)
    }

    public init(stringInterpolation: Interpolation) {
        bytes = stringInterpolation.bytes
    }

    public static let empty = HTML(markup: "")

    public var description: String { markup }
    public var isEmpty: Bool { bytes.isEmpty }

    public static func + (lhs: HTML, rhs: HTML) -> HTML {
        var result = lhs
        result.bytes += rhs.bytes
        return result
    }
    public static func += (lhs: inout HTML, rhs: HTML) { lhs.bytes += rhs.bytes }

    /// Interpolated `String`s are escaped, `HTML` is kept, literals are markup.
    public struct Interpolation: StringInterpolationProtocol {
        var bytes: [UInt8] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { bytes.append(utf8: literal) }
        public mutating func appendInterpolation(_ text: String) { MarkupText.escape(text, into: &bytes) }
        public mutating func appendInterpolation(_ html: HTML) { bytes += html.bytes }
        public mutating func appendInterpolation(_ number: Int) { bytes.append(utf8: String(number)) }
    }

    /// Escapes the five characters that matter in text and in quoted attribute values,
    /// and replaces characters HTML forbids.
    public static func escape(_ text: String) -> String { MarkupText.escaped(text) }
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
