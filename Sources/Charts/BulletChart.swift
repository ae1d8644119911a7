/// One headline number against its target and last quarter.
public enum BulletChart {
    public static func draw(title: String, value: Double, target: Double? = nil, previous: Double? = nil, tone: Tone = .neutral,
                            labels: ValueLabels = .plain) -> Chart {
        let width = 640, height = 72
        let area = PlotArea(left: 16, top: 8, right: 624, bottom: 40)
        let values = [value] + [target, previous].compactMap { $0 }
        let scale = NiceScale(values: values.filter(\.isFinite), includeZero: true, targetTicks: 4)
        func x(_ v: Double) -> Double { scale.position(v, from: area.left, to: area.right) }
        var marks: [SVGNode] = [
            .element("rect", [("class", "range"), ("x", Coordinate.text(area.left)), ("y", Coordinate.text(area.top)),
                              ("width", Coordinate.text(area.width)), ("height", Coordinate.text(area.height))]),
        ]
        if value.isFinite {
            let start = x(min(0, value)), end = x(max(0, value))
            marks.append(.titled("rect", [("class", "bar \(tone.rawValue)"), ("x", Coordinate.text(start)), ("y", Coordinate.text(area.top + 10)),
                                          ("width", Coordinate.text(max(1, end - start))), ("height", "12")], title: "Now: \(labels.value(value))"))
        }
        if let previous, previous.isFinite {
            marks.append(.titled("line", [("class", "previous"), ("x1", Coordinate.text(x(previous))), ("x2", Coordinate.text(x(previous))),
                                          ("y1", Coordinate.text(area.top + 6)), ("y2", Coordinate.text(area.bottom - 6))], title: "Last quarter: \(labels.value(previous))"))
        }
        if let target, target.isFinite {
            marks.append(.titled("line", [("class", "target"), ("x1", Coordinate.text(x(target))), ("x2", Coordinate.text(x(target))),
                                          ("y1", Coordinate.text(area.top)), ("y2", Coordinate.text(area.bottom))], title: "Target: \(labels.value(target))"))
        }
        var legend = "Now \(labels.value(value))"
        if let previous { legend += " · last quarter \(labels.value(previous)) (solid tick)" }
        if let target { legend += " · target \(labels.value(target)) (dashed)" }
        marks.append(Label.text(legend, x: area.left, y: Double(height) - 10, width: 600, className: "note"))
        var summary = "\(title): \(labels.value(value))"
        if let previous { summary += ", against \(labels.value(previous)) last quarter" }
        if let target { summary += "; target \(labels.value(target))" }
        let table = DataTable(columns: ["", "Value"], rows: [["Now", labels.value(value)]]
            + (previous.map { [["Last quarter", labels.value($0)]] } ?? []) + (target.map { [["Target", labels.value($0)]] } ?? []))
        return Chart(type: .bullet, title: title, summary: summary + ".", width: width, height: height, table: table, marks: marks, plot: area)
    }
}
