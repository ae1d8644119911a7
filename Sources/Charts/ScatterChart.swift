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
        let width = 640, height = 356
        let area = PlotArea(left: 64, top: 30, right: 600, bottom: 272)
        let valid = shown
        let table = DataTable(columns: ["Team", xName, yName], rows: valid.map { [$0.label, xLabels.value($0.x), yLabels.value($0.y)] })
        guard !valid.isEmpty else {
            return Chart(type: .scatter, title: title, summary: "\(title): no teams have both values.", width: width, height: height, table: table, marks: [area.empty("No data")])
        }
        let xScale = NiceScale(values: valid.map(\.x)), yScale = NiceScale(values: valid.map(\.y))
        func x(_ value: Double) -> Double { xScale.position(value, from: area.left, to: area.right) }
        func y(_ value: Double) -> Double { yScale.position(value, from: area.bottom, to: area.top) }
        var marks: [SVGNode] = [area.valueAxis(yScale, unit: yLabels.tick), area.valueAxis(xScale, unit: xLabels.tick, .horizontal)]
        marks.append(Label.text(xName, x: area.left + area.width / 2, y: area.bottom + 32, width: 500, anchor: "middle", className: "note"))
        marks.append(Label.text(yName, x: area.left - 56, y: 14, width: 400, className: "note"))
        let correlation = self.correlation
        if correlation.isGiven, let fit {
            // Drawn only over the teams' own range: beyond it the line would show a
            // relationship where there are no teams. Clipped to the plot area as well.
            let x0 = valid.map(\.x).min()!, x1 = valid.map(\.x).max()!
            let y0 = min(max(fit.slope * x0 + fit.intercept, yScale.lower), yScale.upper)
            let y1 = min(max(fit.slope * x1 + fit.intercept, yScale.lower), yScale.upper)
            let sx0 = fit.slope == 0 ? x0 : (y0 - fit.intercept) / fit.slope, sx1 = fit.slope == 0 ? x1 : (y1 - fit.intercept) / fit.slope
            marks.append(.element("line", [("class", "fit"), ("x1", Coordinate.text(x(min(max(sx0, x0), x1)))), ("y1", Coordinate.text(y(y0))),
                                           ("x2", Coordinate.text(x(min(max(sx1, x0), x1)))), ("y2", Coordinate.text(y(y1)))]))
        }
        let style = SeriesStyle(index: 0)
        for point in valid {
            marks.append(style.marker(x: x(point.x), y: y(point.y), title: "\(point.label): \(xLabels.value(point.x)), \(yLabels.value(point.y))"))
            if valid.count <= 15 { marks.append(Label.text(point.label, x: x(point.x) + 7, y: y(point.y) - 6, width: 110)) }
        }
        // Two lines, so that r, its interval and the words fit the chart's width.
        marks.append(Label.text(caveat(correlation), x: area.left, y: Double(height) - 24, width: 570, className: "caveat"))
        marks.append(Label.text("Correlation is not attribution.", x: area.left, y: Double(height) - 8, width: 570, className: "caveat"))
        return Chart(type: .scatter, title: title, summary: summary(correlation), width: width, height: height, table: table, marks: marks, plot: area)
    }

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
