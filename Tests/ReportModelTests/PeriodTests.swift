import Testing
@testable import ReportModel

@Suite("Quarters")
struct PeriodTests {
    @Test("parses exactly YYYY-Qn")
    func parsing() {
        #expect(Period("2026-Q3")?.description == "2026-Q3")
        for bad in ["2026Q3", "2026-Q0", "2026-Q5", "26-Q1", "2026-q1", "2026-Q1 ", "", "２０２６-Q1"] {
            #expect(Period(bad) == nil, "\(bad)")
        }
    }

    @Test("steps across year boundaries, even at the edge of four digits")
    func stepping() {
        #expect(Period("2026-Q1")!.previous.description == "2025-Q4")
        #expect(Period("2025-Q4")!.next.description == "2026-Q1")
        #expect(Period("0000-Q1")!.previous.year == -1)
        #expect(Period("9999-Q4")!.next.year == 10000)
    }

    @Test("orders by year, then quarter")
    func ordering() {
        #expect(Period("2025-Q4")! < Period("2026-Q1")!)
        #expect(Period("2026-Q2")! > Period("2026-Q1")!)
    }
}

@Suite("Diagnostics never spread person identifiers")
struct DiagnosticPrintingTests {
    @Test("e-mail addresses in a message are replaced, other words kept")
    func redaction() {
        let diagnostic = Diagnostic.error("unknown team 'bob@corp.com'; found alice@corp.com, too", at: SourceLocation(file: "x.csv"))
        #expect(diagnostic.message == "unknown team '<e-mail address>'; found <e-mail address> too")
        #expect(Diagnostic.error("rate @ 5 per day and a@b", at: SourceLocation(file: "x")).message == "rate @ 5 per day and a@b")
    }

    @Test("line breaks from quoted input do not break the one-line format")
    func oneLine() {
        let diagnostic = Diagnostic.error("value must be a number, found 'a\nb'", at: SourceLocation(file: "x.csv"))
        #expect(diagnostic.description == "x.csv:1:1: error: value must be a number, found 'a\\nb'")
    }
}
