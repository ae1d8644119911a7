import Analysis
import ContentLoading
import Foundation
import ReportModel
@testable import Site
import Testing
import TestSupport

/// The board theme's deck, built from content the way `discern build --theme board` does.
@Suite("Board deck")
struct SlideDeckTests {
    static func boardTheme() -> Theme {
        var diagnostics = DiagnosticLog()
        let theme = Theme.load(from: SiteFixture.repository.appendingPathComponent("Themes/board"), label: "Themes/board",
                               diagnostics: &diagnostics)
        precondition(diagnostics.isEmpty, "\(diagnostics.all)")
        return theme!
    }

    /// The small organization, with a narrative whose sections the deck sorts three ways.
    static let fixture = SiteFixture.small.replacingFixture( """
        -- narratives/org/2026-Q2.md --
        ---
        title: "Acme in {{ value cycle_time }}"
        summary: Cycle time moved {{ delta cycle_time }}.
        highlights: [cycle_time]
        ---
        ## Outcomes
        """, with: """
        -- narratives/org/2026-Q2.md --
        ---
        title: "Acme in {{ value cycle_time }}"
        summary: Cycle time moved {{ delta cycle_time }}.
        highlights: [cycle_time]
        deck:
          notes: [How we measured]
          omit: [appendix, Gone section]
        ---
        Opening words for the presenter.

        ## How we measured

        A survey of every team.

        ## Appendix

        Raw tables nobody presents.

        ## Usage & <script>"context"

        Usage is context, at {{ value wau }}.

        ## Outcomes
        """)

    struct Deck {
        var folder: URL
        var html: String
        var summary: SiteBuilder.Summary?
        var diagnostics: [Diagnostic]

        /// Each slide's markup, in order.
        var slides: [Substring] {
            html.split(separator: "<section class=\"slide ").dropFirst().map { $0 }
        }

        /// Each slide's heading text, as written (escaped).
        var titles: [String] {
            slides.map { slide in
                let open = slide.range(of: "\">", range: slide.range(of: "<h")!.upperBound..<slide.endIndex)!
                return String(slide[open.upperBound..<slide.range(of: "</h")!.lowerBound])
            }
        }
    }

    static func build(_ fixture: String) throws -> Deck {
        let (report, loadDiagnostics) = SiteFixture.report(fixture)
        let folder = SiteFixture.temporaryFolder()
        var diagnostics = DiagnosticLog()
        let summary = try SiteBuilder(report: report, theme: boardTheme()).build(into: folder, diagnostics: &diagnostics)
        return Deck(folder: folder, html: SiteFixture.read(folder, "index.html"), summary: summary,
                    diagnostics: loadDiagnostics + diagnostics.all)
    }

    @Test("a theme with deck.mustache builds one page of slides, in the deck's order")
    func slidesInOrder() throws {
        let deck = try Self.build(Self.fixture)
        #expect(deck.summary?.pages == 1)
        #expect(deck.summary?.slides == 11)
        #expect(deck.titles == [
            "Acme in 4.0 days",
            "Highlights",
            "Outcomes",
            "Usage: context, not impact",
            "Usage &amp; &quot;context&quot;",
            "Outcomes",
            "Cycle time over time",
            "Change from baseline by group",
            "Engineering: 17 people, 2 teams shown",
            "Usage and outcomes",
            "How to read these numbers",
        ])
        #expect(deck.slides.first?.hasPrefix("slide-title") == true)
        #expect(deck.slides.last?.hasPrefix("slide-about") == true)
        #expect(deck.slides.allSatisfy { $0.contains("class=\"slide-frame\"") })
        #expect(!SiteFixture.files(in: deck.folder).contains("teams/index.html"))
    }

    @Test("front matter keeps a section as the previous slide's notes, leaves one out, and warns of a name it cannot find")
    func speakerNotes() throws {
        let deck = try Self.build(Self.fixture)
        // The text before the first section, and a notes section before any slide of the
        // narrative, go to the title slide's notes.
        let title = try #require(deck.slides.first)
        #expect(title.contains("class=\"slide-notes\""))
        #expect(title.contains("Opening words for the presenter."))
        #expect(title.contains("<h3>How we measured</h3>") && title.contains("A survey of every team."))
        #expect(!deck.html.contains("Raw tables nobody presents"))
        #expect(!deck.titles.contains("Appendix"))
        // Notes are printed nowhere: they sit outside the slide's frame.
        let frameEnd = try #require(title.range(of: "<div class=\"slide-extras\">"))
        #expect(!title[..<frameEnd.lowerBound].contains("Opening words"))
        #expect(deck.diagnostics.map(\.description) == [
            "narratives/org/2026-Q2.md:5:1: warning: deck omit names 'Gone section', but the narrative has no ## section with that heading",
        ])
    }

    @Test("every user string is escaped, raw HTML is dropped, and a suppressed team appears nowhere")
    func escapedAndPrivate() throws {
        let deck = try Self.build(Self.fixture)
        #expect(!deck.html.contains("<script"))
        for path in SiteFixture.files(in: deck.folder) {
            #expect(!SiteFixture.read(deck.folder, path).contains("Tinyteamname"), "\(path)")
        }
    }

    @Test("each chart's standalone SVG and CSV are written beside the deck and listed under its slide")
    func chartFiles() throws {
        let deck = try Self.build(Self.fixture)
        let files = SiteFixture.chartFiles(in: deck.folder, ".svg") + SiteFixture.chartFiles(in: deck.folder, ".csv")
        #expect(files.allSatisfy { !$0.contains("/") }, "the deck is the site's index.html: \(files)")
        #expect(files.count == 2 * (deck.summary?.charts ?? -1))
        #expect(files.count >= 8)
        for path in files {
            #expect(deck.html.contains("href=\"\(path)\""), "\(path) is not listed under its slide")
        }
    }

    @Test("the sample content fills no slide with more than six cards: a long category goes on")
    func cardsPerSlide() throws {
        let load = ContentLoader(source: .disk(SiteFixture.repository.appendingPathComponent("content"))).load()
        let folder = SiteFixture.temporaryFolder()
        var diagnostics = DiagnosticLog()
        let summary = try SiteBuilder(report: Report(content: load.content), theme: Self.boardTheme())
            .build(into: folder, diagnostics: &diagnostics)
        #expect(!diagnostics.hasErrors)
        let deck = Deck(folder: folder, html: SiteFixture.read(folder, "index.html"), summary: summary, diagnostics: diagnostics.all)
        #expect(deck.titles.contains("Judgment in AI use (1 of 2)") && deck.titles.contains("Judgment in AI use (2 of 2)"))
        for slide in deck.slides {
            #expect(slide.components(separatedBy: "<div class=\"kpi kpi-").count - 1 <= SlideDeck.cardsPerSlide)
        }
        #expect(deck.slides.count == summary?.slides)
    }
}
