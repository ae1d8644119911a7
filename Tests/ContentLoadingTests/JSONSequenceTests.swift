import ReportModel
import Testing
@testable import ContentLoading

/// JSON values one after another, as `gh api --paginate` saves an API's pages: each
/// page's body as the API sent it, with nothing between them
/// (https://cli.github.com/manual/gh_api).
@Suite("JSON values in sequence")
struct JSONSequenceTests {
    func parse(_ text: String) -> (values: [JSONValue], printed: [String]) {
        var diagnostics = DiagnosticLog()
        let values = JSONValue.parseSequence(text, file: "pages.json", diagnostics: &diagnostics)
        return (values, diagnostics.all.map(\.description))
    }

    @Test("pages with nothing between them, or blank lines, are read in order with their positions")
    func pages() {
        let adjacent = parse(#"[{"n":1}][{"n":2},{"n":3}]"#)
        #expect(adjacent.printed == [])
        #expect(adjacent.values.map(\.column) == [1, 10])
        #expect(adjacent.values.map(\.typeName) == ["an array", "an array"])

        let spaced = parse("\n[1]\n\n  [2]\r\n[3]\n")
        #expect(spaced.printed == [])
        #expect(spaced.values.map(\.line) == [2, 4, 5])
        #expect(spaced.values.map(\.column) == [1, 3, 1])
    }

    @Test("a syntax error is reported at its line and column, and the values before it are kept")
    func error() {
        let result = parse("[1]\n[2,\n")
        #expect(result.values.count == 1)
        #expect(result.printed == ["pages.json:3:1: error: unexpected end of file; expected a value"])
        #expect(parse("  \n").values.isEmpty)
        #expect(parse("  \n").printed == [])
    }
}
