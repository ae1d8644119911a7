/// How one series is told apart without colour: a class for its colour, a dash pattern
/// and a marker shape, in a fixed order.
struct SeriesStyle {
    let index: Int

    var className: String { "s\(index % 6 + 1)" }

    var dash: String? {
        ["", "6 4", "2 3", "8 3 2 3", "4 2", "1 3"][index % 6].nilIfEmpty
    }

    /// A marker centred on (x, y), about 7 units across.
    func marker(x: Double, y: Double, title: String?) -> SVGNode {
        let (cx, cy) = (Coordinate.text(x), Coordinate.text(y))
        let classes = "marker \(className)"
        switch index % 6 {
        case 1:
            return .titled("rect", [("class", classes), ("x", Coordinate.text(x - 3.5)), ("y", Coordinate.text(y - 3.5)), ("width", "7"), ("height", "7")], title: title)
        case 2:
            return .titled("path", [("class", classes), ("d", "M\(cx) \(Coordinate.text(y - 4.5))L\(Coordinate.text(x + 4.5)) \(Coordinate.text(y + 3.5))L\(Coordinate.text(x - 4.5)) \(Coordinate.text(y + 3.5))Z")], title: title)
        case 3:
            return .titled("path", [("class", classes), ("d", "M\(cx) \(Coordinate.text(y - 5))L\(Coordinate.text(x + 5)) \(cy)L\(cx) \(Coordinate.text(y + 5))L\(Coordinate.text(x - 5)) \(cy)Z")], title: title)
        case 4:
            return .titled("path", [("class", classes + " hollow"), ("d", "M\(Coordinate.text(x - 4)) \(Coordinate.text(y - 4))L\(Coordinate.text(x + 4)) \(Coordinate.text(y + 4))M\(Coordinate.text(x + 4)) \(Coordinate.text(y - 4))L\(Coordinate.text(x - 4)) \(Coordinate.text(y + 4))")], title: title)
        default:
            return .titled("circle", [("class", classes), ("cx", cx), ("cy", cy), ("r", "4")], title: title)
        }
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// Text that fits a width: long labels are cut with "…" and keep their full text in a
/// `<title>`, so nothing is lost to a screen reader or a hover.
enum Label {
    /// About 6.5 units a character at 12 px in a system font: the estimate every chart
    /// lays text out by.
    static let characterWidth = 6.5

    /// `text`, cut with "…" to fit `width` at `characterWidth` a character.
    static func fit(_ text: String, width: Double) -> (shown: String, full: String?) {
        let limit = max(4, Int(width / characterWidth))
        guard text.count > limit else { return (text, nil) }
        return (String(text.prefix(limit - 1)) + "…", text)
    }

    static func text(_ text: String, x: Double, y: Double, width: Double = 1000, anchor: String = "start",
                     className: String = "label") -> SVGNode {
        let (shown, full) = fit(text, width: width)
        var children: [SVGNode] = []
        if let full { children.append(.element("title", [], [.text(full)])) }
        children.append(.text(shown))
        return .element("text", [("class", className), ("x", Coordinate.text(x)), ("y", Coordinate.text(y)), ("text-anchor", anchor)], children)
    }
}
