import Foundation
import Testing
import TestSupport
@testable import Charts

/// Over random series (gaps, negatives, huge and tiny values, one point, all equal), no
/// chart writes NaN or infinity, and every coordinate stays inside the chart.
@Suite("Chart property: finite marks inside the frame")
struct ChartPropertyTests {
    @Test("random series in every chart type")
    func randomSeries() {
        var random = SplitMix64(seed: 0xC4A27)
        var checked = 0
        var checkedMarks = 0
        for _ in 0..<300 {
            let count = Int.random(in: 1...12, using: &random)
            let periods = (0..<count).map { "P\($0)" }
            let magnitude = [0.001, 1, 100, 1e6][Int.random(in: 0..<4, using: &random)]
            func value() -> Double? {
                switch Int.random(in: 0..<10, using: &random) {
                case 0: return nil
                case 1: return 0
                case 2: return -Double.random(in: 0...1, using: &random) * magnitude
                default: return Double.random(in: 0...1, using: &random) * magnitude
                }
            }
            let series = (0..<Int.random(in: 1...4, using: &random)).map { index in
                LineChart.Series(name: "S\(index)", values: periods.map { _ in value() })
            }
            let flat = series.flatMap(\.values).compactMap { $0 }
            let target = Bool.random(using: &random) ? value() : nil
            let charts = [
                LineChart.draw(title: "L", periods: periods, series: series, target: target, baseline: 0),
                Sparkline.draw(title: "S", periods: periods, values: series[0].values),
                BarChart.draw(title: "B", bars: flat.enumerated().map { .init(label: "T\($0.offset)", value: $0.element) }, limit: 6),
                ScatterChart(title: "X", xName: "x", yName: "y", points: zip(flat, flat.reversed()).map { .init(label: "t", x: $0, y: $1) }).draw(),
                BulletChart.draw(title: "U", value: flat.first ?? 0, target: target, previous: flat.last),
                SlopeChart.draw(title: "O", beforeLabel: "a", afterLabel: "b", items: zip(flat, flat.reversed()).map { .init(label: "t", before: $0, after: $1) }),
                StackedChart.draw(title: "K", partNames: ["a", "b", "c"], rows: [.init(label: "r", parts: flat.prefix(3).map { $0 })]),
                Heatmap.draw(title: "H", rowNames: ["r"], columnNames: periods, cells: [series[0].values.map { $0.map { .init(text: "v", score: $0 / magnitude) } }]),
            ]
            for chart in charts {
                let svg = chart.svg(id: "p")
                #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"), "\(chart.type): \(svg.prefix(200))")
                for number in Self.coordinates(in: svg) {
                    checked += 1
                    if number < -0.05 || number > Double(max(chart.width, chart.height)) + 0.05 {
                        Issue.record("\(chart.type): coordinate \(number) outside \(chart.width)×\(chart.height)")
                    }
                }
                for (x, y) in Self.points(in: svg) where x > Double(chart.width) + 0.05 || y > Double(chart.height) + 0.05 {
                    Issue.record("\(chart.type): point (\(x), \(y)) outside \(chart.width)×\(chart.height)")
                }
                // Data marks stay inside the plot area (markers may overhang by their size).
                guard let plot = chart.plot else { continue }
                for mark in Self.dataMarks(in: svg) {
                    checkedMarks += 1
                    for (x, y) in mark.points where x < plot.left - 5.1 || x > plot.right + 5.1 || y < plot.top - 5.1 || y > plot.bottom + 5.1 {
                        Issue.record("\(chart.type): \(mark.tag) at (\(x), \(y)) outside the plot area \(plot)")
                    }
                }
            }
        }
        #expect(checked > 10_000)
        #expect(checkedMarks > 5_000)
    }

    /// Numbers in coordinate attributes (x, y, cx, cy, x1, y1, x2, y2, width, height) and paths.
    static func coordinates(in svg: String) -> [Double] {
        var numbers: [Double] = []
        for name in ["x", "y", "cx", "cy", "x1", "y1", "x2", "y2", "width", "height"] {
            var rest = svg[...]
            while let range = rest.range(of: " \(name)=\"") {
                let value = rest[range.upperBound...].prefix { $0 != "\"" }
                if let number = Double(value) { numbers.append(number) }
                rest = rest[range.upperBound...]
            }
        }
        return numbers
    }

    /// Markers, bars, lines and slopes with the points they cover.
    static func dataMarks(in svg: String) -> [(tag: String, points: [(Double, Double)])] {
        var marks: [(String, [(Double, Double)])] = []
        var rest = svg[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = String(rest[open...close])
            rest = rest[rest.index(after: close)...]
            guard let classes = attribute("class", in: tag)?.split(separator: " "),
                  classes.contains(where: { ["marker", "bar", "line", "slope", "fit"].contains($0) }) else { continue }
            var points: [(Double, Double)] = []
            if let d = attribute("d", in: tag) { points += Self.points(in: " d=\"\(d)\"") }
            for (x, y) in [("x", "y"), ("cx", "cy"), ("x1", "y1"), ("x2", "y2")] {
                if let a = attribute(x, in: tag).flatMap(Double.init), let b = attribute(y, in: tag).flatMap(Double.init) { points.append((a, b)) }
            }
            if let x = attribute("x", in: tag).flatMap(Double.init), let y = attribute("y", in: tag).flatMap(Double.init),
               let w = attribute("width", in: tag).flatMap(Double.init), let h = attribute("height", in: tag).flatMap(Double.init) {
                points.append((x + w, y + h))
            }
            marks.append((tag, points))
        }
        return marks
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The (x, y) pairs of every path's `d`.
    static func points(in svg: String) -> [(Double, Double)] {
        var pairs: [(Double, Double)] = []
        var rest = svg[...]
        while let range = rest.range(of: " d=\"") {
            let path = rest[range.upperBound...].prefix { $0 != "\"" }
            let numbers = path.split(whereSeparator: { "MLZ ".contains($0) }).compactMap { Double($0) }
            for index in stride(from: 0, to: numbers.count - 1, by: 2) { pairs.append((numbers[index], numbers[index + 1])) }
            rest = rest[range.upperBound...]
        }
        return pairs
    }
}

