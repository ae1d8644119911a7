import Formatting

/// A piece of SVG. Text is escaped on the way out, so a label can never become markup:
/// there is no way to put unescaped user text into a node.
public struct SVGNode: Sendable {
    enum Kind: Sendable {
        case element(name: String, attributes: [(String, String)], children: [SVGNode])
        case text(String)
        /// SVG this module has already written, such as a chart's marks, which are
        /// written once and shared by the inline and standalone copies. Internal, so no
        /// caller outside the module can pass text through unescaped.
        case written([UInt8])
    }

    let kind: Kind

    /// An element. Attribute values are escaped when written.
    static func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [SVGNode] = []) -> SVGNode {
        SVGNode(kind: .element(name: name, attributes: attributes, children: children))
    }

    /// Escaped text.
    static func text(_ text: String) -> SVGNode {
        SVGNode(kind: .text(text))
    }

    /// Nodes written once, to be placed in several documents.
    static func written(_ nodes: [SVGNode]) -> SVGNode {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        for node in nodes { node.write(to: &output) }
        return SVGNode(kind: .written(output))
    }

    /// `<title>` first, so browsers and screen readers name the element by it.
    static func titled(_ name: String, _ attributes: [(String, String)], title: String?, _ children: [SVGNode] = []) -> SVGNode {
        let first = title.map { [SVGNode.element("title", [], [.text($0)])] } ?? []
        return .element(name, attributes, first + children)
    }

    /// The markup, appended to `output` as UTF-8. Bytes rather than a `String`: a page
    /// writes tens of thousands of these small pieces, and appending them to a `String`
    /// took nearly three times the instructions (callgrind, 50 teams × 8 quarters:
    /// 1.24 G against 0.43 G).
    func write(to output: inout [UInt8]) {
        switch kind {
        case .text(let text):
            MarkupText.escape(text, into: &output)
        case .written(let markup):
            output += markup
        case .element(let name, let attributes, let children):
            output.append(UInt8(ascii: "<"))
            output.append(utf8: name)
            for (key, value) in attributes {
                output.append(UInt8(ascii: " "))
                output.append(utf8: key)
                output.append(UInt8(ascii: "="))
                output.append(UInt8(ascii: "\""))
                MarkupText.escape(value, into: &output)
                output.append(UInt8(ascii: "\""))
            }
            if children.isEmpty {
                output.append(UInt8(ascii: "/"))
                output.append(UInt8(ascii: ">"))
            } else {
                output.append(UInt8(ascii: ">"))
                for child in children { child.write(to: &output) }
                output.append(UInt8(ascii: "<"))
                output.append(UInt8(ascii: "/"))
                output.append(utf8: name)
                output.append(UInt8(ascii: ">"))
            }
        }
    }

    var markup: String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
