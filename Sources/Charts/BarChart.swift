/// Teams compared in one quarter, sorted, each bar marked good or bad in colour and with
/// a symbol. Bars start at zero; negative values extend left. More than `limit` bars are
/// shown as the top and bottom halves with the middle folded into a labelled band.
public enum BarChart {
    public struct Bar: Sendable {
        var label: String
        var value: Double
        var tone: Tone

        public init(label: String, value: Double, tone: Tone = .neutral) {
            self.label = label
            self.value = value
            self.tone = tone
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
        let table = DataTable(columns: ["Team", "Value"], rows: sorted.map { [$0.label, labels.value($0.value)] })
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
        let scale = NiceScale(values: sorted.map(\.value), includeZero: true)
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
                                 title: "\(bar.label): \(labels.value(bar.value))"))
            marks.append(Label.text(bar.label, x: area.left - 8, y: top + 16, width: 160, anchor: "end"))
            let valueText = (bar.tone.symbol.isEmpty ? "" : bar.tone.symbol + " ") + labels.value(bar.value)
            marks.append(Label.text(valueText, x: end + 6, y: top + 16, width: 120, className: "value"))
        }
        let first = sorted.first!, last = sorted.last!
        var summary = "\(title): \(sorted.count) team\(sorted.count == 1 ? "" : "s"), from \(first.label) at \(labels.value(first.value))"
        if sorted.count > 1 { summary += " to \(last.label) at \(labels.value(last.value))" }
        return Chart(type: .bar, title: title, summary: summary + ".", width: width, height: height, table: table, marks: marks)
    }
}
