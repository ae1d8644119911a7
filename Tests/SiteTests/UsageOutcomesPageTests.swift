import Charts
import Foundation
import ReportModel
import Testing
import TestSupport
@testable import Site

/// The usage-and-outcomes page against r worked out by hand.
@Suite struct UsageOutcomesPageTests {
    /// Five teams. In 2026-Q2, usage x = 20, 40, 60, 80, 100 (mean 60, Sxx = 4000).
    ///
    /// Cycle time y = 5.0, 4.0, 4.5, 3.0, 3.5: mean 4.0, deviations 1, 0, 0.5, −1, −0.5,
    /// Sxy = −40 + 0 + 0 − 20 − 20 = −80, Syy = 2.5, r = −80 / √(4000 · 2.5) = −0.80.
    ///
    /// CSAT y = 80, 82, 79, 81, 80: mean 80.4, deviations −0.4, 1.6, −1.4, 0.6, −0.4,
    /// Sxy = 16 − 32 + 0 + 12 − 16 = −20, Syy = 5.2, r = −20 / √20800 = −0.139.
    ///
    /// The teams of two and three (tiny, wee) would change both r values; they must not
    /// take part. Together they hold five people, so no other team is hidden to protect
    /// them. Team b's usage rose from Q1 while its cycle time got worse.
    static let fixture = """
        -- site.yaml --
        title: Impact
        organization: Acme
        -- teams.yaml --
        teams:
          - {id: a, name: Team A, headcount: 6}
          - {id: b, name: Team B, headcount: 6}
          - {id: c, name: Team C, headcount: 6}
          - {id: d, name: Team D, headcount: 6}
          - {id: e, name: Team E, headcount: 6}
          - {id: tiny, name: Tinyteamname, headcount: 2}
          - {id: wee, name: Weeteamname, headcount: 3}
        -- metrics.yaml --
        metrics:
          - {id: cycle_time, name: Cycle time, category: outcome, unit: days, better: lower, aggregate: weighted_mean, baseline: 2026-Q1}
          - {id: csat, name: Satisfaction, category: outcome, unit: "%", better: higher, aggregate: weighted_mean, baseline: 2026-Q1, format: percent, decimals: 0}
          - {id: wau, name: Weekly active users, category: usage, unit: "%", better: neutral, aggregate: weighted_mean, format: percent, decimals: 0}
        -- data/values.csv --
        period,team,wau,cycle_time,csat
        2026-Q1,a,20,5.0,80
        2026-Q1,b,30,3.5,82
        2026-Q1,c,60,4.5,79
        2026-Q1,d,80,3.0,81
        2026-Q1,e,100,3.5,80
        2026-Q1,tiny,100,9.0,10
        2026-Q1,wee,10,1.0,99
        2026-Q2,a,20,5.0,80
        2026-Q2,b,40,4.0,82
        2026-Q2,c,60,4.5,79
        2026-Q2,d,80,3.0,81
        2026-Q2,e,100,3.5,80
        2026-Q2,tiny,100,9.0,10
        2026-Q2,wee,10,1.0,99
        """

    @Test("five teams are too few by default: no r, no line, and the page says how many teams it has and needs")
    func tooFewTeamsByDefault() throws {
        let (folder, summary, diagnostics) = try SiteFixture.build(Self.fixture)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(summary != nil, "\(diagnostics)")
        let page = SiteFixture.read(folder, "usage-vs-outcomes/index.html")
        #expect(page.contains("<p class=\"reading\">Only 5 teams have both Weekly active users and Cycle time here: "
            + "too few to say anything about a relationship. r is given from 8 teams.</p>"))
        #expect(!page.contains("r = ") && !page.contains("class=\"fit\""))
        #expect(page.components(separatedBy: "class=\"marker").count - 1 == 10, "the teams are still shown, five in each chart")
        #expect(!page.contains("Tinyteamname") && !page.contains("Weeteamname"))
    }

    /// From five teams (`min_teams_for_correlation: 5`), r = −0.80 has the 95% interval
    /// −0.9862 to 0.2796, and r = −0.139 the interval −0.9096 to 0.8473 (scipy 1.17.1,
    /// `pearsonr(x, y).confidence_interval(0.95)`): both hold zero.
    @Test("r and its interval match the hand-worked r and scipy's interval; an interval holding zero is no clear relationship")
    func rAndItsReadingMatchTheHandWorkedValues() throws {
        let fixture = Self.fixture.replacingFixture("organization: Acme\n", with: "organization: Acme\nmin_teams_for_correlation: 5\n")
        let (folder, summary, diagnostics) = try SiteFixture.build(fixture)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(summary != nil, "\(diagnostics)")
        let page = SiteFixture.read(folder, "usage-vs-outcomes/index.html")
        #expect(page.contains("There is no clear relationship between Weekly active users and Cycle time across these 5 teams "
            + "(r = −0.80, 95% interval −0.99 to 0.28): the interval holds zero."))
        #expect(page.contains("There is no clear relationship between Weekly active users and Satisfaction across these 5 teams "
            + "(r = −0.14, 95% interval −0.91 to 0.85): the interval holds zero."))
        #expect(page.contains("Association is not attribution."))
        #expect(page.components(separatedBy: "class=\"fit\"").count - 1 == 2)
        #expect(!page.contains("Tinyteamname") && !page.contains("Weeteamname"))
    }

    /// Seven and eight teams at the default `min_teams_for_correlation` (8). Usage x = 10,
    /// 20, …, 80 and cycle time y = 5.0, 4.6, 4.7, 4.1, 3.6, 3.9, 3.0, 3.2: from all eight,
    /// r = −0.9466 with the 95% interval −0.9905 to −0.7265 (scipy 1.17.1,
    /// `pearsonr(x, y).confidence_interval(0.95)`), whose end nearest zero is strong; the
    /// first seven alone are one team too few.
    static func teams(_ count: Int) -> String {
        let cycleTimes = ["5.0", "4.6", "4.7", "4.1", "3.6", "3.9", "3.0", "3.2"]
        let ids = Array("abcdefgh").prefix(count).map(String.init)
        return """
            -- site.yaml --
            title: Impact
            organization: Acme
            -- teams.yaml --
            teams:
            \(ids.map { "  - {id: \($0), name: Team \($0.uppercased()), headcount: 6}" }.joined(separator: "\n"))
            -- metrics.yaml --
            metrics:
              - {id: cycle_time, name: Cycle time, category: outcome, unit: days, better: lower, aggregate: weighted_mean, baseline: 2026-Q1}
              - {id: wau, name: Weekly active users, category: usage, unit: "%", better: neutral, aggregate: weighted_mean, format: percent, decimals: 0}
            -- data/values.csv --
            period,team,wau,cycle_time
            \(ids.enumerated().map { "2026-Q1,\($1),\(10 * ($0 + 1)),5.0\n2026-Q2,\($1),\(10 * ($0 + 1)),\(cycleTimes[$0])" }.joined(separator: "\n"))
            """
    }

    @Test("eight teams print r with its interval and draw the line; seven say they are too few, and draw none")
    func sevenAndEightTeams() throws {
        let (eight, summary, diagnostics) = try SiteFixture.build(Self.teams(8))
        defer { try? FileManager.default.removeItem(at: eight) }
        #expect(summary != nil, "\(diagnostics)")
        let page = SiteFixture.read(eight, "usage-vs-outcomes/index.html")
        #expect(page.contains("Teams that use AI more clearly tend to do better on Cycle time here (r = −0.95, 95% interval −0.99 to −0.73), "
            + "which does not show that AI is the reason."), "\(page)")
        #expect(page.components(separatedBy: "class=\"fit\"").count - 1 == 1)

        let (seven, sevenSummary, sevenDiagnostics) = try SiteFixture.build(Self.teams(7))
        defer { try? FileManager.default.removeItem(at: seven) }
        #expect(sevenSummary != nil, "\(sevenDiagnostics)")
        let few = SiteFixture.read(seven, "usage-vs-outcomes/index.html")
        #expect(few.contains("<p class=\"reading\">Only 7 teams have both Weekly active users and Cycle time here: "
            + "too few to say anything about a relationship. r is given from 8 teams.</p>"))
        #expect(!few.contains("r = ") && !few.contains("class=\"fit\""))
        #expect(few.components(separatedBy: "class=\"marker").count - 1 == 7, "the seven teams are still shown")
    }

    static let cycleTime = Metric(id: "cycle_time", name: "Cycle time", category: .outcome, unit: "days", better: .lower)
    static let usage = Metric(id: "wau", name: "Weekly active users", category: .usage, unit: "%")

    @Test("a clear relationship is worded by the interval's end nearest zero, and better or worse by the metric")
    func readings() {
        // r = −0.96, interval −0.99 to −0.81: strong, and lower cycle time is better.
        let strong = Correlation(r: -0.9595183638907294, count: 9, needed: 8)
        #expect(UsageOutcomesPage.reading(strong, usage: Self.usage, outcome: Self.cycleTime)
            == "Teams that use AI more clearly tend to do better on Cycle time here (r = −0.96, 95% interval −0.99 to −0.81), "
            + "which does not show that AI is the reason.")
        // r = 0.45 from 60 teams, interval 0.22 to 0.63: weak, and higher cycle time is worse.
        let weak = Correlation(r: 0.4517312077712908, count: 60, needed: 8)
        #expect(UsageOutcomesPage.reading(weak, usage: Self.usage, outcome: Self.cycleTime)
            == "Teams that use AI more tend to do slightly worse on Cycle time here (r = 0.45, 95% interval 0.22 to 0.63).")
        #expect(UsageOutcomesPage.reading(.undefined(count: 9), usage: Self.usage, outcome: Self.cycleTime)
            == "There is no measurable relationship between Weekly active users and Cycle time across these teams (r is not defined).")
    }

    @Test func teamsWhoseUsageRoseWhileAnOutcomeFellAreListed() throws {
        let (folder, _, _) = try SiteFixture.build(Self.fixture)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = SiteFixture.read(folder, "usage-vs-outcomes/index.html")
        let start = try #require(page.firstRange(of: "<ul class=\"divergences\">"))
        let list = page[start.upperBound...].components(separatedBy: "</ul>")[0]
        let items = list.components(separatedBy: "<li>").dropFirst().map { $0.components(separatedBy: "</li>")[0] }
        #expect(items.count == 1)
        #expect(items.first?.contains("Team B</a>: Cycle time from 3.5 days to 4.0 days while Weekly active users rose from 30% to 40%") == true)
    }

    @Test func theSiteLinksToThePage() throws {
        let (folder, _, _) = try SiteFixture.build(Self.fixture)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(SiteFixture.read(folder, "index.html").contains("href=\"usage-vs-outcomes/index.html\""))
        #expect(SiteFixture.read(folder, "teams/a/index.html").contains("href=\"../../usage-vs-outcomes/index.html\""))
    }
}

/// Issue 23: on the sample's usage-and-outcomes page two labels collided and two ran past
/// the plot. Every scatter the sample site draws, on that page, in the deck and in the
/// narratives, keeps its labels apart and inside the plot.
@Suite struct SampleScatterLabelTests {
    @Test("every scatter of the sample site: labels apart, inside the plot, clear of the points")
    func sampleScatters() throws {
        let folder = StandaloneChartFileTests.sample
        var scatters = 0
        for path in SiteFixture.files(in: folder) where path.hasSuffix(".html") || path.hasSuffix(".svg") {
            let text = SiteFixture.read(folder, path)
            for piece in text.components(separatedBy: "<svg ").dropFirst() {
                let svg = "<svg " + piece.components(separatedBy: "</svg>")[0] + "</svg>"
                guard svg.prefix(while: { $0 != ">" }).contains("chart-scatter") else { continue }
                let check = try #require(ScatterLabelCheck(svg: svg), "\(path)")
                #expect(check.problems.isEmpty, "\(path): \(check.problems)")
                // r only from 8 teams: the description says how many teams the scatter has.
                let teams = try #require(svg.firstMatch(of: /for ([0-9]+) teams?[:.]/).map { Int($0.1)! }, "\(path)")
                #expect(teams >= 8 || !svg.contains("r = "), "\(path): r printed for \(teams) teams")
                scatters += 1
            }
        }
        #expect(scatters >= 12, "the usage page's six, inline and as files, and the narrative's")
        let page = SiteFixture.read(folder, "usage-vs-outcomes/index.html")
        // Growth Engineering and Checkout Web, 91% and 94% at 50%, both named in full.
        #expect(page.contains(">Growth Engineering</text>") && page.contains(">Checkout Web</text>"))
        // And the page's own words, one reading per scatter in the same order: r where the
        // scatter has 8 teams or more, "Only N teams" where it has fewer.
        let teams = page.matches(of: #/<desc id="[^"]*">[^<]* for ([0-9]+) teams?:/#).map { Int($0.1)! }
        let readings = page.matches(of: #/<p class="reading">([^<]*)</#).map { String($0.1) }
        #expect(teams.count == 6 && readings.count == teams.count, "\(teams) \(readings)")
        for (count, reading) in zip(teams, readings) {
            #expect(count >= 8 ? reading.contains("(r = ") : reading.hasPrefix("Only \(count) teams") && !reading.contains("r = "),
                    "\(count) teams: \(reading)")
        }
        #expect(teams.contains { $0 >= 8 } && teams.contains { $0 < 8 }, "the sample has both kinds")
    }
}
