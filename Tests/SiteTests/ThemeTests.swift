import Foundation
import ReportModel
import Testing
@testable import Site

@Suite("Themes: overrides and template errors")
struct ThemeTests {
    @Test("a template error reports the theme file, line and column")
    func syntaxError() {
        var diagnostics = DiagnosticLog()
        let theme = Theme.make(files: [
            "page.mustache": ("Themes/broken/page.mustache", Array("<html>\n<body>{{#main}}\n</body>\n".utf8)),
        ], diagnostics: &diagnostics)
        #expect(theme == nil)
        #expect(diagnostics.all.map(\.description) == [
            "Themes/broken/page.mustache:4:1: error: template syntax: a section is never closed",
        ])
    }

    @Test("a file in the content's theme folder replaces the theme's file of that name")
    func override() throws {
        let overrides = SiteFixture.temporaryFolder()
        try FileManager.default.createDirectory(at: overrides, withIntermediateDirectories: true)
        try "<footer class=\"custom\">Ours</footer>\n".write(to: overrides.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
        var diagnostics = DiagnosticLog()
        let theme = Theme.load(from: SiteFixture.repository.appendingPathComponent("Themes/default"), label: "Themes/default",
                               overrides: overrides, overridesLabel: "content/theme", diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        let (report, _) = SiteFixture.report(SiteFixture.small)
        let output = SiteFixture.temporaryFolder()
        _ = try SiteBuilder(report: report, theme: try #require(theme)).build(into: output, diagnostics: &diagnostics)
        let html = SiteFixture.read(output, "index.html")
        #expect(html.contains("<footer class=\"custom\">Ours</footer>"))
        #expect(html.contains("<header class=\"site-header\">"), "the other templates stay the theme's")
    }

    @Test("a theme without a page shell is an error")
    func missingPage() {
        var diagnostics = DiagnosticLog()
        _ = Theme.make(files: ["style.css": ("Themes/x/style.css", [])], diagnostics: &diagnostics)
        #expect(diagnostics.all.map(\.description) == ["theme:1:1: error: the theme has no page.mustache (a site) or deck.mustache (a slide deck)"])
    }
}
