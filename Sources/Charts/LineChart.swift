/// A metric over quarters for one team or group (the first series) and its peers, with
/// a target line and a baseline marker. Missing quarters are gaps, never zero. Where a
/// series carries 95% intervals, a translucent band (`path.ci-band`) runs from low to
/// high under its line, over each run of quarters that have one.
public enum LineChart {
    public struct Series: Sendable {
        var name: String
        /// One value per period; nil is a gap.
        var values: [Double?]
        /// One published 95% interval per period, or none; nil is no band there.
        var intervals: [IntervalEnds?]

        public init(name: String, values: [Double?], intervals: [IntervalEnds?] = []) {
            self.name = name
            self.values = values
            self.intervals = intervals
        }

        func interval(_ index: Int) -> IntervalEnds? {
            index < intervals.count && index < values.count && values[index] != nil ? intervals[index] : nil
        }
    }

    /// - Parameter baseline: the index in `periods` of the baseline quarter, marked with a
    ///   dotted line.
    public static func draw(title: String, periods: [String], series: [Series], target: Double? = nil, baseline: Int? = nil,
                            labels: ValueLabels = .plain) -> Chart {
        let width = 640, height = 280
        let area = PlotArea(left: 56, top: 18, right: 480, bottom: 244)
        let intervalEnds = series.flatMap { line in periods.indices.compactMap(line.interval).flatMap { [$0.low, $0.high] } }
        let values = series.flatMap { $0.values.compactMap { $0 } }
        // A series with intervals is followed by its `ci_low` and `ci_high` columns, named
        // for the series only when more than one has them.
        let banded = series.map { line in periods.indices.contains { line.interval($0) != nil } }
        var columns = ["Quarter"]
        for (index, line) in series.enumerated() {
            columns.append(line.name)
            if banded[index] { columns += banded.filter { $0 }.count == 1 ? ["ci_low", "ci_high"] : ["\(line.name) ci_low", "\(line.name) ci_high"] }
        }
        var table = DataTable(columns: columns, rows: [])
        for (index, period) in periods.enumerated() {
            var row = [period]
            for (number, line) in series.enumerated() {
                row.append(index < line.values.count ? line.values[index].map(labels.value) ?? "" : "")
                if banded[number] {
                    let interval = line.interval(index)
                    row += [interval.map { labels.value($0.low) } ?? "", interval.map { labels.value($0.high) } ?? ""]
                }
            }
            table.rows.append(row)
        }
        guard !values.isEmpty, !periods.isEmpty else {
            return Chart(type: .line, title: title, summary: "\(title): no data to show.", width: width, height: height,
                         table: table, marks: [area.empty("No data")])
        }
        let scale = NiceScale(values: values + intervalEnds + (target.map { [$0] } ?? []))
        func x(_ index: Int) -> Double {
            periods.count == 1 ? area.left + area.width / 2 : area.left + Double(index) / Double(periods.count - 1) * area.width
        }
        func y(_ value: Double) -> Double { scale.position(value, from: area.bottom, to: area.top) }

        var marks: [SVGNode] = [area.valueAxis(scale, unit: labels.tick)]
        let step = periods.count > 12 ? 2 : 1
        var periodLabels: [SVGNode] = []
        for (index, period) in periods.enumerated() where index % step == 0 || index == periods.count - 1 {
            periodLabels.append(.element("text", [("class", "tick"), ("x", Coordinate.text(x(index))), ("y", Coordinate.text(area.bottom + 18)), ("text-anchor", "middle")], [.text(period)]))
        }
        marks.append(.element("g", [("class", "period-axis")], periodLabels))
        if let baseline, periods.indices.contains(baseline) {
            marks.append(.element("line", [("class", "baseline"), ("x1", Coordinate.text(x(baseline))), ("x2", Coordinate.text(x(baseline))),
                                           ("y1", Coordinate.text(area.top)), ("y2", Coordinate.text(area.bottom))]))
            marks.append(Label.text("baseline", x: x(baseline) + 4, y: area.top + 10, className: "note"))
        }
        if let target {
            marks.append(.element("line", [("class", "target"), ("x1", Coordinate.text(area.left)), ("x2", Coordinate.text(area.right)),
                                           ("y1", Coordinate.text(y(target))), ("y2", Coordinate.text(y(target)))]))
        }

        // Bands under every line, each run of quarters with an interval one polygon.
        for index in series.indices.reversed() where banded[index] {
            marks += Self.bands(series[index], count: periods.count, x: x, y: y, className: SeriesStyle(index: index).className)
        }
        // Peers first, the focus series last, so it is drawn on top.
        var ends: [(y: Double, text: String, style: SeriesStyle)] = []
        for index in series.indices.reversed() {
            let style = SeriesStyle(index: index)
            let points = series[index].values.prefix(periods.count).enumerated().compactMap { i, v in v.map { (i, $0) } }
            var path = ""
            var previous: Int?
            for (i, value) in points {
                path += (previous == i - 1 ? "L" : "M") + Coordinate.text(x(i)) + " " + Coordinate.text(y(value))
                previous = i
            }
            var attributes = [("class", "line \(style.className)\(index == 0 ? "" : " peer")"), ("d", path)]
            if let dash = style.dash { attributes.append(("stroke-dasharray", dash)) }
            var group: [SVGNode] = [.element("path", attributes)]
            for (i, value) in points {
                group.append(style.marker(x: x(i), y: y(value),
                                          title: "\(series[index].name), \(periods[i]): \(IntervalEnds.text(labels.value(value), series[index].interval(i), labels))"))
            }
            marks.append(.element("g", [("class", "series")], group))
            if let last = points.last { ends.append((y(last.1), series[index].name, style)) }
        }
        if let target { ends.append((y(target), "Target " + labels.value(target), SeriesStyle(index: -1))) }
        marks += Self.endLabels(ends, x: area.right + 8, top: area.top, bottom: area.bottom)
        let summary = Self.summary(title: title, periods: periods, series: series, target: target, labels: labels)
        return Chart(type: .line, title: title, summary: summary, width: width, height: height, table: table, marks: marks, plot: area)
    }

    /// The band of one series: along the high ends of a run of consecutive quarters with
    /// an interval, then back along the low ends. A lone quarter is a thin bar 6 px wide.
    static func bands(_ line: Series, count: Int, x: (Int) -> Double, y: (Double) -> Double, className: String) -> [SVGNode] {
        var runs: [[Int]] = []
        for index in 0..<count where line.interval(index) != nil {
            if let last = runs.last?.last, last == index - 1 { runs[runs.count - 1].append(index) } else { runs.append([index]) }
        }
        return runs.map { run in
            let intervals = run.map { line.interval($0)! }
            var d = ""
            if run.count == 1 {
                let (centre, interval) = (x(run[0]), intervals[0])
                d = "M\(Coordinate.text(centre - 3)) \(Coordinate.text(y(interval.high)))L\(Coordinate.text(centre + 3)) \(Coordinate.text(y(interval.high)))"
                    + "L\(Coordinate.text(centre + 3)) \(Coordinate.text(y(interval.low)))L\(Coordinate.text(centre - 3)) \(Coordinate.text(y(interval.low)))Z"
            } else {
                for (step, index) in run.enumerated() {
                    d += (step == 0 ? "M" : "L") + Coordinate.text(x(index)) + " " + Coordinate.text(y(intervals[step].high))
                }
                for (step, index) in run.enumerated().reversed() {
                    d += "L" + Coordinate.text(x(index)) + " " + Coordinate.text(y(intervals[step].low))
                }
                d += "Z"
            }
            return .element("path", [("class", "ci-band \(className)"), ("d", d)])
        }
    }

    /// Labels at the right end of each line, nudged apart so none overlap.
    static func endLabels(_ ends: [(y: Double, text: String, style: SeriesStyle)], x: Double, top: Double, bottom: Double) -> [SVGNode] {
        var placed = ends.sorted { $0.y < $1.y }
        let gap = 14.0
        for index in placed.indices {
            let floor = index == 0 ? top + 4 : placed[index - 1].y + gap
            placed[index].y = max(placed[index].y, floor)
        }
        // If the stack ran off the bottom, push back up from there, moving only labels
        // that collide; if they cannot all fit, space them evenly.
        if let last = placed.indices.last, placed[last].y > bottom {
            placed[last].y = bottom
            for index in placed.indices.dropLast().reversed() {
                placed[index].y = min(placed[index].y, placed[index + 1].y - gap)
            }
            if placed[0].y < top + 4 {
                let step = placed.count > 1 ? (bottom - top - 4) / Double(placed.count - 1) : 0
                for index in placed.indices { placed[index].y = top + 4 + Double(index) * step }
            }
        }
        return placed.map { Label.text($0.text, x: x, y: $0.y + 4, width: 150, className: $0.style.index < 0 ? "note" : "label") }
    }

    static func summary(title: String, periods: [String], series: [Series], target: Double?, labels: ValueLabels) -> String {
        guard let focus = series.first else { return "\(title): no data." }
        let points = focus.values.prefix(periods.count).enumerated().compactMap { i, v in v.map { (periods[i], $0) } }
        var sentence: String
        let latest = focus.values.prefix(periods.count).indices.last { focus.values[$0] != nil }.flatMap(focus.interval)
        if let first = points.first, let last = points.last, points.count > 1 {
            let verb = last.1 > first.1 ? "rose" : last.1 < first.1 ? "fell" : "held"
            sentence = verb == "held"
                ? "\(focus.name) held at \(labels.value(last.1)) from \(first.0) to \(last.0)"
                : "\(focus.name) \(verb) from \(labels.value(first.1)) to \(labels.value(last.1)) between \(first.0) and \(last.0)"
        } else if let only = points.first {
            sentence = "\(focus.name) was \(labels.value(only.1)) in \(only.0)"
        } else {
            sentence = "\(focus.name) has no values"
        }
        if let latest, let last = points.last {
            sentence += "; \(last.0): 95% interval \(labels.value(latest.low)) to \(labels.value(latest.high))"
        }
        if let target { sentence += "; target \(labels.value(target))" }
        if series.count > 1 { sentence += "; shown with \(series.count - 1) peer\(series.count == 2 ? "" : "s")" }
        return sentence + "."
    }
}
