import Formatting
import ReportModel

/// Usage against an outcome, one dot per team, and a caveat in plain words: correlation
/// across teams is not attribution. From `minTeamsForCorrelation` teams on it also gives
/// r with its 95% interval and draws the fitted line over the teams' range; with fewer,
/// it says there are too few teams to say anything.
///
/// Unlike the other charts, which are drawn by a function of their inputs, a scatter is a
/// value: pages read its points and its fit to say in words what r means.
public struct ScatterChart: Sendable {
    public struct Point: Sendable {
        var label: String
        var x: Double
        var y: Double

        public init(label: String, x: Double, y: Double) {
            self.label = label
            self.x = x
            self.y = y
        }
    }

    var title: String
    var xName: String
    var yName: String
    public var points: [Point]
    var xLabels: ValueLabels
    var yLabels: ValueLabels
    /// The fewest teams from which r is given: `site.yaml`'s `min_teams_for_correlation`.
    var minTeamsForCorrelation: Int

    public init(title: String, xName: String, yName: String, points: [Point], xLabels: ValueLabels = .plain, yLabels: ValueLabels = .plain,
                minTeamsForCorrelation: Int = SiteSettings.defaultMinTeamsForCorrelation) {
        self.title = title
        self.xName = xName
        self.yName = yName
        self.points = points
        self.xLabels = xLabels
        self.yLabels = yLabels
        self.minTeamsForCorrelation = minTeamsForCorrelation
    }

    /// The points with both values finite: the ones drawn.
    var shown: [Point] { points.filter { $0.x.isFinite && $0.y.isFinite } }

    /// What may be said about r: nothing below `minTeamsForCorrelation` teams, otherwise r
    /// and its 95% interval.
    public var correlation: Correlation {
        Correlation(r: fit?.r, count: shown.count, needed: minTeamsForCorrelation)
    }

    /// Pearson's r and the least-squares line, when there are two distinct x values.
    public var fit: (r: Double?, slope: Double, intercept: Double)? {
        let valid = shown
        guard valid.count >= 2 else { return nil }
        let n = Double(valid.count)
        let mx = valid.map(\.x).reduce(0, +) / n, my = valid.map(\.y).reduce(0, +) / n
        let sxx = valid.reduce(0) { $0 + ($1.x - mx) * ($1.x - mx) }
        let syy = valid.reduce(0) { $0 + ($1.y - my) * ($1.y - my) }
        let sxy = valid.reduce(0) { $0 + ($1.x - mx) * ($1.y - my) }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        let r = syy > 0 ? sxy / (sxx * syy).squareRoot() : nil
        return (r, slope, my - slope * mx)
    }

    public func draw() -> Chart {
        let width = 640
        let area = PlotArea(left: 64, top: 30, right: 600, bottom: 272)
        let valid = shown
        let table = DataTable(columns: ["Team", xName, yName], rows: valid.map { [$0.label, xLabels.value($0.x), yLabels.value($0.y)] })
        guard !valid.isEmpty else {
            return Chart(type: .scatter, title: title, summary: "\(title): no teams have both values.", width: width, height: 356, table: table, marks: [area.empty("No data")])
        }
        let xScale = NiceScale(values: valid.map(\.x)), yScale = NiceScale(values: valid.map(\.y))
        func x(_ value: Double) -> Double { xScale.position(value, from: area.left, to: area.right) }
        func y(_ value: Double) -> Double { yScale.position(value, from: area.bottom, to: area.top) }
        var marks: [SVGNode] = [area.valueAxis(yScale, unit: yLabels.tick), area.valueAxis(xScale, unit: xLabels.tick, .horizontal)]
        marks.append(Label.text(xName, x: area.left + area.width / 2, y: area.bottom + 32, width: 500, anchor: "middle", className: "note"))
        marks.append(Label.text(yName, x: area.left - 56, y: 14, width: 400, className: "note"))
        let correlation = self.correlation
        var fitted: [(x1: Double, y1: Double, x2: Double, y2: Double)] = []
        if correlation.isGiven, let fit {
            // Drawn only over the teams' own range: beyond it the line would show a
            // relationship where there are no teams. Clipped to the plot area as well.
            let x0 = valid.map(\.x).min()!, x1 = valid.map(\.x).max()!
            let y0 = min(max(fit.slope * x0 + fit.intercept, yScale.lower), yScale.upper)
            let y1 = min(max(fit.slope * x1 + fit.intercept, yScale.lower), yScale.upper)
            let sx0 = fit.slope == 0 ? x0 : (y0 - fit.intercept) / fit.slope, sx1 = fit.slope == 0 ? x1 : (y1 - fit.intercept) / fit.slope
            let line = (x1: x(min(max(sx0, x0), x1)), y1: y(y0), x2: x(min(max(sx1, x0), x1)), y2: y(y1))
            fitted.append(line)
            marks.append(.element("line", [("class", "fit"), ("x1", Coordinate.text(line.x1)), ("y1", Coordinate.text(line.y1)),
                                           ("x2", Coordinate.text(line.x2)), ("y2", Coordinate.text(line.y2))]))
        }
        let style = SeriesStyle(index: 0)
        // Markers are placed at their coordinates as written, and labels from those.
        let centres = valid.map { (x: Self.drawn(x($0.x)), y: Self.drawn(y($0.y))) }
        for (point, centre) in zip(valid, centres) {
            marks.append(style.marker(x: centre.x, y: centre.y, title: "\(point.label): \(xLabels.value(point.x)), \(yLabels.value(point.y))"))
        }
        var entries = 0
        if valid.count <= Self.mostLabelled {
            let labels = PointLabels(points: centres, labels: valid.map(\.label),
                                     frame: .init(left: area.left, top: area.top, right: area.right, bottom: area.bottom), avoiding: fitted)
            marks += Self.marks(labels)
            marks += key(labels, valid, top: area.bottom + 52)
            entries = labels.numbered.count + labels.unplaced.count
        }
        // The key, a row for every two entries, pushes the caveat down.
        let rows = (entries + 1) / 2
        let caveatTop = rows == 0 ? 332 : area.bottom + 52 + Double(rows) * 16 + 12
        let height = Int(caveatTop) + 24
        // Two lines, so that r, its interval and the words fit the chart's width.
        marks.append(Label.text(caveat(correlation), x: area.left, y: caveatTop, width: 570, className: "caveat"))
        marks.append(Label.text("Correlation is not attribution.", x: area.left, y: caveatTop + 16, width: 570, className: "caveat"))
        return Chart(type: .scatter, title: title, summary: summary(correlation), width: width, height: height, table: table, marks: marks, plot: area)
    }

    /// Above this many teams, points are not labelled: the data table names them.
    static let mostLabelled = 15

    /// A coordinate as `Coordinate` writes it, so labels are placed from what is drawn.
    private static func drawn(_ value: Double) -> Double {
        Double(Coordinate.text(value)) ?? value
    }

    /// Each placed label or number, with its leader line first.
    private static func marks(_ labels: PointLabels) -> [SVGNode] {
        labels.placed.sorted { $0.point < $1.point }.flatMap { label -> [SVGNode] in
            var nodes: [SVGNode] = []
            if let leader = label.leader {
                nodes.append(.element("line", [("class", "leader"), ("x1", Coordinate.text(leader.x1)), ("y1", Coordinate.text(leader.y1)),
                                               ("x2", Coordinate.text(leader.x2)), ("y2", Coordinate.text(leader.y2))]))
            }
            var children: [SVGNode] = []
            if let full = label.full { children.append(.element("title", [], [.text(full)])) }
            children.append(.text(label.text))
            nodes.append(.element("text", [("class", label.isNumber ? "point-number" : "label"), ("x", Coordinate.text(label.x)),
                                           ("y", Coordinate.text(label.y)), ("text-anchor", label.anchor)], children))
            return nodes
        }
    }

    /// The key under the chart: each numbered point's number and name, then each point
    /// with neither label nor number, named with its two values as its marker's title
    /// gives them. Only points drawn are listed, two to a row.
    private func key(_ labels: PointLabels, _ valid: [Point], top: Double) -> [SVGNode] {
        let entries = labels.numbered.map { (number: String($0.number), name: valid[$0.point].label, values: "") }
            + labels.unplaced.map { (number: "", name: valid[$0].label, values: ": \(xLabels.value(valid[$0].x)), \(yLabels.value(valid[$0].y))") }
        return entries.enumerated().flatMap { offset, entry -> [SVGNode] in
            let x = 64 + Double(offset % 2) * Self.keyColumn, y = top + Double(offset / 2) * 16
            var nodes: [SVGNode] = []
            if !entry.number.isEmpty {
                nodes.append(.element("text", [("class", "point-number"), ("x", Coordinate.text(x)), ("y", Coordinate.text(y)), ("text-anchor", "start")],
                                      [.text(entry.number)]))
            }
            // The name is cut to fit, never the values after it.
            let start = x + (entry.number.isEmpty ? 0 : 20)
            let room = Self.keyColumn - 16 - (start - x) - Double(entry.values.count) * Label.characterWidth
            let (shown, full) = Label.fit(entry.name, width: room)
            var children: [SVGNode] = []
            if full != nil { children.append(.element("title", [], [.text(entry.name + entry.values)])) }
            children.append(.text(shown + entry.values))
            nodes.append(.element("text", [("class", "key"), ("x", Coordinate.text(start)), ("y", Coordinate.text(y)), ("text-anchor", "start")], children))
            return nodes
        }
    }

    /// A key column's width: two fit under the plot.
    private static let keyColumn = 272.0

    /// The caveat's first line: `r = 0.80, 95% interval 0.35 to 0.95: a strong positive
    /// relationship.`, or that there are too few teams to say.
    func caveat(_ correlation: Correlation) -> String {
        let words = correlation.words
        guard let quoted = correlation.quoted else { return words.prefix(1).uppercased() + words.dropFirst() + "." }
        return "\(quoted): \(words)."
    }

    func summary(_ correlation: Correlation) -> String {
        let count = correlation.count
        let quoted = correlation.quoted.map { " (\($0))" } ?? ""
        return "\(yName) against \(xName) for \(count) team\(count == 1 ? "" : "s"): \(correlation.words)\(quoted). Correlation is not attribution."
    }
}
