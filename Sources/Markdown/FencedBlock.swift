/// A fenced code block that Discern renders itself (` ```chart `, ` ```table `, …).
package struct FencedBlock: Hashable, Sendable {
    /// The first word of the info string.
    package let language: String
    /// The text between the fences.
    package let body: String
    /// The line of the opening fence, counted from the start of the Markdown.
    package let line: Int

    /// The line where `body` starts.
    package var bodyLine: Int { line + 1 }
}
