/// A tiny trend for KPI cards and tables: no axes, the last point marked.
public enum Sparkline {
    public static func draw(title: String, periods: [String], values: [Double?], labels: ValueLabels = .plain) -> Chart {
        let width = 120, height = 28
        let points = values.prefix(periods.count).enumerated().compactMap { i, v in v.map { (i, $0) } }
        let table = DataTable(columns: ["Quarter", "Value"], rows: points.map { [periods[$0.0], labels.value($0.1)] })
        let summary: String
        if let first = points.first, let last = points.last, points.count > 1 {
            summary = "\(title) went from \(labels.value(first.1)) in \(periods[first.0]) to \(labels.value(last.1)) in \(periods[last.0])."
        } else if let only = points.first {
            summary = "\(title) was \(labels.value(only.1)) in \(periods[only.0])."
        } else {
            summary = "\(title): no data."
        }
        guard !points.isEmpty else {
            return Chart(type: .sparkline, title: title, summary: summary, width: width, height: height, table: table, marks: [])
        }
        let scale = NiceScale(values: points.map(\.1), targetTicks: 2)
        func x(_ index: Int) -> Double { periods.count == 1 ? 60 : 3 + Double(index) / Double(periods.count - 1) * 110 }
        func y(_ value: Double) -> Double { scale.position(value, from: 24, to: 4) }
        var path = ""
        var previous: Int?
        for (i, value) in points {
            path += (previous == i - 1 ? "L" : "M") + Coordinate.text(x(i)) + " " + Coordinate.text(y(value))
            previous = i
        }
        let last = points.last!
        let marks: [SVGNode] = [
            .element("path", [("class", "line s1"), ("d", path)]),
            .element("circle", [("class", "marker s1"), ("cx", Coordinate.text(x(last.0))), ("cy", Coordinate.text(y(last.1))), ("r", "2.5")]),
        ]
        return Chart(type: .sparkline, title: title, summary: summary, width: width, height: height, table: table, marks: marks, plot: PlotArea(left: 3, top: 4, right: 113, bottom: 24))
    }
}
