/// What a narrative's reader needs from its Markdown, found in one walk of the tree:
/// the fenced blocks Discern draws, the `{{ … }}` expressions, the top-level `##`
/// sections and the prose.
public struct MarkdownContents: Sendable {
    /// Fenced blocks in the languages asked for, in document order.
    public var blocks: [FencedBlock] = []
    /// Expressions in the text (not in code), in document order, at the positions
    /// `replaceExpressions` gives them.
    public var expressions: [Expression] = []
    /// As `MarkdownDocument.sections` finds them.
    public var sections: [MarkdownSection] = []
    /// Each text run outside code, with its `{{ … }}` expressions left out, and the line
    /// of the block it is in.
    public var prose: [(text: String, line: Int)] = []

    public init() {}
}
