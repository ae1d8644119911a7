/// Plain text split around `{{ … }}` expressions. Also used for titles and summaries,
/// which are not Markdown.
public enum InlineSegment: Hashable, Sendable {
    case text(String)
    /// The text between `{{` and `}}`.
    case expression(String)

    /// Splits text at each `{{ … }}`. An unclosed `{{` stays text.
    public static func segments(of text: String) -> [InlineSegment] {
        var result: [InlineSegment] = []
        var rest = text[...]
        while let open = rest.firstRange(of: "{{") {
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
            if open.lowerBound > rest.startIndex { result.append(.text(String(rest[..<open.lowerBound]))) }
            result.append(.expression(String(rest[open.upperBound..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { result.append(.text(String(rest))) }
        return result
    }
}
