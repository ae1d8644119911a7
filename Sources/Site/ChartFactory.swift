import Analysis
import Charts
import Formatting
import ReportModel

/// Turns report data into charts. Only published values are drawn, and only as they
/// are shown: every number comes through `shown(_:_:_:)`, which reads it from `Report`
/// (so a hidden value is a gap, never a mark) and rounds it as its label does (so a mark
/// sits where its label's value falls, and measuring the picture tells a reader nothing
/// the text does not). Scales, tones, heat and shares follow from those numbers.
struct ChartFactory {
    let context: SiteContext

    var report: Report { context.report }

    /// A published value as pages show it; nil where absent or hidden.
    func shown(_ metric: Metric, _ scope: Scope, _ period: Period) -> Double? {
        report.value(metric.id, for: scope, in: period).map { ValueFormatter.displayed($0, for: metric) }
    }

    /// A published value's 95% interval as pages show it (`Report.shownInterval`): nil
    /// wherever its card prints no `± x`.
    func shownInterval(_ metric: Metric, _ scope: Scope, _ period: Period) -> IntervalEnds? {
        report.shownInterval(metric.id, for: scope, in: period).map { IntervalEnds(low: $0.low, high: $0.high) }
    }

    /// The metric's target as pages show it.
    func shownTarget(_ metric: Metric) -> Double? {
        metric.target.map { ValueFormatter.displayed($0, for: metric) }
    }

    /// The change between two quarters' shown values, judged on them: a move that rounds
    /// away is no change, in colour as in words.
    func shownChange(_ metric: Metric, _ scope: Scope, from start: Period, to end: Period) -> Change? {
        guard let from = shown(metric, scope, start), let to = shown(metric, scope, end) else { return nil }
        return Change(from: from, to: to, better: metric.better)
    }

    static func labels(_ metric: Metric) -> ValueLabels {
        ValueLabels(value: { ValueFormatter.value($0, for: metric) },
                    tick: TickUnit(isPercent: ValueFormatter.unit(for: metric) == "%"))
    }

    /// A scope's shown values over every quarter, nil where absent or hidden.
    func values(_ metric: Metric, _ scope: Scope) -> [Double?] {
        report.periods.map { shown(metric, scope, $0) }
    }

    func sparkline(_ metric: Metric, _ scope: Scope) -> Chart? {
        let values = values(metric, scope)
        guard values.compactMap({ $0 }).count >= 2 else { return nil }
        return drawn {
            Sparkline.draw(title: "\(metric.name), \(context.name(of: scope))", periods: report.periods.map(\.description),
                           values: values, labels: Self.labels(metric))
        }
    }

    /// The scopes first, then (when `withParent`) the first scope's parent for context.
    func line(_ metric: Metric, _ scopes: [Scope], title: String? = nil, withParent: Bool = false) -> Chart {
        var visible = scopes.filter { report.isVisible($0) }
        if withParent, let id = visible.first?.teamID {
            let parent = context.organization.parent(of: id)
            if !visible.contains(parent) { visible.append(parent) }
        }
        // Only the focus series carries its band: bands for peers would bury the lines.
        let series = visible.enumerated().map { index, scope in
            LineChart.Series(name: context.name(of: scope), values: values(metric, scope),
                             intervals: index == 0 ? report.periods.map { shownInterval(metric, scope, $0) } : [])
        }
        let baseline = metric.baseline.flatMap { report.periods.firstIndex(of: $0) }
        return drawn {
            LineChart.draw(title: title ?? "\(metric.name) by quarter", periods: report.periods.map(\.description), series: series,
                           target: shownTarget(metric), baseline: baseline, labels: Self.labels(metric))
        }
    }

    /// Teams in one quarter, coloured by the target when there is one, else by whether
    /// each is better than `reference` (usually the organization).
    func bar(_ metric: Metric, _ scopes: [Scope], period: Period, reference: Scope = .organization, title: String? = nil) -> Chart {
        let referenceValue = shown(metric, reference, period)
        let bars = scopes.compactMap { scope -> BarChart.Bar? in
            guard let value = shown(metric, scope, period) else { return nil }
            let against = shownTarget(metric) ?? referenceValue
            return BarChart.Bar(label: context.name(of: scope), value: value, tone: tone(metric, value, against: against),
                                direction: Direction(value, from: against), interval: shownInterval(metric, scope, period))
        }
        return drawn {
            BarChart.draw(title: title ?? "\(metric.name), \(period)", bars: bars, descending: metric.better != .lower,
                          labels: Self.labels(metric))
        }
    }

    func tone(_ metric: Metric, _ value: Double, against reference: Double?) -> Tone {
        guard let reference, metric.better != .neutral else { return .neutral }
        if value == reference { return .neutral }
        return (value > reference) == (metric.better == .higher) ? .good : .bad
    }

    /// Members × metrics, coloured by change from each metric's baseline.
    func heatmap(_ metrics: [Metric], _ scopes: [Scope], period: Period, title: String? = nil) -> Chart {
        let cells: [[Heatmap.Cell?]] = scopes.map { scope in
            metrics.map { metric in
                guard let value = shown(metric, scope, period) else { return nil }
                var score: Double?
                var direction = Direction.level
                if let baseline = metric.baseline, baseline < period, let from = shown(metric, scope, baseline) {
                    direction = Direction(value, from: from)
                }
                if let baseline = metric.baseline, baseline < period, metric.better != .neutral,
                   let relative = shownChange(metric, scope, from: baseline, to: period)?.relative {
                    // A quarter's change of 25% or more from baseline is the darkest shade.
                    // Shaded only when the report judges the change, as the cards do: a
                    // change within noise, or between different teams, stays neutral.
                    let judged = report.changeFromBaseline(metric.id, for: scope, in: period)?.assessment
                    let signed = metric.better == .higher ? relative : -relative
                    score = judged == .better || judged == .worse ? max(-1, min(1, signed / 0.25)) : 0
                }
                return Heatmap.Cell(text: ValueFormatter.value(value, for: metric), score: score, direction: direction)
            }
        }
        return drawn {
            Heatmap.draw(title: title ?? "Change from baseline, \(period)", rowNames: scopes.map(context.name(of:)),
                         columnNames: metrics.map(\.name), cells: cells)
        }
    }

    func scatter(x: Metric, y: Metric, _ scopes: [Scope], period: Period, title: String? = nil) -> Chart {
        scatterChart(x: x, y: y, scopes, period: period, title: title).drawn(context)
    }

    /// The scatter before drawing, for pages that also say what its r means.
    func scatterChart(x: Metric, y: Metric, _ scopes: [Scope], period: Period, title: String? = nil) -> ScatterChart {
        let points = scopes.compactMap { scope -> ScatterChart.Point? in
            guard let a = shown(x, scope, period), let b = shown(y, scope, period) else { return nil }
            return ScatterChart.Point(label: context.name(of: scope), x: a, y: b)
        }
        return ScatterChart(title: title ?? "\(y.name) against \(x.name), \(period)", xName: x.name, yName: y.name, points: points,
                            xLabels: Self.labels(x), yLabels: Self.labels(y), minTeamsForCorrelation: context.site.minTeamsForCorrelation)
    }

    func slope(_ metric: Metric, _ scopes: [Scope], from start: Period, to end: Period, title: String? = nil) -> Chart {
        let items = scopes.compactMap { scope -> SlopeChart.Item? in
            // Judged as the cards judge it, noise and all; its values are the shown ones.
            guard let change = report.change(metric.id, for: scope, from: start, to: end) else { return nil }
            let tone: Tone = switch change.assessment { case .better: .good; case .worse: .bad; default: .neutral }
            return SlopeChart.Item(label: context.name(of: scope), before: change.from, after: change.to, tone: tone)
        }
        return drawn {
            SlopeChart.draw(title: title ?? "\(metric.name), \(start) and \(end)", beforeLabel: start.description, afterLabel: end.description,
                            items: items, labels: Self.labels(metric))
        }
    }

    func bullet(_ metric: Metric, _ scope: Scope, period: Period, title: String? = nil) -> Chart? {
        guard let value = shown(metric, scope, period) else { return nil }
        let previous = shown(metric, scope, period.previous)
        let target = shownTarget(metric)
        return drawn {
            BulletChart.draw(title: title ?? "\(metric.name), \(context.name(of: scope)), \(period)", value: value, target: target,
                             previous: previous, tone: tone(metric, value, against: target ?? previous), labels: Self.labels(metric))
        }
    }

    /// Each team's metrics as shares of their sum: for metrics that split a whole.
    func stacked(_ metrics: [Metric], _ scopes: [Scope], period: Period, title: String? = nil) -> Chart {
        let rows = scopes.compactMap { scope -> StackedChart.Row? in
            // A hidden part cannot count as zero: the shown shares would give it away.
            if metrics.contains(where: { report.reading($0.id, for: scope, in: period)?.isSuppressed ?? false }) { return nil }
            let parts = metrics.map { shown($0, scope, period) ?? 0 }
            return parts.contains { $0 > 0 } ? StackedChart.Row(label: context.name(of: scope), parts: parts) : nil
        }
        return drawn { StackedChart.draw(title: title ?? "Shares, \(period)", partNames: Self.partNames(metrics.map(\.name)), rows: rows) }
    }

    /// A chart as `draw` makes it, the time it takes counted as drawing charts.
    private func drawn(_ draw: () -> Chart) -> Chart {
        context.options.timings.measure(.charts, draw)
    }

    /// Legend names without the prefix they all share: "Fluency level: advanced" and its
    /// siblings become "Advanced", which fits a legend; the chart's title names the whole.
    static func partNames(_ names: [String]) -> [String] {
        guard names.count > 1, let colon = names[0].range(of: ": ") else { return names }
        let prefix = names[0][..<colon.upperBound]
        guard names.allSatisfy({ $0.hasPrefix(prefix) && $0.count > prefix.count }) else { return names }
        return names.map { name in
            let rest = name.dropFirst(prefix.count)
            return rest.prefix(1).uppercased() + rest.dropFirst()
        }
    }
}

extension Charts.ScatterChart { func drawn(_ context: SiteContext) -> Chart { context.options.timings.measure(.charts) { draw() } } }
