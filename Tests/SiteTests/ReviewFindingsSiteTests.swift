import Formatting
import Analysis
import Charts
import ContentLoading
import Foundation
import ReportModel
import Testing
import TestSupport
@testable import Site

/// Problems found in review of the site, each pinned by a test.
@Suite("Site review findings")
struct ReviewFindingsSiteTests {
    @Test("no 'since baseline' for quarters at or before the baseline")
    func baselineOrder() throws {
        let fixture = SiteFixture.small.replacingFixture( "baseline: 2026-Q1", with: "baseline: 2026-Q2")
        let (report, _) = SiteFixture.report(fixture)
        #expect(report.changeFromBaseline("cycle_time", for: .organization, in: q(1)) == nil)
        #expect(report.changeFromBaseline("cycle_time", for: .organization, in: q(2)) == nil)
        let (folder, _, _) = try SiteFixture.build(fixture)
        #expect(!SiteFixture.read(folder, "org/2026-Q1/index.html").contains("since 2026-Q2"))
    }

    @Test("C1 controls and noncharacters never reach HTML or SVG")
    func forbiddenCharacters() {
        #expect(HTML.escape("Alpha\u{85}Team\u{FFFE}\u{9F}") == "Alpha\u{FFFD}Team\u{FFFD}\u{FFFD}")
        #expect(HTML.escape("déjà vu 🚀") == "déjà vu 🚀")
        let svg = BarChart.draw(title: "t", bars: [.init(label: "A\u{85}B\u{FFFF}", value: 1)]).svg(id: "x")
        #expect(!svg.unicodeScalars.contains { $0.value == 0x85 || $0.value == 0xFFFF })
    }

    @Test("the 404 page takes its stylesheet and links from the base URL, and has no canonical link")
    func notFoundPage() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small, options: BuildOptions(baseURL: BaseURL("https://ex.com/r")))
        let html = SiteFixture.read(folder, "404.html")
        #expect(html.contains("href=\"https://ex.com/r/assets/style.css\""))
        #expect(html.contains("href=\"https://ex.com/r/teams/index.html\""))
        #expect(!html.contains("rel=\"canonical\""))
    }

    @Test("a block naming only suppressed teams says so instead of showing other teams")
    func suppressedTeamsInBlocks() throws {
        let fixture = SiteFixture.small.replacingFixture( "Ops is at {{ value cycle_time }} from {{ baseline cycle_time }}.",
                                                            with: "```table\nmetric: cycle_time\nteams: [tiny]\n```\n")
        let (folder, _, _) = try SiteFixture.build(fixture)
        let html = SiteFixture.read(folder, "teams/ops/2026-Q2/index.html")
        #expect(html.contains("Not shown: the teams this table names are too small to report on their own."))
    }

    @Test("a table for a quarter without pages links to the latest page")
    func tableLinks() throws {
        let fixture = SiteFixture.small.replacingFixture( "Ops is at {{ value cycle_time }} from {{ baseline cycle_time }}.",
                                                            with: "```table\nmetric: cycle_time\nteams: [web]\nperiods: [2030-Q1]\n```\n")
        let (folder, _, _) = try SiteFixture.build(fixture)
        #expect(LinkWalker.brokenLinks(in: folder).isEmpty)
    }

    @Test("compact numbers move to the next unit when rounding reaches it")
    func compact() {
        let metric = Metric(id: "m", name: "M", category: .usage, unit: "", format: .compact)
        #expect(ValueFormatter.value(999_950, for: metric) == "1.0M")
        #expect(ValueFormatter.value(999_940, for: metric) == "999.9k")
        #expect(ValueFormatter.value(1_234, for: metric) == "1.2k")
    }

    func q(_ n: Int) -> Period { Period(year: 2026, quarter: n)! }
}
