import ReportModel
import Testing

/// Every CSV cell Discern writes follows RFC 4180 and OWASP's CSV Injection rule
/// (https://owasp.org/www-community/attacks/CSV_Injection): a cell that starts with
/// `=`, `+`, `-`, `@`, tab or carriage return, and is not a number, gets a single quote
/// in front, inside a quoted field.
@Suite("CSV cells")
struct CSVCellTests {
    @Test("a cell that starts a formula gets a quote in front, inside a quoted field")
    func formulas() {
        #expect(CSVCell.written(#"=HYPERLINK("https://evil.test","x")"#) == #""'=HYPERLINK(""https://evil.test"",""x"")""#)
        #expect(CSVCell.written("=1+1") == #""'=1+1""#)
        #expect(CSVCell.written("+1+cmd") == #""'+1+cmd""#)
        #expect(CSVCell.written("-2+3") == #""'-2+3""#)
        #expect(CSVCell.written("@SUM(A1)") == #""'@SUM(A1)""#)
        #expect(CSVCell.written("\tTabbed") == "\"'\tTabbed\"")
        #expect(CSVCell.written("\rReturn") == "\"'\rReturn\"")
        #expect(CSVCell.written("-") == #""'-""#)
        #expect(CSVCell.written("--1") == #""'--1""#)
        #expect(CSVCell.written("-1e") == #""'-1e""#)
        #expect(CSVCell.written("+.") == #""'+.""#)
    }

    @Test("numbers stay numbers, and other text is as RFC 4180 has it")
    func numbers() {
        for number in ["-3.5", "+2", "-12%", "-0", "-.5", "-1.", "-1e-3", "+4E+2", "3.5", "42"] {
            #expect(CSVCell.written(number) == number, "\(number)")
        }
        #expect(CSVCell.written("Platform") == "Platform")
        #expect(CSVCell.written("−3.5 days") == "−3.5 days", "the minus sign Discern prints is not a formula")
        #expect(CSVCell.written("a,b") == #""a,b""#)
        #expect(CSVCell.written(#"x,"y""#) == #""x,""y""""#)
        #expect(CSVCell.written("two\nlines") == "\"two\nlines\"")
        #expect(CSVCell.written("'=already") == "'=already", "a leading quote starts no formula")
        #expect(CSVCell.written("") == "")
        #expect(CSVCell.record(["=a", "-1", "b,c"]) == #""'=a",-1,"b,c""#)
    }
}
