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
        /// The prose runs, as UTF-8 ranges: nearly all of a narrative's prose appears in
        /// its Markdown byte for byte, so a run points into `markdown`, and only a run that
        /// does not (an entity or a backslash escape resolved) is copied, into `proseExtra`,
        /// at offsets past the Markdown's end. Keeping the prose as a second copy of the
        /// text cost a 500-team report about a fifth of its peak memory.
        let proseExtra: String
        let proseRuns: [ProseSpan]
        let blocksByLine: [Int: NarrativeBlock]
        let valuesByPosition: [Position: LiveValue]

        init(markdown: String, firstLine: Int, blocks: [NarrativeBlock], expressions: [Expression],
             sections: [NarrativeSection], prose: [ProseRun]) {
            var markdown = markdown
            markdown.makeContiguousUTF8()
            self.markdown = markdown
            self.firstLine = firstLine
            self.blocks = blocks
            self.expressions = expressions
            self.sections = sections
            var extra: [UInt8] = []
            proseRuns = markdown.utf8.withContiguousStorageIfAvailable { source in
                var cursor = 0
                return prose.map { run in
                    var text = run.text
                    let span = text.withUTF8 { bytes -> (start: Int, end: Int) in
                        // Runs come in document order, so the next one is usually just ahead.
                        if let start = Self.find(bytes, in: source, from: cursor) ?? Self.find(bytes, in: source, from: 0) {
                            cursor = start + bytes.count
                            return (start, start + bytes.count)
                        }
                        let start = source.count + extra.count
                        extra.append(contentsOf: bytes)
                        return (start, start + bytes.count)
                    }
                    return ProseSpan(start: UInt32(span.start), end: UInt32(span.end), line: Int32(clamping: run.line))
                }
            } ?? []
            proseExtra = String(decoding: extra, as: UTF8.self)
            blocksByLine = Dictionary(blocks.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
            valuesByPosition = Dictionary(expressions.compactMap { expression in
                expression.value.map { (Position(line: expression.line, column: expression.column, text: expression.text), $0) }
            }, uniquingKeysWith: { first, _ in first })
        }

        /// The first offset at or after `from` where `needle` stands in `haystack`.
        static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
            guard let first = needle.first else { return from <= haystack.count ? from : nil }
            var index = from
            while index + needle.count <= haystack.count {
                if haystack[index] == first {
                    var offset = 1
                    while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return index }
                }
                index += 1
            }
            return nil
        }
    }

    /// Where a prose run lies in the Markdown or past it (UTF-8 offsets), and its line:
    /// 12 bytes, as a large report holds hundreds of thousands of runs.
    private struct ProseSpan: Sendable {
        var start: UInt32
        var end: UInt32
        var line: Int32
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
        let markdown = Array(storage.markdown.utf8), extra = Array(storage.proseExtra.utf8)
        return storage.proseRuns.map { run in
            let (start, end) = (Int(run.start), Int(run.end))
            let text = start < markdown.count
                ? String(decoding: markdown[start..<end], as: UTF8.self)
                : String(decoding: extra[(start - markdown.count)..<(end - markdown.count)], as: UTF8.self)
            return ProseRun(text: text, line: Int(run.line))
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
