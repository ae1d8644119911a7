/// A `{{ … }}` expression found in a document's text.
public struct Expression: Hashable, Sendable {
    /// What stands between the braces, untrimmed.
    public let text: String
    /// Where the opening braces are, counted from the start of the Markdown.
    public let line: Int
    public let column: Int
}
