import Foundation
import Testing
import TestSupport
@testable import Site

/// `banner:` in `site.yaml`: a notice, such as "Example data", at the top of every page.
@Suite("site.yaml's banner is on every page, escaped")
struct BannerTests {
    /// Markup, quotes and an ampersand, all of which must reach the page as text.
    static let banner = #"Example data <script>alert(1)</script> & "quotes" 'too'"#

    /// The small fixture with the banner, written as a YAML single-quoted scalar.
    static let fixture = SiteFixture.small.replacingFixture(
        "organization: Acme\n",
        with: "organization: Acme\nbanner: '\(banner.replacingOccurrences(of: "'", with: "''"))'\n")

    /// The banner as every page must hold it.
    static let markup = "<p class=\"site-banner\" role=\"note\">\(HTML.escape(banner))</p>"

    static func pages(in folder: URL) -> [String] {
        SiteFixture.files(in: folder).filter { $0.hasSuffix(".html") }
    }

    @Test("every page of the site holds it once, as text, at the start of its main content")
    func everyPage() throws {
        #expect(!Self.markup.contains("<script"), "the expected markup is escaped: \(Self.markup)")
        let (folder, summary, diagnostics) = try SiteFixture.build(Self.fixture)
        #expect(summary != nil, "\(diagnostics)")
        let pages = Self.pages(in: folder)
        #expect(pages.count == summary?.pages)
        #expect(pages.contains("404.html") && pages.contains("methodology/index.html"))
        for path in pages {
            let html = SiteFixture.read(folder, path)
            #expect(html.components(separatedBy: Self.markup).count == 2, "\(path) holds the banner once")
            #expect(!html.contains("<script"), "\(path)")
            // First in the main content: after the breadcrumbs, if the page has them.
            var main = html[try #require(html.range(of: "<main id=\"main\">"), "\(path)").upperBound...]
                .drop(while: \.isWhitespace)
            if main.hasPrefix("<nav class=\"breadcrumbs\""), let end = main.range(of: "</nav>") {
                main = main[end.upperBound...].drop(while: \.isWhitespace)
            }
            #expect(main.hasPrefix(Self.markup), "\(path): the banner comes first")
        }
    }

    @Test("the board deck holds it too")
    func deck() throws {
        let deck = try SlideDeckTests.build(Self.fixture)
        #expect(deck.summary != nil, "\(deck.diagnostics)")
        #expect(deck.html.components(separatedBy: Self.markup).count == 2)
    }

    @Test("without banner: no page has one")
    func none() throws {
        let (folder, summary, diagnostics) = try SiteFixture.build(SiteFixture.small)
        #expect(summary != nil, "\(diagnostics)")
        for path in Self.pages(in: folder) {
            #expect(!SiteFixture.read(folder, path).contains("site-banner"), "\(path)")
        }
    }
}
