@testable import Preview
import ReportModel
import Testing

/// What the preview adds to a page as it sends it.
@Suite("PreviewMarkup: the reload script and the error overlay")
struct PreviewMarkupTests {
    let page = Array("<!DOCTYPE html>\n<html><body><main>Report</main>\n</BODY>\n</html>\n".utf8)

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("the script goes before the last </body>, whatever its case, and knows the build")
    func script() {
        let annotated = text(PreviewMarkup.annotate(page, build: 7, errors: []))
        #expect(annotated.hasPrefix("<!DOCTYPE html>\n<html><body><main>Report</main>\n<script data-discern-preview>"))
        #expect(annotated.hasSuffix("</script>\n</BODY>\n</html>\n"))
        #expect(annotated.contains("var build = \"7\";"))
        #expect(annotated.contains("new EventSource(\"/_discern/events\")"))
        #expect(!annotated.contains("role=\"alert\""), "no overlay without errors")
    }

    @Test("a page without </body> gets the script at its end")
    func noBody() {
        let annotated = text(PreviewMarkup.annotate(Array("<p>bare</p>".utf8), build: 2, errors: []))
        #expect(annotated.hasPrefix("<p>bare</p><script data-discern-preview>"))
    }

    @Test("errors become an alert that lists each as file:line:column, escaped")
    func overlay() {
        let errors = [
            Diagnostic.error("unknown metric '<script>alert(1)</script>' & \"more\"",
                             at: SourceLocation(file: "narratives/org/2026-Q3.md", line: 4, column: 9)),
            Diagnostic.error("value must be a number", at: SourceLocation(file: "data/v.csv", line: 2, column: 13)),
        ]
        let annotated = text(PreviewMarkup.annotate(page, build: 3, errors: errors))
        #expect(annotated.contains("role=\"alert\""))
        #expect(annotated.contains("position:fixed"))
        #expect(annotated.contains("(2 errors)"))
        #expect(annotated.contains(
            "narratives/org/2026-Q3.md:4:9: error: unknown metric &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; &amp; &quot;more&quot;"))
        #expect(annotated.contains("data/v.csv:2:13: error: value must be a number"))
        #expect(!annotated.contains("<script>alert(1)"))
        // The overlay comes before the script, and both before </BODY>.
        let overlay = annotated.range(of: "role=\"alert\"")!.lowerBound
        let script = annotated.range(of: "<script data-discern-preview>")!.lowerBound
        let body = annotated.range(of: "</BODY>")!.lowerBound
        #expect(overlay < script && script < body)
    }

    @Test("the overlay lists at most 50 errors and says how many more there are")
    func manyErrors() {
        let errors = (1...60).map { Diagnostic.error("bad \($0)", at: SourceLocation(file: "data/v.csv", line: $0)) }
        let overlay = PreviewMarkup.overlay(errors).markup
        #expect(overlay.contains("(60 errors)"))
        #expect(overlay.contains("data/v.csv:50:1: error: bad 50"))
        #expect(!overlay.contains("data/v.csv:51:1: error: bad 51"))
        #expect(overlay.contains("and 10 more"))
    }
}
