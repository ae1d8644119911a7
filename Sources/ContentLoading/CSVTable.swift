import ReportModel

/// A CSV file split into rows and fields, per RFC 4180, with the position of every field.
///
/// Written by hand rather than taken from a package because every field needs its
/// `line:column` for diagnostics, and the mirrored CSV libraries do not report positions.
/// Accepts quoted fields holding commas, quotes (`""`) and newlines, CRLF or LF line
/// endings, and trims spaces around fields. Blank lines are skipped.
struct CSVTable {
    struct Field: Equatable {
        var text: String
        var line: Int
        var column: Int
    }

    struct Row {
        var fields: [Field]
        var line: Int
    }

    var rows: [Row]

    /// Parses text (already checked as UTF-8, byte-order mark removed).
    static func parse(_ text: String, file: String) -> (CSVTable, [Diagnostic]) {
        var parser = Parser(bytes: Array(text.utf8), file: file)
        parser.run()
        return (CSVTable(rows: parser.rows), parser.diagnostics)
    }

    private struct Parser {
        let bytes: [UInt8]
        let file: String
        var rows: [Row] = []
        var diagnostics: [Diagnostic] = []
        var index = 0
        var line = 1
        var column = 1

        init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
        }

        static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), space = UInt8(ascii: " ")
        static let tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        var atEnd: Bool { index >= bytes.count }
        var atLineEnd: Bool { atEnd || bytes[index] == Self.lf || (bytes[index] == Self.cr && (index + 1 >= bytes.count || bytes[index + 1] == Self.lf)) }

        mutating func advance() {
            let byte = bytes[index]
            index += 1
            if byte == Self.lf {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Count Unicode scalars, not bytes: continuation bytes do not move the column.
                column += 1
            }
        }

        mutating func skipSpaces() {
            while !atEnd, bytes[index] == Self.space || bytes[index] == Self.tab { advance() }
        }

        mutating func run() {
            while !atEnd {
                let rowLine = line
                var fields: [Field] = []
                while true {
                    fields.append(field())
                    if !atEnd, bytes[index] == Self.comma {
                        advance()
                        continue
                    }
                    break
                }
                // Line end: CR LF, LF, or a lone CR at the end.
                if !atEnd, bytes[index] == Self.cr { index += 1 }
                if !atEnd, bytes[index] == Self.lf { advance() }
                let blank = fields.count == 1 && fields[0].text.isEmpty
                if !blank { rows.append(Row(fields: fields, line: rowLine)) }
            }
        }

        mutating func field() -> Field {
            skipSpaces()
            let startLine = line, startColumn = column
            if !atEnd, bytes[index] == Self.quote {
                return quotedField(line: startLine, column: startColumn)
            }
            let start = index
            var end = index
            while !atEnd, bytes[index] != Self.comma, !atLineEnd {
                if bytes[index] == Self.quote {
                    diagnostics.append(.error(
                        "stray quote in an unquoted field; quote the whole field and double any quotes inside it",
                        at: SourceLocation(file: file, line: line, column: column)))
                }
                advance()
                if bytes[index - 1] != Self.space, bytes[index - 1] != Self.tab { end = index }
            }
            return Field(text: String(decoding: bytes[start..<end], as: UTF8.self), line: startLine, column: startColumn)
        }

        mutating func quotedField(line startLine: Int, column startColumn: Int) -> Field {
            advance() // opening quote
            var content: [UInt8] = []
            while true {
                guard !atEnd else {
                    diagnostics.append(.error(
                        "quoted field is not closed; add the closing quote",
                        at: SourceLocation(file: file, line: startLine, column: startColumn)))
                    break
                }
                let byte = bytes[index]
                if byte == Self.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                        content.append(Self.quote)
                        advance()
                        advance()
                        continue
                    }
                    advance() // closing quote
                    skipSpaces()
                    if !atEnd, bytes[index] != Self.comma, !atLineEnd {
                        diagnostics.append(.error(
                            "unexpected text after a closing quote; expected a comma or the end of the line",
                            at: SourceLocation(file: file, line: line, column: column)))
                        while !atEnd, bytes[index] != Self.comma, !atLineEnd { advance() }
                    }
                    break
                }
                // Inside quotes CRLF is kept as LF, so a field reads the same on every platform.
                if byte == Self.cr, index + 1 < bytes.count, bytes[index + 1] == Self.lf {
                    index += 1
                    continue
                }
                content.append(byte)
                advance()
            }
            return Field(text: String(decoding: content, as: UTF8.self), line: startLine, column: startColumn)
        }
    }
}
