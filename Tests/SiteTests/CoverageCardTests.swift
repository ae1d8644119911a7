import Analysis
import Foundation
import Testing
import TestSupport
@testable import Site

@Suite("Cards say how much of their scope a roll-up covers")
struct CoverageCardTests {
    /// The small fixture with API and the too-small team silent in 2026-Q2: Engineering
    /// then rests on Web alone (8 of its 17 listed people, under half), the organization
    /// on Web and Operations (20 of 29).
    static let fixture = SiteFixture.small
        .replacingFixture("2026-Q2,api,4.5,65\n", with: "")
        .replacingFixture("2026-Q2,tiny,9.75,95\n", with: "")

    static func card(_ page: String, _ metric: String) -> String {
        guard let name = page.range(of: ">\(metric)</a></h3>") else { return "" }
        let opening = page[..<name.lowerBound].range(of: "<div class=\"kpi ", options: .backwards)!
        let rest = page[opening.lowerBound...]
        // Up to the next card: a card holds a sparkline's own `<div>`.
        let next = rest.dropFirst().range(of: "<div class=\"kpi ")?.lowerBound ?? rest.endIndex
        return String(rest[..<next])
    }

    @Test("an incomplete roll-up says from how many of the listed teams, and a partial one says so")
    func wording() throws {
        let (folder, summary, diagnostics) = try SiteFixture.build(Self.fixture)
        #expect(summary != nil, "\(diagnostics)")
        let org = Self.card(SiteFixture.read(folder, "index.html"), "Cycle time")
        #expect(org.contains("<p class=\"kpi-coverage\">from 2 of 3 listed teams</p>"), "\(org)")
        #expect(!org.contains("kpi-partial") && !org.contains("kpi kpi-outcome partial"))
        #expect(org.contains("(not comparable: different teams reported)</span> vs 2026-Q1"), "\(org)")
        #expect(!org.contains("(better)") && !org.contains("(worse)"))
        let eng = Self.card(SiteFixture.read(folder, "teams/eng/index.html"), "Cycle time")
        #expect(eng.hasPrefix("<div class=\"kpi kpi-outcome partial\">"), "\(eng)")
        #expect(eng.contains("<p class=\"kpi-coverage\">from 1 of 2 listed teams</p>"))
        #expect(eng.contains("<p class=\"kpi-partial\">Partial: these teams hold under half the listed people</p>"))
        let methodology = SiteFixture.read(folder, "methodology/index.html")
        #expect(methodology.contains("the card is marked <strong>partial</strong>"))
        #expect(methodology.contains("reads <strong>not comparable</strong>"))
    }

    @Test("a roll-up every listed team contributes to keeps its calm one-line note")
    func complete() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small)
        let org = Self.card(SiteFixture.read(folder, "index.html"), "Cycle time")
        #expect(!org.contains("kpi-coverage") && !org.contains("partial"), "\(org)")
        #expect(org.contains("includes teams too small to list"))
    }
}
