import Testing
@testable import Markdown

@Suite("Markdown through libcmark")
struct MarkdownDocumentTests {
    @Test("renders CommonMark to HTML")
    func rendersHTML() {
        let document = MarkdownDocument("# Outcomes\n\nCycle time *fell*.\n")
        #expect(document.html() == "<h1>Outcomes</h1>\n<p>Cycle time <em>fell</em>.</p>\n")
    }

    @Test("drops raw HTML and javascript: links by default")
    func safeByDefault() {
        let document = MarkdownDocument("<script>alert(1)</script>\n\n[x](javascript:alert(1))\n")
        let html = document.html()
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test("keeps raw HTML when the site opts in")
    func rawHTMLOptIn() {
        let document = MarkdownDocument("<aside>note</aside>\n")
        #expect(document.html(allowRawHTML: true) == "<aside>note</aside>\n")
    }

    @Test("walks the tree for heading text")
    func headings() {
        let document = MarkdownDocument("# One `two`\n\ntext\n\n## Three\n")
        #expect(document.headings == ["One two", "Three"])
    }
}
