import ReportModel
import Testing
@testable import ContentLoading

@Suite("CSV per RFC 4180")
struct CSVTableTests {
    func parse(_ csv: String) -> (table: CSVTable, diagnostics: [Diagnostic]) {
        var diagnostics = DiagnosticLog()
        let table = CSVTable.parse(csv, file: "x.csv", diagnostics: &diagnostics)
        return (table, diagnostics.all)
    }

    func texts(_ csv: String) -> [[String]] {
        parse(csv).table.rows.map { $0.fields.map(\.text) }
    }

    @Test("quoted fields keep commas, doubled quotes and newlines")
    func quoted() {
        let csv = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
        #expect(texts(csv) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"]])
    }

    @Test("CRLF line endings read the same as LF, inside quotes too")
    func crlf() {
        #expect(texts("a,b\r\n1,\"p\r\nq\"\r\n") == [["a", "b"], ["1", "p\nq"]])
    }

    @Test("spaces around fields are trimmed; spaces inside quotes are kept")
    func trimming() {
        #expect(texts("  a ,b  \n 1 ,  \" 2 \"  \n") == [["a", "b"], ["1", " 2 "]])
    }

    @Test("blank fields stay blank and blank lines are skipped")
    func blanks() {
        #expect(texts("a,b,c\n\n1,,3\n\n") == [["a", "b", "c"], ["1", "", "3"]])
    }

    @Test("every field knows its line and column, counted in characters")
    func positions() {
        let table = parse("é,b\n\"m\nn\",z\n").table
        let fields = table.rows.flatMap(\.fields).map { "\($0.line):\($0.column)" }
        #expect(fields == ["1:1", "1:3", "2:1", "3:4"])
        #expect(table.rows.map(\.line) == [1, 2])
    }

    @Test("an unclosed quote is an error at the opening quote")
    func unclosed() {
        let (_, diagnostics) = parse("a,b\n1,\"open\n")
        #expect(diagnostics.map(\.description) == ["x.csv:2:3: error: quoted field is not closed; add the closing quote"])
    }

    @Test("a stray quote and text after a closing quote are errors")
    func strayQuotes() {
        let (_, diagnostics) = parse("a,b\n1x\"y,\"q\"z\n")
        #expect(diagnostics.map(\.description) == [
            "x.csv:2:3: error: stray quote in an unquoted field; quote the whole field and double any quotes inside it",
            "x.csv:2:9: error: unexpected text after a closing quote; expected a comma or the end of the line",
        ])
    }
}

@Suite("Did you mean")
struct SuggestionTests {
    @Test("a swap of neighbours is one edit; far words get no suggestion")
    func distances() {
        #expect(Suggestion.editDistance("valeu", "value") == 1)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.closest(to: "cycle_tiem", in: ["cycle_time", "csat"]) == "cycle_time")
        #expect(Suggestion.closest(to: "zzz", in: ["cycle_time", "csat"]) == nil)
    }
}
