/// Two quarters, before and after, one line per team.
public enum SlopeChart {
    public struct Item: Sendable {
        var label: String
        var before: Double
        var after: Double
        var tone: Tone

        public init(label: String, before: Double, after: Double, tone: Tone = .neutral) {
            self.label = label
            self.before = before
            self.after = after
            self.tone = tone
        }
    }

    public static func draw(title: String, beforeLabel: String, afterLabel: String, items: [Item], labels: ValueLabels = .plain) -> Chart {
        let valid = items.filter { $0.before.isFinite && $0.after.isFinite }
        let width = 640
        let height = max(160, 48 + 16 * valid.count)
        let area = PlotArea(left: 230, top: 34, right: 410, bottom: Double(height) - 14)
        let table = DataTable(columns: ["Team", beforeLabel, afterLabel], rows: valid.map { [$0.label, labels.value($0.before), labels.value($0.after)] })
        guard !valid.isEmpty else {
            return Chart(type: .slope, title: title, summary: "\(title): no data to show.", width: width, height: height, table: table, marks: [area.empty("No data")])
        }
        let scale = NiceScale(values: valid.flatMap { [$0.before, $0.after] })
        func y(_ v: Double) -> Double { scale.position(v, from: area.bottom, to: area.top) }
        var marks: [SVGNode] = [
            Label.text(beforeLabel, x: area.left, y: 16, anchor: "middle", className: "tick"),
            Label.text(afterLabel, x: area.right, y: 16, anchor: "middle", className: "tick"),
            .element("line", [("class", "axis"), ("x1", Coordinate.text(area.left)), ("x2", Coordinate.text(area.left)), ("y1", Coordinate.text(area.top)), ("y2", Coordinate.text(area.bottom))]),
            .element("line", [("class", "axis"), ("x1", Coordinate.text(area.right)), ("x2", Coordinate.text(area.right)), ("y1", Coordinate.text(area.top)), ("y2", Coordinate.text(area.bottom))]),
        ]
        for item in valid {
            marks.append(.titled("line", [("class", "slope \(item.tone.rawValue)"), ("stroke-width", "2"),
                                          ("x1", Coordinate.text(area.left)), ("y1", Coordinate.text(y(item.before))),
                                          ("x2", Coordinate.text(area.right)), ("y2", Coordinate.text(y(item.after)))],
                                 title: "\(item.label): \(labels.value(item.before)) to \(labels.value(item.after))"))
        }
        let style = SeriesStyle(index: -1)
        let left = LineChart.endLabels(valid.map { (y($0.before), "\($0.label) \(labels.value($0.before))", style) }, x: area.left - 8, top: area.top, bottom: area.bottom)
        let right = LineChart.endLabels(valid.map { (y($0.after), "\(Direction($0.after, from: $0.before).symbol)\(labels.value($0.after)) \($0.label)", style) }, x: area.right + 8, top: area.top, bottom: area.bottom)
        marks += left.map { $0.anchored("end") } + right
        let rising = valid.filter { $0.after > $0.before }.count
        let summary = "\(title): \(rising) of \(valid.count) team\(valid.count == 1 ? "" : "s") rose between \(beforeLabel) and \(afterLabel)."
        return Chart(type: .slope, title: title, summary: summary, width: width, height: height, table: table, marks: marks, plot: area)
    }
}

extension SVGNode {
    /// The same text node with another anchor.
    func anchored(_ anchor: String) -> SVGNode {
        guard case .element(let name, let attributes, let children) = kind else { return self }
        return .element(name, attributes.map { $0.0 == "text-anchor" ? ($0.0, anchor) : $0 }, children)
    }
}

private extension String {
    var trimmingLeadingSpace: String { String(drop { $0 == " " }) }
}
