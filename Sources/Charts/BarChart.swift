/// Teams compared in one quarter, sorted, each bar judged good or bad in colour and in
/// its title, with ▲ or ▼ for whether it stands above or below what it is compared with
/// (as the cards' arrows say which way a number moved). A bar whose 95% interval is
/// published carries it as a whisker. Bars start at zero; negative values extend left.
/// More than `limit` bars are shown as the top and bottom halves with the middle folded
/// into a labelled band.
public enum BarChart {
    public struct Bar: Sendable {
        let label: String
        let value: Double
        /// The value's published 95% interval, drawn as a whisker; nil for none.
        let interval: IntervalEnds?
        let tone: Tone
        let direction: Direction

        public init(label: String, value: Double, tone: Tone = .neutral, direction: Direction = .level, interval: IntervalEnds? = nil) {
            self.label = label
            self.value = value
            self.tone = tone
            self.direction = direction
            self.interval = interval
        }
    }

    /// - Parameters:
    ///   - descending: largest first (true) or smallest first.
    ///   - limit: how many bars are drawn before the middle ones are folded; at least 4.
    public static func draw(title: String, bars: [Bar], descending: Bool = true, labels: ValueLabels = .plain, limit: Int = 24) -> Chart {
        let limit = max(4, limit)
        let sorted = bars.filter { $0.value.isFinite }.sorted {
            $0.value == $1.value ? $0.label < $1.label : (descending ? $0.value > $1.value : $0.value < $1.value)
        }
        // The interval's ends get columns of their own, named as the data's `ci_low`, `ci_high`.
        let intervals = sorted.contains { $0.interval != nil }
        let table = DataTable(columns: ["Team", "Value"] + (intervals ? ["ci_low", "ci_high"] : []), rows: sorted.map { bar in
            [bar.label, labels.value(bar.value)] + (intervals ? [bar.interval.map { labels.value($0.low) } ?? "", bar.interval.map { labels.value($0.high) } ?? ""] : [])
        })
        var rows: [Bar?] = sorted
        var folded: [Bar] = []
        if sorted.count > limit {
            let half = limit / 2
            folded = Array(sorted[half..<(sorted.count - half)])
            rows = Array(sorted.prefix(half)) + [nil] + Array(sorted.suffix(half))
        }
        let rowHeight = 24.0
        let width = 640
        let height = Int(28 + rowHeight * Double(max(1, rows.count)) + 24)
        let area = PlotArea(left: 170, top: 12, right: 560, bottom: Double(height) - 28)
        guard !sorted.isEmpty else {
            return Chart(type: .bar, title: title, summary: "\(title): no data to show.", width: width, height: height, table: table, marks: [area.empty("No data")])
        }
        let scale = NiceScale(values: sorted.flatMap { [$0.value] + ($0.interval.map { [$0.low, $0.high] } ?? []) }, includeZero: true)
        func x(_ value: Double) -> Double { scale.position(value, from: area.left, to: area.right) }
        var marks: [SVGNode] = [area.valueAxis(scale, unit: labels.tick, .horizontal)]
        for (index, bar) in rows.enumerated() {
            let top = area.top + Double(index) * rowHeight
            guard let bar else {
                let low = folded.map(\.value).min() ?? 0, high = folded.map(\.value).max() ?? 0
                marks.append(.element("rect", [("class", "band"), ("x", Coordinate.text(area.left)), ("y", Coordinate.text(top + 3)),
                                               ("width", Coordinate.text(area.width)), ("height", Coordinate.text(rowHeight - 6))]))
                marks.append(Label.text("\(folded.count) more teams, from \(labels.value(low)) to \(labels.value(high))",
                                        x: area.left + 8, y: top + 16, className: "note"))
                continue
            }
            let start = x(min(0, bar.value)), end = x(max(0, bar.value))
            marks.append(.titled("rect", [("class", "bar \(bar.tone.rawValue)"), ("x", Coordinate.text(start)), ("y", Coordinate.text(top + 4)),
                                          ("width", Coordinate.text(max(1, end - start))), ("height", Coordinate.text(rowHeight - 8))],
                                 title: "\(bar.label): \(IntervalEnds.text(labels.value(bar.value), bar.interval, labels))\(bar.tone.words)"))
            marks.append(Label.text(bar.label, x: area.left - 8, y: top + 16, width: 160, anchor: "end"))
            var labelX = end + 6
            if let interval = bar.interval {
                marks.append(Self.whisker(interval, x: x, y: top + rowHeight / 2, title: "\(bar.label): 95% interval \(labels.value(interval.low)) to \(labels.value(interval.high))"))
                labelX = max(labelX, x(interval.high) + 6)
            }
            marks.append(Label.text(bar.direction.symbol + labels.value(bar.value), x: labelX, y: top + 16, width: 120, className: "value"))
        }
        let first = sorted.first!, last = sorted.last!
        var summary = "\(title): \(sorted.count) team\(sorted.count == 1 ? "" : "s"), from \(first.label) at \(labels.value(first.value))"
        if sorted.count > 1 { summary += " to \(last.label) at \(labels.value(last.value))" }
        return Chart(type: .bar, title: title, summary: summary + ".", width: width, height: height, table: table, marks: marks)
    }

    /// A thin line from the interval's low end to its high end, with a small cap at each.
    static func whisker(_ interval: IntervalEnds, x: (Double) -> Double, y: Double, title: String) -> SVGNode {
        let (low, high) = (Coordinate.text(x(interval.low)), Coordinate.text(x(interval.high)))
        func line(_ x1: String, _ x2: String, _ y1: Double, _ y2: Double) -> SVGNode {
            .element("line", [("class", "whisker"), ("x1", x1), ("x2", x2), ("y1", Coordinate.text(y1)), ("y2", Coordinate.text(y2))])
        }
        return .titled("g", [("class", "whisker")], title: title,
                       [line(low, high, y, y), line(low, low, y - 4, y + 4), line(high, high, y - 4, y + 4)])
    }
}
