import Foundation
import TestSupport
@testable import Charts

/// Each chart type's marks, read against the values their own text shows. A mark is
/// where its shown value falls, within what writing coordinates to 0.1 px can move it,
/// or it is a problem: the picture would carry a digit the text does not.
extension ChartReader {
    /// What reading one chart found.
    struct Findings {
        /// How many positions and colours were compared.
        var checked = 0
        var problems: [String] = []

        /// Compares where a mark is drawn with where its shown value falls.
        /// - Parameter tolerance: 0.1 px when both come from one written coordinate each
        ///   (the mark, and a tick or exact scale); more where a position adds two.
        mutating func position(_ what: @autoclosure () -> String, drawn: Double, shown: Double, tolerance: Double = 0.1) {
            checked += 1
            if !(abs(drawn - shown) <= tolerance + 1e-9) {
                problems.append("\(what()): drawn at \(drawn), its shown value is at \(Self.rounded(shown)) (\(Self.rounded(drawn - shown)) px off)")
            }
        }

        mutating func problem(_ text: String) { problems.append(text) }

        static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
    }

    /// Reads every mark of the chart against the values it shows (and, for sparklines and
    /// heatmaps, the values the site's metric pages show).
    func check(_ shown: ShownValues) -> Findings {
        var findings = Findings()
        switch type {
        case "line": checkLine(&findings)
        case "bar": checkBar(&findings)
        case "bullet": checkBullet(&findings)
        case "slope": checkSlope(&findings)
        case "scatter": checkScatter(&findings)
        case "stacked": checkStacked(&findings)
        case "heatmap": checkHeatmap(&findings, shown)
        case "sparkline": checkSparkline(&findings, shown)
        default: findings.problem("\(title): no reading for a chart of type \(type ?? "?")")
        }
        return findings.prefixed(by: "\(type ?? "?") “\(title)”")
    }

    /// Elements with a class, anywhere in the chart.
    func marks(_ name: String, class className: String) -> [XMLTree] {
        root.all.filter { $0.name == name && $0.classes.contains(className) }
    }

    /// The text after the last `: ` of a mark's title: the value it shows.
    static func shownText(_ title: String?) -> String? {
        guard let title, let colon = title.range(of: ": ", options: .backwards) else { return nil }
        return String(title[colon.upperBound...])
    }

    static func coordinate(_ node: XMLTree, _ name: String) -> Double { Double(node[name] ?? "") ?? .nan }

    // MARK: Charts with a value axis

    func checkLine(_ findings: inout Findings) {
        guard let axis = axes.first else {
            if !linePoints.isEmpty { findings.problem("points but no value axis") }
            return
        }
        for point in linePoints {
            guard let value = Self.number(in: point.shown) else { findings.problem("\(point.series), \(point.period): no value in “\(point.shown)”"); continue }
            findings.position("\(point.series), \(point.period) (\(point.shown))", drawn: point.y, shown: axis.position(of: value))
        }
        checkBands(&findings, axis)
        for marker in root.all where marker.classes.contains("marker") {
            guard let text = Self.shownText(marker.title), let value = Self.number(in: text) else { continue }
            if marker.name == "circle" {
                findings.position("marker \(marker.title!)", drawn: Self.coordinate(marker, "cy"), shown: axis.position(of: value))
            } else if marker.name == "rect" {
                findings.position("marker \(marker.title!)", drawn: Self.coordinate(marker, "y") + 3.5, shown: axis.position(of: value))
            }
        }
        let labels = marks("text", class: "note").map { $0.title ?? $0.text }
        for line in marks("line", class: "target") {
            guard let label = labels.first(where: { $0.hasPrefix("Target ") }), let value = Self.number(in: String(label.dropFirst(7))) else {
                findings.problem("a target line without its label")
                continue
            }
            findings.position(label, drawn: Self.coordinate(line, "y1"), shown: axis.position(of: value))
        }
    }

    func checkBar(_ findings: inout Findings) {
        let bars = marks("rect", class: "bar")
        guard let axis = axes.first else {
            if !bars.isEmpty { findings.problem("bars but no value axis") }
            return
        }
        for bar in bars {
            guard let text = Self.shownText(bar.title), let value = Self.number(in: text) else { findings.problem("a bar without a value: \(bar.title ?? "")"); continue }
            let x = Self.coordinate(bar, "x"), width = Self.coordinate(bar, "width")
            let (start, end) = (axis.position(of: min(0, value)), axis.position(of: max(0, value)))
            findings.position("\(bar.title!) starts", drawn: x, shown: start)
            // A bar is at least 1 px wide, so that a zero still shows.
            if end - start >= 1 || width > 1 {
                findings.position("\(bar.title!) ends", drawn: x + width, shown: end, tolerance: 0.15)
            }
        }
        // A whisker runs between the two ends its title states, which are its bar's.
        let stated = Set(bars.compactMap { Self.interval(in: $0.title ?? "") }.map { "\($0.low) \($0.high)" })
        for whisker in root.all where whisker.name == "g" && whisker.classes.contains("whisker") {
            guard let ends = Self.interval(in: whisker.title ?? "") else { findings.problem("a whisker without its interval"); continue }
            if !stated.contains("\(ends.low) \(ends.high)") { findings.problem("\(whisker.title!): no bar states this interval") }
            let positions = [axis.position(of: ends.low), axis.position(of: ends.high)]
            for line in whisker.children where line.name == "line" {
                for end in ["x1", "x2"] {
                    let drawn = Self.coordinate(line, end)
                    let nearest = positions.min { abs($0 - drawn) < abs($1 - drawn) }!
                    findings.position("\(whisker.title!) \(end)", drawn: drawn, shown: nearest)
                }
            }
        }
    }

    /// `… 95% interval 25% to 40%`: the two ends, as numbers.
    static func interval(in text: String) -> (low: Double, high: Double)? {
        guard let start = text.range(of: "95% interval ", options: .backwards) else { return nil }
        let rest = String(text[start.upperBound...])
        guard let to = rest.range(of: " to "), let low = number(in: String(rest[..<to.lowerBound])),
              let high = number(in: String(rest[to.upperBound...])) else { return nil }
        return (low, high)
    }

    /// Each corner of a line's band sits at an end of the interval that a marker at its
    /// quarter states (a lone quarter's band is 6 px wide around it).
    func checkBands(_ findings: inout Findings, _ axis: Axis) {
        let stated = linePoints.compactMap { point in Self.interval(in: point.shown).map { (point, $0) } }
        for band in marks("path", class: "ci-band") {
            let corners = (band["d"] ?? "").split(whereSeparator: { "MLZ".contains($0) }).compactMap { pair -> (Double, Double)? in
                let numbers = pair.split(separator: " ").compactMap { Double($0) }
                return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
            }
            if corners.isEmpty { findings.problem("a band without corners") }
            for (x, y) in corners {
                let here = stated.filter { abs($0.0.x - x) <= 3.05 }
                guard !here.isEmpty else { findings.problem("a band corner at x \(x) where no point states an interval"); continue }
                let positions = here.flatMap { [axis.position(of: $0.1.low), axis.position(of: $0.1.high)] }
                let nearest = positions.min { abs($0 - y) < abs($1 - y) }!
                findings.position("band corner at x \(x)", drawn: y, shown: nearest)
            }
        }
    }

    func checkScatter(_ findings: inout Findings) {
        let markers = marks("circle", class: "marker")
        guard axes.count == 2 else {
            if !markers.isEmpty { findings.problem("points without both axes") }
            return
        }
        let (yAxis, xAxis) = (axes[0], axes[1])
        var points: [(x: Double, y: Double)] = []
        for marker in markers {
            let title = marker.title ?? ""
            let values = (Self.shownText(title) ?? "").components(separatedBy: ", ").compactMap(Self.number(in:))
            guard values.count == 2 else { findings.problem("a point without its two values: \(title)"); continue }
            points.append((values[0], values[1]))
            findings.position("\(title) across", drawn: Self.coordinate(marker, "cx"), shown: xAxis.position(of: values[0]))
            findings.position("\(title) up", drawn: Self.coordinate(marker, "cy"), shown: yAxis.position(of: values[1]))
        }
        // The fitted line and r are those of the points as shown.
        let fit = ScatterChart(title: "", xName: "", yName: "", points: points.map { .init(label: "", x: $0.x, y: $0.y) }).fit
        for line in marks("line", class: "fit") {
            guard let fit else { findings.problem("a fitted line where the shown points have none"); continue }
            for end in ["1", "2"] {
                let (px, py) = (Self.coordinate(line, "x" + end), Self.coordinate(line, "y" + end))
                let slope = abs(yAxis.position(of: fit.slope) - yAxis.position(of: 0)) / abs(xAxis.position(of: 1) - xAxis.position(of: 0))
                findings.position("the fitted line's end \(end)", drawn: py, shown: yAxis.position(of: fit.slope * xAxis.value(at: px) + fit.intercept),
                                  tolerance: 0.1 + 0.05 * slope)
            }
        }
        // A caveat that quotes r quotes the r and interval of the shown points; one that
        // gives none counts the shown points.
        if let caveat = marks("text", class: "caveat").first.map({ $0.title ?? $0.text }) {
            let shown = ScatterChart(title: "", xName: "", yName: "", points: points.map { .init(label: "", x: $0.x, y: $0.y) },
                                     minTeamsForCorrelation: min(points.count, Correlation.fewestTeams))
            findings.checked += 1
            if caveat.hasPrefix("r ") {
                let quoted = shown.correlation.quoted ?? "no r"
                if !caveat.hasPrefix(quoted + ":") { findings.problem("says “\(caveat.prefix(40))…” where the shown points give \(quoted)") }
            } else if !caveat.contains("(\(points.count) team\(points.count == 1 ? "" : "s");") {
                findings.problem("says “\(caveat.prefix(80))…” of \(points.count) points")
            }
        }
    }

    // MARK: Charts whose scale is not drawn

    // Bullets, slopes and sparklines have no axis: a reader who knows how the chart is
    // drawn rebuilds its scale from the values it shows, the nice scale over them.

    func checkBullet(_ findings: inout Findings) {
        guard let range = marks("rect", class: "range").first else { return }
        let (left, right) = (Self.coordinate(range, "x"), Self.coordinate(range, "x") + Self.coordinate(range, "width"))
        var values: [(node: XMLTree, value: Double)] = []
        for node in root.all where node.name == "rect" && node.classes.contains("bar") || node.name == "line" {
            guard let text = Self.shownText(node.title), let value = Self.number(in: text) else { continue }
            values.append((node, value))
        }
        let scale = NiceScale(values: values.map(\.value), includeZero: true, targetTicks: 4)
        for (node, value) in values {
            let at = scale.position(value, from: left, to: right)
            if node.name == "line" {
                findings.position(node.title!, drawn: Self.coordinate(node, "x1"), shown: at)
            } else {
                let x = Self.coordinate(node, "x"), width = Self.coordinate(node, "width")
                let zero = scale.position(0, from: left, to: right)
                findings.position(node.title! + " starts", drawn: x, shown: min(zero, at))
                if abs(at - zero) >= 1 || width > 1 { findings.position(node.title! + " ends", drawn: x + width, shown: max(zero, at), tolerance: 0.15) }
            }
        }
    }

    func checkSlope(_ findings: inout Findings) {
        let slopes = marks("line", class: "slope")
        guard let axis = marks("line", class: "axis").first, !slopes.isEmpty else { return }
        let (top, bottom) = (Self.coordinate(axis, "y1"), Self.coordinate(axis, "y2"))
        var items: [(node: XMLTree, before: Double, after: Double)] = []
        for slope in slopes {
            let parts = (Self.shownText(slope.title) ?? "").components(separatedBy: " to ").compactMap(Self.number(in:))
            guard parts.count == 2 else { findings.problem("a slope without its two values: \(slope.title ?? "")"); continue }
            items.append((slope, parts[0], parts[1]))
        }
        let scale = NiceScale(values: items.flatMap { [$0.before, $0.after] })
        for item in items {
            findings.position(item.node.title! + ", before", drawn: Self.coordinate(item.node, "y1"), shown: scale.position(item.before, from: bottom, to: top))
            findings.position(item.node.title! + ", after", drawn: Self.coordinate(item.node, "y2"), shown: scale.position(item.after, from: bottom, to: top))
        }
    }

    func checkSparkline(_ findings: inout Findings, _ shown: ShownValues) {
        guard let path = marks("path", class: "line").first else { return }
        guard let (metric, team) = shown.metric(openingTitle: title) else {
            findings.problem("names no metric the site shows")
            return
        }
        let periods = shown.periods
        // As Sparkline draws: quarters spread over x 3 to 113, values over y 24 to 4.
        var points: [(period: String, y: Double, value: Double)] = []
        for point in Self.points(inPath: path["d"] ?? "") {
            let index = periods.count == 1 ? 0 : Int(((point.x - 3) / 110 * Double(periods.count - 1)).rounded())
            guard periods.indices.contains(index), let value = shown.number(metric.name, team, periods[index]) else {
                findings.problem("a point at x \(point.x) whose value \(team)'s row on the \(metric.name) page does not show")
                continue
            }
            points.append((periods[index], point.y, value))
        }
        let scale = NiceScale(values: points.map(\.value), targetTicks: 2)
        for point in points {
            findings.position("\(point.period) (\(shown.text[metric.name]?[team]?[point.period] ?? ""))", drawn: point.y,
                              shown: scale.position(point.value, from: 24, to: 4))
        }
        if let marker = marks("circle", class: "marker").first, let last = points.last {
            findings.position("the last point's marker", drawn: Self.coordinate(marker, "cy"), shown: scale.position(last.value, from: 24, to: 4))
        }
    }

    // MARK: Shares and shades

    func checkStacked(_ findings: inout Findings) {
        // Each row's parts, left to right; the legend's swatches have no title.
        var rows: [String: [(x: Double, width: Double, percent: Double, title: String)]] = [:]
        var order: [String] = []
        for rect in root.all where rect.name == "rect" && rect.classes.contains(where: { $0.hasPrefix("part-") }) {
            guard let title = rect.title, let text = Self.shownText(title), let percent = Self.number(in: text),
                  let comma = title.range(of: ", ", options: .backwards) else { continue }
            let row = String(title[..<comma.lowerBound])
            if rows[row] == nil { order.append(row) }
            rows[row, default: []].append((Self.coordinate(rect, "x"), Self.coordinate(rect, "width"), percent, title))
        }
        var fullWidth: Double?
        for row in order {
            let parts = rows[row]!
            let left = parts[0].x, width = parts.last!.x + parts.last!.width - left
            findings.checked += 1
            if parts.map(\.percent).reduce(0, +) != 100 { findings.problem("\(row): shares sum to \(parts.map(\.percent).reduce(0, +))%, not 100%") }
            if let fullWidth, abs(fullWidth - width) > 0.15 { findings.problem("\(row): \(width) wide where the first row is \(fullWidth)") }
            fullWidth = fullWidth ?? width
            var before = 0.0
            for part in parts {
                findings.position("\(part.title) starts", drawn: part.x, shown: left + before / 100 * width, tolerance: 0.15)
                findings.position("\(part.title) is wide", drawn: part.width, shown: part.percent / 100 * width, tolerance: 0.15)
                before += part.percent
            }
        }
    }

    func checkHeatmap(_ findings: inout Findings, _ shown: ShownValues) {
        // The quarter ends the title: "Change from baseline, 2026-Q3".
        guard let comma = title.range(of: ", ", options: .backwards), shown.periods.contains(String(title[comma.upperBound...])) else {
            findings.problem("no quarter at the end of the title")
            return
        }
        let period = String(title[comma.upperBound...])
        for cell in root.all where cell.name == "rect" {
            guard let heat = cell.classes.first(where: { $0.hasPrefix("heat-") }), heat != "heat-none" else { continue }
            guard let title = cell.title, let colon = title.range(of: ": ", options: .backwards),
                  let value = Self.number(in: String(title[colon.upperBound...])) else {
                findings.problem("a shaded cell without a value")
                continue
            }
            let names = String(title[..<colon.lowerBound])
            guard let (metric, team) = shown.metrics.values.filter({ names.hasSuffix(", " + $0.name) }).max(by: { $0.name.count < $1.name.count })
                .map({ ($0, String(names.dropLast($0.name.count + 2))) }) else {
                findings.problem("\(title): no metric the site shows")
                continue
            }
            // The shade is the change from the baseline as both are shown: 25% or more is
            // the darkest, the same as Heatmap's scale.
            var score: Double?
            if let baseline = metric.baseline?.description, baseline < period, metric.better != .neutral,
               let from = shown.number(metric.name, team, baseline), from != 0 {
                let relative = (value - from) / abs(from)
                score = max(-1, min(1, (metric.better == .higher ? relative : -relative) / 0.25))
            }
            findings.checked += 1
            let expected = Heatmap.heatClass(score)
            // A change the report does not judge (within noise, or between different teams)
            // is left neutral: a neutral cell shows less than its numbers, never more.
            if heat != expected && heat != "heat-neutral" {
                findings.problem("\(title): shaded \(heat) where its shown change from baseline is \(expected)")
            }
        }
    }
}

extension ChartReader.Findings {
    func prefixed(by name: String) -> Self {
        Self(checked: checked, problems: problems.map { "\(name): \($0)" })
    }
}
