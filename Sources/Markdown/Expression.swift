/// A `{{ … }}` expression found in a document's text.
package struct Expression: Hashable, Sendable {
    /// What stands between the braces, untrimmed.
    package let text: String
    /// Where the opening braces are, counted from the start of the Markdown.
    package let line: Int
    package let column: Int
}
