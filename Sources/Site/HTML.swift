import Charts

/// A fragment of HTML. Text becomes HTML only through escaping (`HTML(text:)` and
/// interpolation of `String`s); markup is written by Discern's own components.
///
/// Like Plot's `.text` and `.raw`, the safe path is the short one: interpolating a
/// `String` escapes it, interpolating `HTML` does not.
package struct HTML: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringInterpolation {
    package private(set) var markup: String

    /// Markup written by Discern itself, never by a user.
    init(markup: String) {
        self.markup = markup
    }

    /// Escaped text.
    package init(text: String) {
        markup = HTML.escape(text)
    }

    package init(stringLiteral value: String) {
        markup = value
    }

    package init(stringInterpolation: Interpolation) {
        markup = stringInterpolation.markup
    }

    package static let empty = HTML(markup: "")

    package var description: String { markup }
    package var isEmpty: Bool { markup.isEmpty }

    package static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(markup: lhs.markup + rhs.markup) }
    package static func += (lhs: inout HTML, rhs: HTML) { lhs.markup += rhs.markup }

    /// Interpolated `String`s are escaped, `HTML` is kept, literals are markup.
    package struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        package init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        package mutating func appendLiteral(_ literal: String) { markup += literal }
        package mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }
        package mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
        package mutating func appendInterpolation(_ number: Int) { markup += String(number) }
    }

    /// Escapes the five characters that matter in text and in quoted attribute values,
    /// and replaces characters HTML forbids.
    package static func escape(_ text: String) -> String { MarkupText.escaped(text) }
}

extension Sequence where Element == HTML {
    package func joined(separator: HTML = .empty) -> HTML {
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
