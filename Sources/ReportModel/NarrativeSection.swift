/// A top-level `##` section of a narrative's body: a slide in the board deck.
public struct NarrativeSection: Hashable, Sendable {
    /// The heading's text as written, without `##` or inline markup; `deck:` names it.
    public var heading: String
    /// The heading with its live values read.
    public var text: InlineText
    /// The heading's first and last line, counted in the body (a setext heading spans two).
    public var line: Int
    var endLine: Int

    public init(heading: String, text: InlineText, line: Int, endLine: Int) {
        self.heading = heading
        self.text = text
        self.line = line
        self.endLine = endLine
    }
}
