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

    @Test("finds the top-level ## sections, not a ## in code, a quote or a list")
    func sections() {
        let markdown = """
            Intro

            ## First `one`

            ```
            ## not a heading
            ```

            > ## quoted

            - ## listed

            Second
            ------

            ### Third level

            ## Last
            """
        let document = MarkdownDocument(markdown)
        #expect(document.sections == [
            MarkdownSection(heading: "First one", line: 3, endLine: 3),
            MarkdownSection(heading: "Second", line: 13, endLine: 14),
            MarkdownSection(heading: "Last", line: 18, endLine: 18),
        ])
    }
}

@Suite("Discern's blocks and expressions in Markdown")
struct MarkdownRewritingTests {
    @Test("owned fenced blocks become generated HTML, other code stays code")
    func fencedBlocks() {
        var document = MarkdownDocument("Intro\n\n```chart\ntype: line\n```\n\n```swift\nlet x = 1\n```\n")
        var seen: [FencedBlock] = []
        document.replaceFencedBlocks(["chart", "table"]) { block in
            seen.append(block)
            return "<figure class=\"chart\">\(block.body.count)</figure>"
        }
        #expect(seen == [FencedBlock(language: "chart", body: "type: line\n", line: 3)])
        #expect(document.html() == "<p>Intro</p>\n<figure class=\"chart\">11</figure>\n<pre><code class=\"language-swift\">let x = 1\n</code></pre>\n")
    }

    @Test("generated HTML shows in safe mode while the narrative's own HTML is dropped")
    func safeRoute() {
        var document = MarkdownDocument("<figure>mine</figure>\n\n```table\nx\n```\n")
        document.replaceFencedBlocks(["table"]) { _ in "<table></table>" }
        #expect(document.html() == "<!-- raw HTML omitted -->\n<table></table>\n")
    }

    @Test("expressions are replaced in text, across emphasis delimiters, but not in code")
    func expressions() {
        var document = MarkdownDocument("# Lead {{ value cycle_time }}\n\nIt was *{{ delta csat }}* and `{{ value x }}`.\n")
        var seen: [Expression] = []
        document.replaceExpressions { expression in
            seen.append(expression)
            return "<data>\(expression.text.count)</data>"
        }
        #expect(seen == [
            Expression(text: " value cycle_time ", line: 1, column: 8),
            Expression(text: " delta csat ", line: 3, column: 9),
        ])
        #expect(document.html() == "<h1>Lead <data>18</data></h1>\n<p>It was <em><data>12</data></em> and <code>{{ value x }}</code>.</p>\n")
    }

    @Test("text around expressions is still escaped")
    func escaping() {
        var document = MarkdownDocument("a < b {{ x }} & c\n")
        document.replaceExpressions { _ in "<b>1</b>" }
        #expect(document.html() == "<p>a &lt; b <b>1</b> &amp; c</p>\n")
    }

    @Test("segments split text at expressions and leave an unclosed one as text")
    func segments() {
        #expect(InlineSegment.segments(of: "Q3: {{ value m }} ok {{ oops") == [
            .text("Q3: "), .expression(" value m "), .text(" ok {{ oops"),
        ])
        #expect(InlineSegment.segments(of: "") == [])
    }
}

@Suite("Line numbers as CommonMark counts them")
struct LineEndingTests {
    @Test("lone CRs end lines, so expression positions match cmark's, and never trap")
    func loneCR() {
        var document = MarkdownDocument("a\r\rb\r\r{{ x }}\r")
        var seen: [Expression] = []
        document.replaceExpressions { seen.append($0); return "" }
        #expect(seen == [Expression(text: " x ", line: 5, column: 1)])
    }
}
