/// A fenced code block that Discern renders itself (` ```chart `, ` ```table `, …).
public struct FencedBlock: Hashable, Sendable {
    /// The first word of the info string.
    public let language: String
    /// The text between the fences.
    public let body: String
    /// The line of the opening fence, counted from the start of the Markdown.
    public let line: Int

    /// The line where `body` starts.
    public var bodyLine: Int { line + 1 }
}
