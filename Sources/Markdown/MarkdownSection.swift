/// A top-level `##` section of a document: its heading's text and where it sits.
///
/// A slide deck turns each section of a narrative into a slide, so the split follows
/// the Markdown's own structure (a `##` inside a code block or a list starts nothing).
public struct MarkdownSection: Hashable, Sendable {
    /// The heading's text, without the `##` or any inline markup.
    public var heading: String
    /// The heading's first line, counting from 1.
    public var line: Int
    /// Its last line: a setext heading (text underlined with `---`) spans two.
    public var endLine: Int
}
