import Foundation
import TestSupport

/// Reads a drawn chart the way a reader with a ruler would: the scale from the axis
/// ticks and their labels, each mark's position, and the value its own text shows.
struct ChartReader {
    let root: XMLTree

    init?(svg: String) {
        guard let root = XMLTree.parse(svg), root.name == "svg" else { return nil }
        self.root = root
    }

    /// `line`, `bar`, …: from the `chart-<type>` class.
    var type: String? {
        root.classes.first { $0.hasPrefix("chart-") && $0 != "chart-svg" }.map { String($0.dropFirst("chart-".count)) }
    }

    var title: String { root.children.first { $0.name == "title" }?.text ?? "" }

    /// A value axis: where each tick is drawn and the value its label shows.
    struct Axis {
        var ticks: [(position: Double, value: Double)]

        /// The value at a position, by the straight line through the outermost ticks.
        func value(at position: Double) -> Double {
            let (a, b) = (ticks.first!, ticks.last!)
            return a.value + (position - a.position) / (b.position - a.position) * (b.value - a.value)
        }

        /// Where a value falls.
        func position(of value: Double) -> Double {
            let (a, b) = (ticks.first!, ticks.last!)
            return a.position + (value - a.value) / (b.value - a.value) * (b.position - a.position)
        }
    }

    /// The chart's value axes in drawing order; each is a grid line then its label, per tick.
    /// A vertical scale's grid lines are horizontal (read `y1`), a horizontal one's vertical.
    var axes: [Axis] {
        root.all.filter { $0.name == "g" && $0.classes.contains("value-axis") }.compactMap { group in
            var ticks: [(Double, Double)] = []
            var pending: XMLTree?
            for child in group.children {
                if child.name == "line" { pending = child; continue }
                guard child.name == "text", let line = pending, let value = Self.number(in: child.text) else { continue }
                let vertical = line["y1"] == line["y2"]
                guard let position = Double(line[vertical ? "y1" : "x1"] ?? "") else { continue }
                ticks.append((position, value))
                pending = nil
            }
            return ticks.count >= 2 ? Axis(ticks: ticks) : nil
        }
    }

    /// A point of a line chart's series: where it is drawn and what its marker's title says.
    struct LinePoint {
        var series: String
        var period: String
        var x: Double
        var y: Double
        /// The value as shown, such as `4.2 days`.
        var shown: String
    }

    /// Every point of every series: the series' path gives the positions, its markers'
    /// titles (`Engineering, 2026-Q1: 4.2 days`) the values, in the same order.
    var linePoints: [LinePoint] {
        root.all.filter { $0.name == "g" && $0.classes.contains("series") }.flatMap { group -> [LinePoint] in
            guard let path = group.children.first(where: { $0.name == "path" && $0.classes.contains("line") }) else { return [] }
            let points = Self.points(inPath: path["d"] ?? "")
            let titles = group.children.compactMap(\.title)
            return zip(points, titles).compactMap { point, title in
                guard let colon = title.range(of: ": ", options: .backwards),
                      let comma = title[..<colon.lowerBound].range(of: ", ", options: .backwards) else { return nil }
                return LinePoint(series: String(title[..<comma.lowerBound]), period: String(title[comma.upperBound..<colon.lowerBound]),
                                 x: point.x, y: point.y, shown: String(title[colon.upperBound...]))
            }
        }
    }

    /// The points of a path made of `M` and `L` commands.
    static func points(inPath d: String) -> [(x: Double, y: Double)] {
        d.split(whereSeparator: { $0 == "M" || $0 == "L" }).compactMap { pair in
            let numbers = pair.split(separator: " ").compactMap { Double($0) }
            return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
        }
    }

    /// The number a value's text shows: `4.2 days` is 4.2, `−3 pts` is −3, `1,234` is
    /// 1234, `1.2k` is 1200, `▲ 42%` is 42. Nil when the text starts with no number.
    static func number(in text: String) -> Double? {
        var rest = Substring(text).drop { $0 == "▲" || $0 == "▼" || $0 == " " || $0 == "+" }
        var sign = 1.0
        if rest.first == "−" || rest.first == "-" {
            sign = -1
            rest = rest.dropFirst()
        }
        let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
        guard let value = Double(digits.filter { $0 != "," }) else { return nil }
        let suffix: [Character: Double] = ["k": 1e3, "M": 1e6, "B": 1e9]
        let scale = rest.dropFirst(digits.count).first.flatMap { suffix[$0] } ?? 1
        return sign * value * scale
    }
}
