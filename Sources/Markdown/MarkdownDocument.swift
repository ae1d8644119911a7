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
public struct MarkdownDocument: ~Copyable {
    private let root: OpaquePointer

    /// Parses Markdown. cmark accepts any input, so parsing cannot fail.
    public init(_ markdown: String) {
        var text = markdown
        root = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
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

    /// The text of every heading, in document order.
    public var headings: [String] {
        var result: [String] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        var inHeading = false
        var current = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING {
                if event == CMARK_EVENT_ENTER {
                    inHeading = true
                    current = ""
                } else {
                    inHeading = false
                    result.append(current)
                }
            } else if inHeading, type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE,
                      let literal = cmark_node_get_literal(node) {
                // Literals belong to the node; cmark frees them with the tree.
                current += String(cString: literal)
            }
        }
        return result
    }
}
