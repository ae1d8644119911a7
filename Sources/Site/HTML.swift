import Charts

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
