import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed CommonMark document. It owns its cmark tree and frees it when it goes away.
///
/// `~Copyable` so that exactly one value owns the root node: the tree cannot be freed
/// twice, nor used after it was freed.
///
/// Generated HTML (charts, tables, live values) enters the tree as cmark *custom* nodes.
/// cmark's renderer writes those verbatim even in safe mode, and Markdown source cannot
/// create them, so a narrative's own raw HTML stays stripped while Discern's output shows.
public struct MarkdownDocument: ~Copyable {
    private let root: OpaquePointer
    private let markdown: String

    /// Parses Markdown. cmark accepts any input, so parsing cannot fail.
    public init(_ markdown: String) {
        var text = markdown
        root = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
        self.markdown = markdown
    }

    /// The lines as CommonMark counts them: LF, CRLF and a lone CR each end one, so
    /// cmark's line numbers index this array. Made only when a position is looked up:
    /// most narratives have no live value, and splitting costs a third of cmark's parse.
    private var source: [Substring] { Self.lines(of: markdown) }

    /// Split on UTF-8 bytes: a split on `Character`s cost more than cmark's whole parse.
    private static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                bytes.formIndex(after: &index)
                continue
            }
            lines.append(text[start..<index])
            bytes.formIndex(after: &index)
            if byte == UInt8(ascii: "\r"), index != bytes.endIndex, bytes[index] == UInt8(ascii: "\n") {
                bytes.formIndex(after: &index)
            }
            start = index
        }
        lines.append(text[start...])
        return lines
    }

    deinit {
        cmark_node_free(root)
    }

    /// Renders HTML. Raw HTML and unsafe links (`javascript:` and the like) are dropped
    /// unless `allowRawHTML` is set.
    public func html(allowRawHTML: Bool = false) -> String {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let rendered = cmark_render_html(root, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The HTML of the document cut at its sections (as `sections` finds them): what
    /// comes before the first, then each section's content without its heading. Each
    /// part is what `html` writes for those blocks, so the parts joined with the
    /// headings' HTML are the whole document's.
    public func sectionHTML(allowRawHTML: Bool = false) -> (intro: String, sections: [String]) {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        var intro = ""
        var sections: [String] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            node = cmark_node_next(current)
            if cmark_node_get_type(current) == CMARK_NODE_HEADING, cmark_node_get_heading_level(current) == 2 {
                sections.append("")
                continue
            }
            guard let rendered = cmark_render_html(current, options) else { continue }
            defer { free(rendered) }
            if sections.isEmpty { intro += String(cString: rendered) } else { sections[sections.count - 1] += String(cString: rendered) }
        }
        return (intro, sections)
    }

    /// The level-2 headings at the top level of the document, in order: where each
    /// section starts.
    var sections: [MarkdownSection] {
        var sections = SectionWalk()
        walk { node, entering in sections.visit(node, entering: entering) }
        return sections.finished(markdown)
    }

    /// Fenced blocks, expressions, sections and prose in one walk: a narrative's reader
    /// needs all four, and each walk of a large tree costs about as much as the next.
    public mutating func contents(_ languages: Set<String>) -> MarkdownContents {
        // Merged first, as for expressions: cmark splits text at `_` and `*`.
        cmark_consolidate_text_nodes(root)
        var contents = MarkdownContents()
        var sections = SectionWalk()
        var texts: [(text: String, line: Int, braces: Bool)] = []
        walk { node, entering in
            sections.visit(node, entering: entering)
            guard entering else { return }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) {
                // Most text holds no expression; look in cmark's bytes before splitting.
                texts.append((String(cString: literal), Self.blockLine(of: node), strstr(literal, "{{") != nil))
            } else if type == CMARK_NODE_CODE_BLOCK, let language = Self.fenceLanguage(of: node), languages.contains(language) {
                contents.blocks.append(FencedBlock(language: language, body: Self.literal(of: node),
                                                   line: Int(cmark_node_get_start_line(node))))
            }
        }
        contents.sections = sections.finished(markdown)
        var source: [Substring]?
        for (text, line, braces) in texts {
            guard braces else {
                contents.prose.append((text, line))
                continue
            }
            for segment in InlineSegment.segments(of: text) {
                switch segment {
                case .text(let plain): contents.prose.append((plain, line))
                case .expression(let inner):
                    if source == nil { source = self.source }
                    let (at, column) = Self.position(of: "{{" + inner + "}}", from: line, in: source!)
                    contents.expressions.append(Expression(text: inner, line: at, column: column))
                }
            }
        }
        return contents
    }

    /// Collects the top-level level-2 headings during a walk.
    private struct SectionWalk {
        var result: [MarkdownSection] = []
        var current: MarkdownSection?

        /// The sections, each ending where its heading's text does.
        func finished(_ markdown: String) -> [MarkdownSection] {
            guard !result.isEmpty else { return result }
            // cmark 0.30 counts the line after a setext underline into the heading, so
            // the end is worked out from the source.
            let source = MarkdownDocument.lines(of: markdown)
            return result.map { section in
                var section = section
                let isATX = source.indices.contains(section.line - 1)
                    && source[section.line - 1].drop(while: { $0 == " " }).hasPrefix("#")
                section.endLine = isATX ? section.line : section.line + 1
                return section
            }
        }

        mutating func visit(_ node: OpaquePointer, entering: Bool) {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 2,
               cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT {
                if entering {
                    let line = Int(cmark_node_get_start_line(node))
                    current = MarkdownSection(heading: "", line: line, endLine: line)
                } else if var section = current {
                    // Raw HTML in a heading is not text, and may leave a space behind.
                    while section.heading.last?.isWhitespace == true { section.heading.removeLast() }
                    while section.heading.first?.isWhitespace == true { section.heading.removeFirst() }
                    result.append(section)
                    current = nil
                }
            } else if current != nil, type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                current!.heading += MarkdownDocument.literal(of: node)
            }
        }
    }

    /// Replaces every fenced code block whose info string starts with one of `languages`
    /// by the HTML `render` returns for it. Blocks are visited in document order.
    public mutating func replaceFencedBlocks(_ languages: Set<String>, render: (FencedBlock) -> String) {
        // Collect during the walk, replace after it: changing the tree under a live
        // iterator is undefined in cmark.
        for (node, block) in fencedBlockNodes(languages) {
            let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
            cmark_node_set_on_enter(custom, render(block))
            cmark_node_replace(node, custom)
            cmark_node_free(node)
        }
    }

    /// The fenced code blocks whose info string starts with one of `languages`, in
    /// document order.
    func fencedBlocks(_ languages: Set<String>) -> [FencedBlock] {
        fencedBlockNodes(languages).map(\.block)
    }

    private func fencedBlockNodes(_ languages: Set<String>) -> [(node: OpaquePointer, block: FencedBlock)] {
        var found: [(node: OpaquePointer, block: FencedBlock)] = []
        walk { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK,
                  let language = Self.fenceLanguage(of: node), languages.contains(language) else { return }
            let block = FencedBlock(language: language, body: Self.literal(of: node),
                                    line: Int(cmark_node_get_start_line(node)))
            found.append((node, block))
        }
        return found
    }

    /// The text nodes that may hold an expression, with the line of their block.
    private mutating func expressionNodes() -> [(node: OpaquePointer, text: String, block: Int)] {
        // Adjacent text nodes are merged first, so an expression split by cmark's
        // delimiter scanning (`_`, `*`) is seen whole.
        cmark_consolidate_text_nodes(root)
        var found: [(node: OpaquePointer, text: String, block: Int)] = []
        walk { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_TEXT else { return }
            // Most text holds no expression; look in cmark's bytes before copying them.
            guard let literal = cmark_node_get_literal(node), strstr(literal, "{{") != nil else { return }
            found.append((node, String(cString: literal), Self.blockLine(of: node)))
        }
        return found
    }

    /// Replaces every `{{ … }}` in the text of the document (not in code) by the HTML
    /// `render` returns for it.
    public mutating func replaceExpressions(render: (Expression) -> String) {
        var source: [Substring]?
        for (node, text, blockLine) in expressionNodes() {
            let segments = InlineSegment.segments(of: text)
            guard segments.contains(where: { if case .expression = $0 { true } else { false } }) else { continue }
            for segment in segments {
                let inserted: OpaquePointer?
                switch segment {
                case .text(let plain):
                    inserted = cmark_node_new(CMARK_NODE_TEXT)
                    cmark_node_set_literal(inserted, plain)
                case .expression(let inner):
                    inserted = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
                    if source == nil { source = self.source }
                    let (line, column) = Self.position(of: "{{" + inner + "}}", from: blockLine, in: source!)
                    cmark_node_set_on_enter(inserted, render(Expression(text: inner, line: line, column: column)))
                }
                cmark_node_insert_before(node, inserted)
            }
            cmark_node_free(node) // unlinks it first
        }
    }

    /// Where an expression's text first appears at or after a line, for diagnostics.
    private static func position(of needle: String, from line: Int, in source: [Substring]) -> (line: Int, column: Int) {
        // An expression sits in its block, a few lines down at most: the search is
        // bounded so a long document full of unmatched braces stays linear.
        let start = min(max(0, line - 1), source.count)
        for index in start..<min(source.count, start + 200) {
            if let range = source[index].firstRange(of: needle) {
                return (index + 1, source[index].unicodeScalars.distance(
                    from: source[index].startIndex, to: range.lowerBound) + 1)
            }
        }
        return (max(1, line), 1)
    }

    // MARK: - cmark helpers

    private func walk(_ visit: (OpaquePointer, _ entering: Bool) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, event == CMARK_EVENT_ENTER)
        }
    }

    /// A node's literal as a Swift string. The C string belongs to the node and is freed
    /// with the tree, so it is copied out here and never freed by the caller.
    private static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func fenceLanguage(of node: OpaquePointer) -> String? {
        guard let info = cmark_node_get_fence_info(node) else { return nil }
        let word = String(cString: info).split(whereSeparator: { $0 == " " || $0 == "\t" }).first
        return word.map(String.init)
    }

    /// The start line of the nearest block around an inline node (inline nodes carry
    /// no reliable position in cmark 0.30).
    private static func blockLine(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return line }
            current = cmark_node_parent(candidate)
        }
        return 1
    }
}
