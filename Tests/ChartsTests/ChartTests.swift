import Foundation
import Testing
import TestSupport
@testable import Charts

@Suite("Charts: goldens, XML, escaping")
struct ChartTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test("every chart type and degenerate case matches its golden SVG",
          arguments: Array(ChartSamples.all.keys.sorted() + ChartSamples.degenerate.keys.sorted()))
    func golden(_ name: String) throws {
        let chart = try #require(ChartSamples.all[name] ?? ChartSamples.degenerate[name])
        let svg = chart.svg(id: "c1", standalone: true)
        let file = Self.goldenFolder.appendingPathComponent(name + ".svg")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try svg.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(svg == (try String(contentsOf: file, encoding: .utf8)), "\(name); UPDATE_GOLDEN=1 regenerates it")
        #expect(svg.utf8.count < (name == "bar-150-teams" ? 12_000 : 8_192), "a typical chart stays under 8 KB")
    }

    @Test("every chart is well-formed XML, inline and standalone")
    func wellFormed() {
        for (name, chart) in ChartSamples.all.merging(ChartSamples.degenerate, uniquingKeysWith: { a, _ in a }) {
            for standalone in [false, true] {
                #expect(XMLCheck.isWellFormed(chart.svg(id: "x", standalone: standalone)), "\(name)")
            }
        }
    }

    @Test("charts are accessible: role, title and a sentence that says what they show")
    func accessible() {
        let chart = ChartSamples.all["line"]!
        let svg = chart.svg(id: "k")
        #expect(svg.contains("role=\"img\" aria-labelledby=\"k-title k-desc\""))
        #expect(svg.contains("<title id=\"k-title\">Cycle time</title>"))
        #expect(chart.summary == "Platform fell from 6.1 days to 4.2 days between 2025-Q3 and 2026-Q3; target 4.0 days; shown with 1 peer.")
        #expect(chart.table.rows[2] == ["2026-Q1", "", "5.0 days"], "a missing value is blank, not zero")
    }

    @Test("labels cannot inject markup")
    func escaping() {
        let attack = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>&"
        let charts = [
            BarChart.draw(title: attack, bars: [.init(label: attack, value: 1)]),
            LineChart.draw(title: attack, periods: [attack], series: [.init(name: attack, values: [1])]),
            Heatmap.draw(title: attack, rowNames: [attack], columnNames: [attack], cells: [[.init(text: attack, score: 1)]]),
            ScatterChart(title: attack, xName: attack, yName: attack, points: [.init(label: attack, x: 1, y: 2), .init(label: "b", x: 2, y: 1)]).draw(),
        ]
        for chart in charts {
            let svg = chart.svg(id: "x\"><script>", standalone: true)
            #expect(!svg.contains("<script"))
            #expect(!svg.contains("<img"))
            #expect(XMLCheck.isWellFormed(svg))
        }
    }

    @Test("long labels are cut with their full text kept in a title")
    func longLabels() {
        let svg = BarChart.draw(title: "T", bars: [.init(label: String(repeating: "Platform ", count: 10), value: 1)]).svg(id: "x")
        #expect(svg.contains("<title>Platform Platform Platform Platform Platform Platform Platform Platform Platform Platform </title>"))
        #expect(svg.contains("…</text>"))
    }

    @Test("the scatter reports r with its interval, in words the interval supports, and says correlation is not attribution")
    func scatter() throws {
        let chart = ChartSamples.all["scatter"]!
        // r = −0.7147, 95% interval −0.9350 to −0.0963 (scipy 1.17.1, pearsonr(x, y).confidence_interval()):
        // the end nearest zero is weak, so the words say weak, not strong.
        #expect(chart.summary == "Cycle time against Weekly active users for 9 teams: a weak negative relationship "
            + "(r = −0.71, 95% interval −0.94 to −0.10). Correlation is not attribution.")
        let svg = chart.svg(id: "s")
        #expect(svg.contains(">r = −0.71, 95% interval −0.94 to −0.10: a weak negative relationship.</text>"))
        #expect(svg.contains(">Correlation is not attribution.</text>"))
        let perfect = ScatterChart(title: "", xName: "x", yName: "y", points: [.init(label: "a", x: 1, y: 2), .init(label: "b", x: 2, y: 4)])
        #expect(try #require(perfect.fit?.r) == 1)
        #expect(ChartSamples.degenerate["scatter-vertical"]!.summary.contains("too few teams"))
        let vertical = ScatterChart(title: "", xName: "x", yName: "y", points: (0..<8).map { .init(label: "t\($0)", x: 1, y: Double($0)) })
        #expect(vertical.correlation == .undefined(count: 8))
        #expect(vertical.draw().summary.contains("no measurable relationship (r is not defined)"))
    }

    @Test("below min_teams_for_correlation the scatter shows the teams, gives no r and draws no line, and says how many teams it needs")
    func scatterWithTooFewTeams() throws {
        let chart = ChartSamples.degenerate["scatter-few-teams"]!
        let svg = chart.svg(id: "s")
        #expect(chart.summary == "Cycle time against Weekly active users for 4 teams: too few teams to say anything about a relationship "
            + "(4 teams; r is given from 8). Correlation is not attribution.")
        #expect(!svg.contains("r = ") && !svg.contains("class=\"fit\""))
        #expect(svg.components(separatedBy: "class=\"marker").count - 1 == 4)
        #expect(svg.contains(">Too few teams to say anything about a relationship (4 teams; r is given from 8).</text>"))
        // The same four teams with the setting at 4 give r and the line.
        let four = ScatterChart(title: "", xName: "x", yName: "y", points: [
            .init(label: "A", x: 40, y: 5), .init(label: "B", x: 60, y: 4.1), .init(label: "C", x: 80, y: 4.9), .init(label: "D", x: 90, y: 3.2),
        ], minTeamsForCorrelation: 4)
        #expect(four.correlation.isGiven)
        #expect(four.draw().svg(id: "f").contains("class=\"fit\""))
    }

    @Test("the fitted line runs from the leftmost team to the rightmost, not across the frame")
    func fittedLineOverTheData() throws {
        let chart = ScatterChart(title: "", xName: "x", yName: "y", points: ChartSamples.scatterTeams, xLabels: ChartSamples.percent,
                                 yLabels: ChartSamples.days)
        let svg = chart.draw().svg(id: "f")
        let line = try #require(svg.components(separatedBy: "<line class=\"fit\"").dropFirst().first)
        let x1 = try #require(ChartPropertyTests.attribute("x1", in: line).flatMap(Double.init))
        let x2 = try #require(ChartPropertyTests.attribute("x2", in: line).flatMap(Double.init))
        // x runs 60% to 94% on a nice scale of 60% to 100% over 64…600: 64 and 64 + 34/40 · 536 = 519.6.
        #expect(x1 == 64)
        #expect(x2 == 519.6)
    }

    @Test("nice ticks are 1, 2 or 5 times a power of ten and cover the data")
    func ticks() {
        let scale = NiceScale(values: [3.2, 6.1])
        #expect(scale.ticks == [3, 4, 5, 6, 7])
        let bars = NiceScale(values: [19.3, 11.2], includeZero: true)
        #expect(bars.ticks == [0, 5, 10, 15, 20])
        #expect(NiceScale(values: [2, 2]).ticks.contains(2))
        #expect(NiceScale.niceStep(0.37) == 0.5)
        #expect(NiceScale.niceStep(1300) == 2000)
    }

    @Test("stacked shares are whole percents that sum to 100, each drawn at the width it is labelled with")
    func stackedShares() {
        #expect(StackedChart.percents([1, 1, 1]) == [34, 33, 33], "the leftover point goes to the earliest tie")
        #expect(StackedChart.percents([21, 21, 58.5]) == [21, 21, 58])
        #expect(StackedChart.percents([0, 0]) == [0, 0])
        #expect(StackedChart.percents([.nan, -3, 2]) == [0, 0, 100])
        var random = SplitMix64(seed: 0x57AC)
        for _ in 0..<2_000 {
            let parts = (0..<Int.random(in: 1...6, using: &random)).map { _ in Double.random(in: 0...100, using: &random).rounded() }
            let percents = StackedChart.percents(parts)
            guard parts.contains(where: { $0 > 0 }) else { continue }
            #expect(percents.reduce(0, +) == 100, "\(parts)")
            let total = parts.reduce(0, +)
            #expect(zip(parts, percents).allSatisfy { abs($0 / total * 100 - Double($1)) < 1 }, "\(parts) → \(percents)")
        }
        let svg = StackedChart.draw(title: "T", partNames: ["a", "b", "c"], rows: [.init(label: "r", parts: [1, 1, 1])]).svg(id: "x")
        // 450 units wide: 34% is 153, 33% is 148.5.
        #expect(svg.contains("width=\"153\" height=\"18\"><title>r, a: 34%</title>"))
        #expect(svg.contains("x=\"323\" y=\"44\" width=\"148.5\" height=\"18\"><title>r, b: 33%</title>"))
    }

    @Test("an arrow says which way, as on the cards; better or worse is the colour and the words")
    func arrowsMeanDirection() {
        // Cycle time fell: down, and that is good.
        let bar = BarChart.draw(title: "Cycle time", bars: [.init(label: "Web", value: 3, tone: .good, direction: .down)], labels: ChartSamples.days)
        let barSVG = bar.svg(id: "b")
        #expect(barSVG.contains("class=\"bar good\""))
        #expect(barSVG.contains("<title>Web: 3.0 days (better)</title>"))
        #expect(barSVG.contains(">▼ 3.0 days<"), "▼ for lower, though lower is better")
        let heat = Heatmap.draw(title: "Change", rowNames: ["Web"], columnNames: ["Cycle time"],
                                cells: [[.init(text: "3.0 days", score: 0.9, direction: .down)]]).svg(id: "h")
        #expect(heat.contains("class=\"heat-good-3\""))
        #expect(heat.contains("<title>Web, Cycle time: 3.0 days (better)</title>"))
        #expect(heat.contains(">▼ 3.0 days<"))
        #expect(heat.contains("start\">▲ rose, ▼ fell · green better, red worse · darker is more</text>"), "the key fits uncut")
    }

    @Test("a line's band runs over the quarters with an interval, under its line; its table and sentence give the ends")
    func band() throws {
        let chart = try #require(ChartSamples.all["line-band"])
        let svg = chart.svg(id: "l")
        let bands = svg.components(separatedBy: "<path class=\"ci-band s1\"").count - 1
        #expect(bands == 2, "2025-Q3 to 2025-Q4, and 2026-Q3 alone; none for the peer")
        #expect(svg.range(of: "ci-band")!.lowerBound < svg.range(of: "class=\"line s1\"")!.lowerBound, "drawn under the line")
        #expect(svg.contains("<title>Platform, 2025-Q3: 60% (95% interval 45% to 73%)</title>"))
        #expect(chart.table.columns == ["Quarter", "Platform", "ci_low", "ci_high", "Engineering"])
        #expect(chart.table.rows[3] == ["2026-Q2", "70%", "", "", "66%"], "no band where no interval")
        #expect(chart.summary.contains("2026-Q3: 95% interval 58% to 83%"))
        let whiskers = try #require(ChartSamples.all["bar-whisker"])
        #expect(whiskers.svg(id: "w").components(separatedBy: "<g class=\"whisker\"").count - 1 == 2)
        #expect(whiskers.table.columns == ["Team", "Value", "ci_low", "ci_high"])
    }
}
