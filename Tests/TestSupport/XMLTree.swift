import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element and everything below it, for tests that read what a chart
/// draws: its name, attributes, child elements and the text directly inside it, with
/// entities decoded.
public struct XMLTree: Sendable {
    public let name: String
    public let attributes: [String: String]
    public var children: [XMLTree]
    /// Text directly inside this element, not inside its children.
    public var text: String

    public subscript(_ attribute: String) -> String? { attributes[attribute] }

    /// The class names in the `class` attribute.
    public var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

    /// The text of the first `<title>` child, which names a mark.
    public var title: String? { children.first { $0.name == "title" }?.text }

    /// This element and every element below it, in document order.
    public var all: [XMLTree] { [self] + children.flatMap(\.all) }

    /// Parses a document; nil when it is not well-formed.
    public static func parse(_ text: String) -> XMLTree? {
        let parser = XMLParser(data: Data(text.utf8))
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), !builder.failed else { return nil }
        return builder.root
    }

    final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLTree] = []
        var root: XMLTree?
        var failed = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            stack.append(XMLTree(name: name, attributes: attributes, children: [], text: ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let node = stack.removeLast()
            if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { failed = true }
    }
}
