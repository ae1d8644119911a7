import Foundation
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
}
