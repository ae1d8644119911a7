/// A top-level `##` section of a narrative's body: a slide in the board deck.
package struct NarrativeSection: Hashable, Sendable {
    /// The heading's text as written, without `##` or inline markup; `deck:` names it.
    package var heading: String
    /// The heading with its live values read.
    package var text: InlineText
    /// The heading's first and last line, counted in the body (a setext heading spans two).
    package var line: Int
    package var endLine: Int

    package init(heading: String, text: InlineText, line: Int, endLine: Int) {
        self.heading = heading
        self.text = text
        self.line = line
        self.endLine = endLine
    }
}
