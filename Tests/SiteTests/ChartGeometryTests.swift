import ContentLoading
import Foundation
import ReportModel
import Testing
@testable import Site

/// A chart must say no more than its labels. A reader measuring the SVG reads a value
/// off it to the 0.1 px its coordinates are written with, about a thousandth of a day on
/// a trend chart; if marks were drawn from the exact value while labels round it, the
/// picture would carry digits the text hides, and with headcount weights those digits
/// solve for a suppressed team.
@Suite("Chart geometry says no more than the labels")
struct ChartGeometryTests {
    /// Coordinates are written to 0.1 px: a mark and the tick it is read against are
    /// each within 0.05 px of where they were computed.
    static let tolerance = 0.1 + 1e-9

    /// Engineering is Web (8 people), API (9) and a team of 2 too small to show. Web's
    /// value is hidden beside it (complementary suppression), so Engineering's label,
    /// one decimal, leaves the small team's headcount open.
    static let smallTeamInAGroup = """
        -- site.yaml --
        title: Impact
        organization: Acme
        privacy:
          min_group_size: 5
        -- teams.yaml --
        teams:
          - {id: eng, name: Engineering}
          - {id: web, name: Web, parent: eng, headcount: 8}
          - {id: api, name: API, parent: eng, headcount: 9}
          - {id: tiny, name: Tinyteamname, parent: eng, headcount: 2}
          - {id: ops, name: Operations, headcount: 12}
        -- metrics.yaml --
        metrics:
          - {id: cycle_time, name: Cycle time, category: outcome, unit: days, better: lower, aggregate: weighted_mean}
        -- data/values.csv --
        period,team,cycle_time
        2025-Q4,web,4.2
        2025-Q4,api,5.1
        2025-Q4,tiny,9.3
        2025-Q4,ops,3.0
        2026-Q1,web,3.9
        2026-Q1,api,4.8
        2026-Q1,tiny,8.7
        2026-Q1,ops,3.0
        2026-Q2,web,3.6
        2026-Q2,api,4.4
        2026-Q2,tiny,8.8
        2026-Q2,ops,3.0
        2026-Q3,web,3.3
        2026-Q3,api,4.1
        2026-Q3,tiny,7.9
        2026-Q3,ops,3.0
        """

    /// The texts in a metric page's table row for one team, in quarter order.
    static func tableRow(_ html: String, team: String) -> [String] {
        guard let start = html.range(of: ">\(team)</a></th>") else { return [] }
        let row = html[start.upperBound...]
        let end = row.range(of: "</tr>")?.lowerBound ?? row.endIndex
        return row[..<end].components(separatedBy: "<td class=\"number\">").dropFirst().map { cell in
            // The cell's text without its markup: a hidden value is a `<span>`.
            let text = cell.components(separatedBy: "</td>")[0]
            return text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        }
    }

    @Test("a group's line chart gives away neither a value beyond its label nor its hidden team's headcount")
    func groupLineChartHidesTheSmallTeam() throws {
        let (folder, _, _) = try SiteFixture.build(Self.smallTeamInAGroup)
        let page = SiteFixture.read(folder, "metrics/cycle_time/index.html")
        #expect(Self.tableRow(page, team: "Web").allSatisfy { $0 == "suppressed" }, "the fixture hides Web beside the small team")
        let svg = try #require(page.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
            .first { $0.contains("chart-line") })
        let chart = try #require(ChartReader(svg: svg))
        let axis = try #require(chart.axes.first)
        let points = chart.linePoints.filter { $0.series == "Engineering" }
        #expect(points.count == 4)
        let api = Self.tableRow(page, team: "API").compactMap(ChartReader.number(in:))
        #expect(api == [5.1, 4.8, 4.4, 4.1])

        // What a reader measures: the value at each point, to the precision of the
        // coordinates, against the value its label shows.
        let precision = Self.tolerance * abs(axis.value(at: 0) - axis.value(at: 1))
        var candidates = Set(1..<5)
        for (index, point) in points.enumerated() {
            let measured = axis.value(at: point.y)
            let shown = try #require(ChartReader.number(in: point.shown))
            #expect(abs(point.y - axis.position(of: shown)) <= Self.tolerance,
                    "Engineering in \(point.period) is drawn at \(measured), which its label shows as \(point.shown)")
            // Engineering = (8·web + 9·api + h·small) / (17 + h), with web and the small
            // team's value in tenths: so (17 + h)·Engineering − 9·api is a multiple of
            // gcd(8, h) tenths. Keep each headcount h below the minimum that fits.
            candidates = candidates.filter { h in
                let rest = Double(17 + h) * measured - 9 * api[index]
                let step = 0.1 * Double(Self.gcd(8, h))
                let off = abs(rest / step - (rest / step).rounded()) * step
                return off <= Double(17 + h) * precision
            }
        }
        #expect(candidates.count > 1, "the chart's geometry gives the hidden team's headcount: \(candidates.sorted())")
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// Every SVG in a built site: each inline one with the page it is on, and each
    /// standalone file.
    static func charts(in folder: URL) -> [(place: String, svg: String)] {
        var charts: [(String, String)] = []
        for path in SiteFixture.files(in: folder) {
            if path.hasSuffix(".html") {
                let html = SiteFixture.read(folder, path)
                for (index, piece) in html.components(separatedBy: "<svg ").dropFirst().enumerated() {
                    charts.append(("\(path) #\(index + 1)", "<svg " + piece.components(separatedBy: "</svg>")[0] + "</svg>"))
                }
            } else if ChartPlacement.isFileName(String(path.split(separator: "/").last ?? "")), path.hasSuffix(".svg") {
                charts.append((path, SiteFixture.read(folder, path)))
            }
        }
        return charts
    }

    /// Reads every chart of a built site; the problems name the file and the mark.
    static func read(site folder: URL, metrics: [Metric]) throws -> (charts: [String: Int], checked: Int, problems: [String]) {
        let shown = try ShownValues(site: folder, metrics: metrics)
        var types: [String: Int] = [:]
        var checked = 0
        var problems: [String] = []
        for (place, svg) in charts(in: folder) {
            guard let chart = ChartReader(svg: svg) else {
                problems.append("\(place): not well-formed SVG")
                continue
            }
            types[chart.type ?? "?", default: 0] += 1
            let findings = chart.check(shown)
            checked += findings.checked
            problems += findings.problems.map { "\(place): \($0)" }
        }
        return (types, checked, problems)
    }

    @Test("every chart of the sample site, inline and standalone, is drawn where its shown values fall")
    func sampleSite() throws {
        let folder = StandaloneChartFileTests.sample
        let load = ContentLoader(source: .disk(SiteFixture.repository.appendingPathComponent("content"))).load()
        let (charts, checked, problems) = try Self.read(site: folder, metrics: load.content.metrics)
        #expect(problems.isEmpty, "\(problems.count) marks are not where their shown value falls:\n\(problems.prefix(12).joined(separator: "\n"))")
        #expect(Set(charts.keys) == ["line", "bar", "heatmap", "scatter", "slope", "sparkline", "stacked"], "\(charts)")
        #expect(charts.values.reduce(0, +) > 2_500, "\(charts)")
        #expect(checked > 25_000)
    }

    /// The small fixture with a narrative that draws one chart of each kind, a bullet
    /// among them (the sample has none).
    static let everyKind = SiteFixture.small + """

        -- narratives/teams/eng/2026-Q2.md --
        ```chart
        type: bullet
        metric: cycle_time
        ```

        ```chart
        type: slope
        metric: cycle_time
        ```

        ```chart
        type: scatter
        x: wau
        y: cycle_time
        ```

        ```chart
        type: stacked
        metrics: [cycle_time, wau]
        ```

        ```chart
        type: sparkline
        metric: wau
        ```
        """

    @Test("every kind of chart, a bullet too, is drawn where its shown values fall")
    func everyKindOfChart() throws {
        let (folder, _, diagnostics) = try SiteFixture.build(Self.everyKind)
        #expect(diagnostics.allSatisfy { $0.severity != .error }, "\(diagnostics)")
        let (report, _) = SiteFixture.report(Self.everyKind)
        let (charts, checked, problems) = try Self.read(site: folder, metrics: report.metrics)
        #expect(problems.isEmpty, "\(problems.prefix(12).joined(separator: "\n"))")
        #expect(Set(charts.keys) == ["line", "bar", "bullet", "heatmap", "scatter", "slope", "sparkline", "stacked"], "\(charts)")
        #expect(checked > 300)
    }

    /// The chart with the number in the first match of `pattern`'s group moved by `by`.
    static func nudged(_ svg: String, _ pattern: String, by amount: Double = 0.3) throws -> String {
        let expression = try NSRegularExpression(pattern: pattern)
        let match = try #require(expression.firstMatch(in: svg, range: NSRange(svg.startIndex..., in: svg)), "\(pattern)")
        let range = try #require(Range(match.range(at: 1), in: svg))
        let number = try #require(Double(svg[range]))
        return svg.replacingCharacters(in: range, with: String(number + amount))
    }

    /// 0.3 px is a few thousandths of a day on these charts, far under the last digit a
    /// label shows; the fitted line moves 0.5 px, as its tolerance grows with its slope.
    @Test("the reading catches a mark 0.3 px from where its shown value falls, in every kind of chart")
    func readingCanFail() throws {
        let (folder, _, _) = try SiteFixture.build(Self.everyKind)
        let (report, _) = SiteFixture.report(Self.everyKind)
        let shown = try ShownValues(site: folder, metrics: report.metrics)
        let charts = Self.charts(in: folder).filter { $0.place.hasPrefix("teams/eng/2026-Q2/") || $0.place.hasPrefix("metrics/cycle_time/") }
        func first(_ type: String) throws -> String {
            try #require(charts.first { ChartReader(svg: $0.svg)?.type == type }?.svg, "a \(type) chart")
        }
        let doctored: [(String, String)] = [
            ("line point", try Self.nudged(first("line"), #"<path class="line s1" d="M[\d.]+ ([\d.]+)"#)),
            ("line marker", try Self.nudged(first("line"), #"<circle class="marker s1" cx="[\d.]+" cy="([\d.]+)""#)),
            ("bar's end", try Self.nudged(first("bar"), #"<rect class="bar [a-z]+" x="[\d.]+" y="[\d.]+" width="([\d.]+)""#)),
            ("bullet's last quarter", try Self.nudged(first("bullet"), #"<line class="previous" x1="([\d.]+)""#)),
            ("slope's start", try Self.nudged(first("slope"), #"<line class="slope [a-z]+" stroke-width="2" x1="[\d.]+" y1="([\d.]+)""#)),
            ("scatter point", try Self.nudged(first("scatter"), #"<circle class="marker s1" cx="([\d.]+)""#)),
            ("stacked share", try Self.nudged(first("stacked"), #"<rect class="part-\d" x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="18"><title>"#)),
            ("sparkline point", try Self.nudged(first("sparkline"), #"<path class="line s1" d="M[\d.]+ ([\d.]+)"#)),
            ("heatmap shade", try first("heatmap").replacingOccurrences(of: #"class="heat-(neutral|good-\d|bad-\d)" (x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+"><title>)"#,
                                                                         with: #"class="heat-bad-3" $2"#, options: .regularExpression)),
        ]
        for (what, svg) in doctored {
            #expect(!charts.contains { $0.svg == svg }, "\(what) was not changed")
            let findings = try #require(ChartReader(svg: svg)).check(shown)
            #expect(findings.problems.count >= 1, "a doctored \(what) went unnoticed")
        }
        // And the undoctored charts pass, so it is the nudge that is caught.
        for type in ["line", "bar", "bullet", "slope", "scatter", "stacked", "sparkline", "heatmap"] {
            #expect(try #require(ChartReader(svg: first(type))).check(shown).problems.isEmpty, "\(type)")
        }
    }

    /// The small fixture's scatters have too few teams for a fitted line; the usage page's
    /// fixture has five, and with `min_teams_for_correlation: 5` draws it.
    @Test("the reading catches a scatter's fitted line 0.5 px from where the shown points put it")
    func fittedLineCanFail() throws {
        let fixture = UsageOutcomesPageTests.fixture.replacingFixture("organization: Acme\n", with: "organization: Acme\nmin_teams_for_correlation: 5\n")
        let (folder, _, _) = try SiteFixture.build(fixture)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (report, _) = SiteFixture.report(fixture)
        let shown = try ShownValues(site: folder, metrics: report.metrics)
        let scatter = try #require(Self.charts(in: folder).first { $0.place.hasPrefix("usage-vs-outcomes/") && $0.svg.contains("class=\"fit\"") }?.svg)
        #expect(try #require(ChartReader(svg: scatter)).check(shown).problems.isEmpty)
        let doctored = try Self.nudged(scatter, #"<line class="fit" x1="[\d.]+" y1="([\d.]+)""#, by: 0.5)
        #expect(try #require(ChartReader(svg: doctored)).check(shown).problems.count >= 1, "a doctored fitted line went unnoticed")
    }
}
