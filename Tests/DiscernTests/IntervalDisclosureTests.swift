import Foundation
import Testing
import TestSupport

/// An interval's width says how many people stand behind a value: Wilson's ± for a share
/// narrows as √n grows. So a card prints `± x` only where the `n` behind it is published
/// too, and every `± x` it prints is what Wilson's interval gives for the published value
/// and `n` beside it: the interval tells a reader nothing the page does not.
@Suite("Intervals say no more than the numbers beside them (issue 23)")
struct IntervalDisclosureTests {
    let cli = CommandLineTests()

    /// Engineering: Web (10), API (8) and Tiny (3, below the minimum of 5). Tiny is
    /// suppressed, so Engineering's and Acme's `n` (which include its 3) are hidden, and
    /// their intervals with them.
    @Test("a roll-up whose n is hidden prints no interval; every team's ± is Wilson's for its published value and n")
    func hiddenN() throws {
        let content = try cli.folder([
            "site.yaml": "title: Survey\norganization: Acme\n",
            "teams.yaml": DisclosureAttackTests.webAPITiny,
            "metrics.yaml": """
                metrics:
                  - {id: trust, name: Trust, category: sentiment, unit: "% agree", better: higher, aggregate: weighted_mean, format: percent, decimals: 0, uncertainty: wilson}

                """,
            "data/survey.csv": """
                period,team,metric,value,n
                2026-Q1,web,trust,60,10
                2026-Q1,api,trust,70,8
                2026-Q1,tiny,trust,35,3

                """,
        ])
        let output = content.deletingLastPathComponent().appendingPathComponent("site-\(UUID().uuidString)")
        let run = try cli.discern(["build", "--content", content.path, "--output", output.path])
        try #require(run.status == 0, "the fixture must build: \(run.stderr)")

        var pages: [String: String] = [:]
        let files = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        for file in files where file.hasSuffix(".html") {
            pages[file] = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
        }
        var checked = 0
        for (file, html) in pages {
            for card in html.components(separatedBy: "<div class=\"kpi kpi-").dropFirst() {
                let card = card.components(separatedBy: "</div></div>").first ?? card
                guard let margin = card.firstMatch(of: /kpi-interval">± (\d+)</) else { continue }
                // Only teams' cards carry a published n here; the roll-ups' n is hidden.
                let value = try #require(card.firstMatch(of: /kpi-value">(\d+)%/), "\(file): a ± without a value")
                let n = try #require(card.firstMatch(of: /n = (\d+)/), "\(file): a ± printed without its n: \(card)")
                let expected = Self.wilsonMargin(share: Double(value.1)! / 100, n: Int(n.1)!)
                #expect(Int(margin.1)! == expected, "\(file): ± \(margin.1) for \(value.1)% of \(n.1)")
                checked += 1
            }
        }
        #expect(checked >= 2, "Web's and API's cards print their intervals")
        let org = try #require(pages["index.html"])
        #expect(!org.contains("kpi-interval"), "Acme's n includes Tiny's 3, so its interval is hidden")
        for (file, html) in pages where file.hasPrefix("teams/eng/") {
            #expect(!html.contains("kpi-interval"), "\(file): Engineering's n is hidden, so is its interval")
        }
        #expect(!pages.keys.contains { $0.hasPrefix("teams/tiny/") })
    }

    /// Charts follow the cards: a line's band and a bar's whisker appear only for a value
    /// whose `n` is published, and each end is Wilson's for that value and `n`, rounded as
    /// the value is. Engineering's and Acme's `n` include Tiny's 3, so their lines have no
    /// band and their bars no whisker, inline or in the chart files beside the pages.
    @Test("bands and whiskers appear only where n is published, and their ends are Wilson's for the published value and n")
    func chartIntervals() throws {
        let content = try cli.folder([
            "site.yaml": "title: Survey\norganization: Acme\n",
            "teams.yaml": DisclosureAttackTests.webAPITiny,
            "metrics.yaml": """
                metrics:
                  - {id: trust, name: Trust, category: outcome, unit: "% agree", better: higher, aggregate: weighted_mean, format: percent, decimals: 0, uncertainty: wilson}

                """,
            "data/survey.csv": """
                period,team,metric,value,n
                2026-Q1,web,trust,60,10
                2026-Q1,api,trust,70,8
                2026-Q1,tiny,trust,35,3
                2026-Q2,web,trust,65,12
                2026-Q2,api,trust,55,9
                2026-Q2,tiny,trust,40,3

                """,
        ])
        let output = content.deletingLastPathComponent().appendingPathComponent("site-\(UUID().uuidString)")
        let run = try cli.discern(["build", "--content", content.path, "--output", output.path])
        try #require(run.status == 0, "the fixture must build: \(run.stderr)")
        let published = ["Web": ["2026-Q1": (60.0, 10), "2026-Q2": (65.0, 12)], "API": ["2026-Q1": (70.0, 8), "2026-Q2": (55.0, 9)]]

        var bands = 0, whiskers = 0, stated = 0
        let files = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".svg") {
            let text = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
            for svg in text.components(separatedBy: "<svg ").dropFirst() {
                let svg = svg.components(separatedBy: "</svg>")[0]
                // Each band belongs to a chart whose focus series states its intervals.
                let chartBands = svg.components(separatedBy: "class=\"ci-band").count - 1
                bands += chartBands
                whiskers += svg.components(separatedBy: "<g class=\"whisker\"").count - 1
                // `Web, 2026-Q1: 60% (95% interval 35% to 80%)` and `Web: 95% interval …`.
                for match in svg.matches(of: /<title>([^<,:]+)(?:, (\d{4}-Q\d))?: (?:(\d+)% \()?95% interval (\d+)% to (\d+)%/) {
                    let name = String(match.1)
                    let entries = try #require(published[name], "\(file): an interval for \(name), whose n is hidden")
                    // A bar's title names no quarter: it must be Wilson's for one of them.
                    let candidates = entries.filter { period, entry in
                        match.2.map { $0 == period } ?? true && match.3.map { Double($0) == entry.0 } ?? true
                    }
                    let ends = candidates.values.map { Self.wilsonEnds(share: $0.0 / 100, n: $0.1) }
                    #expect(ends.contains { $0 == (Int(match.4)!, Int(match.5)!) },
                            "\(file): \(name) drawn from \(match.4)% to \(match.5)%, Wilson's is \(ends)")
                    stated += 1
                }
                if chartBands > 0 { #expect(svg.contains("% (95% interval "), "\(file): a band no point states") }
            }
            for name in ["Acme", "Engineering", "Tiny"] {
                #expect(text.firstMatch(of: try Regex("\(name)(, 2026-Q\\d)?: (\\d+% \\()?95% interval")) == nil,
                        "\(file): \(name)'s n is hidden, so is its interval")
            }
        }
        #expect(bands >= 2, "Web's and API's lines carry bands")
        #expect(whiskers >= 2, "Web's and API's bars carry whiskers")
        #expect(stated >= 4)

        // The CSV beside a banded chart carries the band's ends.
        let csvs = try files.filter { $0.hasSuffix(".csv") }.map { try String(contentsOf: output.appendingPathComponent($0), encoding: .utf8) }
        #expect(csvs.contains { $0.hasPrefix("Quarter,") && $0.contains("ci_low") && $0.contains("ci_high") })
    }

    /// Wilson's interval's ends, from its formula, rounded to whole percentage points.
    static func wilsonEnds(share p: Double, n: Int) -> (Int, Int) {
        let z = 1.959963984540054, n = Double(n)
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        return (Int((max(0, centre - half) * 100).rounded()), Int((min(1, centre + half) * 100).rounded()))
    }

    /// Wilson's interval, computed here from its formula on its own, as a reader would:
    /// the larger side, rounded to whole percentage points as the card shows it.
    static func wilsonMargin(share p: Double, n: Int) -> Int {
        let z = 1.959963984540054, n = Double(n)
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        return Int((max(p - (centre - half), centre + half - p) * 100).rounded())
    }
}
