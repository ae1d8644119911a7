/// A narrative's Markdown, parsed once at load: the text itself, which libcmark renders,
/// and what Discern fills in, already read and checked against the catalogs: its data
/// blocks, keyed by their fence's line, and its live values, keyed by where they stand.
/// A renderer walks the Markdown and substitutes these; it never reads YAML or `{{ }}`.
///
/// Positions are counted in the body; `firstLine` turns them into the file's.
public struct NarrativeBody: Hashable, Sendable {
    /// A `{{ … }}` in the prose, where it stands.
    public struct Expression: Hashable, Sendable {
        /// What stands between the braces, untrimmed.
        var text: String
        var line: Int
        var column: Int
        /// Nil when it has an error, reported at load; it shows as `?`.
        var value: LiveValue?

        public init(text: String, line: Int, column: Int, value: LiveValue?) {
            self.text = text
            self.line = line
            self.column = column
            self.value = value
        }
    }

    /// A run of prose outside code, without its live values, and the line of its block:
    /// what report checks read for numbers typed in by hand.
    public struct ProseRun: Hashable, Sendable {
        public var text: String
        public var line: Int

        public init(text: String, line: Int) {
            self.text = text
            self.line = line
        }
    }

    private struct Position: Hashable, Sendable {
        var line: Int
        var column: Int
        var text: String
    }

    /// Everything read, in one reference: narratives are copied into the report, its
    /// dictionary and each check's worker, and one retain is cheaper than eight.
    private final class Storage: Sendable {
        let markdown: String
        let firstLine: Int
        let blocks: [NarrativeBlock]
        let expressions: [Expression]
        let sections: [NarrativeSection]
        /// The prose runs end to end, and where each is in it (UTF-8 offsets): a large
        /// report holds tens of thousands of runs, and one string a narrative keeps them
        /// from crowding the heap that rendering allocates from.
        let proseText: String
        let proseRuns: [(start: Int, end: Int, line: Int)]
        let blocksByLine: [Int: NarrativeBlock]
        let valuesByPosition: [Position: LiveValue]

        init(markdown: String, firstLine: Int, blocks: [NarrativeBlock], expressions: [Expression],
             sections: [NarrativeSection], prose: [ProseRun]) {
            self.markdown = markdown
            self.firstLine = firstLine
            self.blocks = blocks
            self.expressions = expressions
            self.sections = sections
            var text = ""
            text.reserveCapacity(prose.reduce(0) { $0 + $1.text.utf8.count })
            proseRuns = prose.map { run in
                let start = text.utf8.count
                text += run.text
                return (start, text.utf8.count, run.line)
            }
            proseText = text
            blocksByLine = Dictionary(blocks.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
            valuesByPosition = Dictionary(expressions.compactMap { expression in
                expression.value.map { (Position(line: expression.line, column: expression.column, text: expression.text), $0) }
            }, uniquingKeysWith: { first, _ in first })
        }
    }

    private let storage: Storage

    /// The Markdown after the front matter.
    public var markdown: String { storage.markdown }
    /// The line in the file where `markdown` starts.
    var firstLine: Int { storage.firstLine }
    /// Data blocks, in document order.
    public var blocks: [NarrativeBlock] { storage.blocks }
    /// Live values in the prose, in document order.
    var expressions: [Expression] { storage.expressions }
    public var sections: [NarrativeSection] { storage.sections }
    public var prose: [ProseRun] {
        let utf8 = storage.proseText.utf8
        return storage.proseRuns.map { run in
            let start = utf8.index(utf8.startIndex, offsetBy: run.start)
            let end = utf8.index(utf8.startIndex, offsetBy: run.end)
            return ProseRun(text: String(storage.proseText[start..<end]), line: run.line)
        }
    }

    public init(markdown: String, firstLine: Int = 1, blocks: [NarrativeBlock] = [], expressions: [Expression] = [],
                sections: [NarrativeSection] = [], prose: [ProseRun] = []) {
        storage = Storage(markdown: markdown, firstLine: firstLine, blocks: blocks, expressions: expressions,
                          sections: sections, prose: prose)
    }

    /// Everything else is read from these two.
    public static func == (left: NarrativeBody, right: NarrativeBody) -> Bool {
        left.storage === right.storage || (left.markdown == right.markdown && left.firstLine == right.firstLine)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(markdown)
        hasher.combine(firstLine)
    }

    /// The data block whose fence opens on `line` (of the body).
    public func block(at line: Int) -> NarrativeBlock? {
        storage.blocksByLine[line]
    }

    /// The live value `{{text}}` at a line and column of the body; nil when it has errors.
    public func liveValue(_ text: String, line: Int, column: Int) -> LiveValue? {
        storage.valuesByPosition[Position(line: line, column: column, text: text)]
    }

    /// Where `text` first appears at or after a line of the body, as line and column
    /// (columns in Unicode scalars), searching a few hundred lines at most, as
    /// `MarkdownDocument` finds an expression.
    public func position(of text: String, from line: Int) -> (line: Int, column: Int) {
        // Lines as CommonMark counts them; the loader has already made CRLF one LF.
        let lines = markdown.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" })
        let start = min(max(0, line - 1), lines.count)
        for index in start..<min(lines.count, start + 200) {
            if let range = lines[index].firstRange(of: text) {
                return (index + 1, lines[index].unicodeScalars.distance(from: lines[index].startIndex, to: range.lowerBound) + 1)
            }
        }
        return (max(1, line), 1)
    }
}
