import Foundation
import Testing
import TestSupport

/// The sample's org page, read as a reader would, holds cards whose change is within
/// noise to "no clear change", by both of the rules in README's "How change is judged".
@Suite struct SampleNoiseTests {
    /// The org page's card for `metric` in 2026-Q3, as markup.
    static func markup(_ metric: String) throws -> String {
        let page = SiteFixture.read(StandaloneChartFileTests.sample, "org/2026-Q3/index.html")
        let cards = page.components(separatedBy: "<h3").dropFirst()
        return try #require(cards.first { $0.contains(">\(metric)<") }, "a card for \(metric)")
    }

    /// The card's text, tags taken out.
    static func card(_ metric: String) throws -> String {
        try markup(metric).replacing(#/<[^>]*>/#, with: " ").replacing(#/\s+/#, with: " ")
    }

    /// Workslop received is a share of survey respondents (`uncertainty: wilson`): 27% of
    /// 117 in 2025-Q2 and 32% of 117 in 2026-Q3. Newcombe's hybrid score interval of the
    /// difference, worked independently in scipy 1.17.1 (`norm.ppf(0.975)`, Wilson's
    /// bounds, then Newcombe 1998's method 10), is −0.0665 to 0.1647: it holds zero, so
    /// +5 points is no clear change. Wilson's interval for 32% of 117 is 24.2% to 40.9%,
    /// whose larger side, 8.9 points, is the card's ± 9.
    @Test("a share's change inside Newcombe's interval is no clear change, and its ± is Wilson's larger side")
    func share() throws {
        let card = try Self.card("Workslop received")
        #expect(card.contains("32% ± 9"), "\(card)")
        #expect(card.contains("+5 pts (no clear change) since 2025-Q2"), "\(card)")
        #expect(card.contains("n = 117"), "\(card)")
    }

    /// Change lead time is measured from every change (no interval) with `min_change: 0.2`
    /// days: the 0.1-day fall since 2026-Q2 is no clear change, and the 0.6-day fall since
    /// 2025-Q2 is better. The arrows give the direction only (both fell).
    @Test("a change smaller than min_change is no clear change; a larger one is judged")
    func minimumChange() throws {
        let card = try Self.card("Change lead time")
        #expect(card.contains("−0.1 (no clear change) vs 2026-Q2"), "\(card)")
        #expect(card.contains("−0.6 (better) since 2025-Q2"), "\(card)")
        let classes = try Self.markup("Change lead time").matches(of: #/class="(delta [^"]*)"/#).map { String($0.1) }
        #expect(classes.prefix(2) == ["delta delta-unclear delta-down", "delta delta-better delta-down"], "\(classes)")
    }
}
