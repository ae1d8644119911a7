/// Reads a drawn scatter's point labels and numbers back from its SVG and checks them:
/// no two overlap, none covers a marker, and each stays inside the plot frame (the grid
/// lines' extent). A label's box is estimated from its `x`, `y` and character count as
/// the chart code estimates it (6.5 units a character at 12 px, 10 units above the
/// baseline and 3 below, from its `text-anchor`), independently of the code that placed it.
public struct ScatterLabelCheck {
    public struct Box: CustomStringConvertible {
        public let text: String
        public let left: Double, top: Double, right: Double, bottom: Double
        public var description: String { "“\(text)” [\(left), \(top), \(right), \(bottom)]" }

        func intersects(_ other: Box) -> Bool {
            left < other.right && other.left < right && top < other.bottom && other.top < bottom
        }
    }

    /// The boxes of `text.label` and `text.point-number` inside the plot.
    public let labels: [Box]
    /// How many of them are numbers (`text.point-number`).
    public let numbers: Int
    /// Markers' boxes, 4 units each way from their centres (`circle.marker`).
    public let markers: [Box]
    /// The grid's extent.
    public let frame: (left: Double, top: Double, right: Double, bottom: Double)
    /// Names in the key under the chart (`text.key`, their full text).
    public let key: [String]

    public init?(svg: String) {
        guard let root = XMLTree.parse(svg) else { return nil }
        let all = root.all
        let grid = all.filter { $0.name == "line" && $0.classes.contains("grid") }
        let xs = grid.flatMap { [$0["x1"], $0["x2"]] }.compactMap { $0.flatMap(Double.init) }
        let ys = grid.flatMap { [$0["y1"], $0["y2"]] }.compactMap { $0.flatMap(Double.init) }
        guard let left = xs.min(), let right = xs.max(), let top = ys.min(), let bottom = ys.max() else { return nil }
        frame = (left, top, right, bottom)
        // Numbers in the key sit below the plot, laid out in a grid; they are left out.
        let plotted = all.filter { node in
            node.name == "text" && (node.classes.contains("label") || node.classes.contains("point-number"))
                && (node["y"].flatMap(Double.init) ?? .infinity) <= bottom + 3
        }
        labels = plotted.compactMap { node -> Box? in
            guard let x = node["x"].flatMap(Double.init), let y = node["y"].flatMap(Double.init) else { return nil }
            let width = Double(node.text.count) * 6.5
            let left = switch node["text-anchor"] { case "end": x - width; case "middle": x - width / 2; default: x }
            return Box(text: node.text, left: left, top: y - 10, right: left + width, bottom: y + 3)
        }
        numbers = plotted.filter { $0.classes.contains("point-number") }.count
        markers = all.filter { $0.name == "circle" && $0.classes.contains("marker") }.compactMap { node in
            guard let x = node["cx"].flatMap(Double.init), let y = node["cy"].flatMap(Double.init) else { return nil }
            return Box(text: node.title ?? "", left: x - 4, top: y - 4, right: x + 4, bottom: y + 4)
        }
        key = all.filter { $0.name == "text" && $0.classes.contains("key") }.map { $0.title ?? $0.text }
    }

    /// What is wrong, in words; empty when every label is readable.
    public var problems: [String] {
        var found: [String] = []
        for (index, box) in labels.enumerated() {
            if box.left < frame.left || box.right > frame.right || box.top < frame.top || box.bottom > frame.bottom {
                found.append("\(box) leaves the frame \(frame)")
            }
            for other in labels[(index + 1)...] where box.intersects(other) { found.append("\(box) overlaps \(other)") }
            for marker in markers where box.intersects(marker) { found.append("\(box) covers the marker of \(marker.text)") }
        }
        return found
    }
}
