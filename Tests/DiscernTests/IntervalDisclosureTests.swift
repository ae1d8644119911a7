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

    /// Wilson's interval, computed here from its formula on its own, as a reader would:
    /// the larger side, rounded to whole percentage points as the card shows it.
    static func wilsonMargin(share p: Double, n: Int) -> Int {
        let z = 1.959963984540054, n = Double(n)
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        return Int((max(p - (centre - half), centre + half - p) * 100).rounded())
    }
}
