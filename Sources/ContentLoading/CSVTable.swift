import ReportModel

/// A CSV file split into rows and fields, per RFC 4180, with the position of every field.
///
/// Written by hand rather than taken from a package because every field needs its
/// `line:column` for diagnostics, and the mirrored CSV libraries do not report positions.
/// Accepts quoted fields holding commas, quotes (`""`) and newlines, CRLF or LF line
/// endings, and trims spaces around fields. Blank lines are skipped.
package struct CSVTable {
    package struct Field: Equatable {
        package var text: String
        package var line: Int
        package var column: Int
    }

    package struct Row {
        package var fields: [Field]
        package var line: Int
    }

    package var rows: [Row]

    /// Parses text (already checked as UTF-8, byte-order mark removed). `delimiter` is a
    /// comma unless an importer has found a tab or semicolon in an export's header.
    package static func parse(_ text: String, file: String, delimiter: UInt8 = UInt8(ascii: ","),
                              diagnostics: inout DiagnosticLog) -> CSVTable {
        var parser = Parser(cursor: TextCursor(text, file: file), comma: delimiter)
        parser.run()
        diagnostics.merge(parser.diagnostics)
        return CSVTable(rows: parser.rows)
    }

    private struct Parser {
        var cursor: TextCursor
        /// The delimiter: a comma, or a tab or semicolon.
        let comma: UInt8
        var rows: [Row] = []
        var diagnostics = DiagnosticLog()

        static let quote = UInt8(ascii: "\""), space = UInt8(ascii: " ")
        static let tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        var atEnd: Bool { cursor.atEnd }
        var atLineEnd: Bool { atEnd || cursor.at(Self.lf) || cursor.at(Self.cr) }

        mutating func advance() { cursor.advance() }

        mutating func skipSpaces() {
            while cursor.at(Self.space) || (comma != Self.tab && cursor.at(Self.tab)) { advance() }
        }

        mutating func run() {
            while !atEnd {
                let rowLine = cursor.line
                var fields: [Field] = []
                while true {
                    fields.append(field())
                    if cursor.at(comma) {
                        advance()
                        continue
                    }
                    break
                }
                // Line end: CR LF, LF, or a lone CR at the end.
                // CR LF, LF, or a lone CR (old Mac files) each end one line.
                if cursor.at(Self.cr), cursor.next == Self.lf { cursor.skipInvisible() }
                if cursor.at(Self.lf) || cursor.at(Self.cr) { advance() }
                let blank = fields.count == 1 && fields[0].text.isEmpty
                if !blank { rows.append(Row(fields: fields, line: rowLine)) }
            }
        }

        mutating func field() -> Field {
            skipSpaces()
            let startLine = cursor.line, startColumn = cursor.column
            if cursor.at(Self.quote) {
                return quotedField(line: startLine, column: startColumn)
            }
            let start = cursor.index
            var end = start
            while !atLineEnd, !cursor.at(comma) {
                let byte = cursor.current
                if byte == Self.quote {
                    diagnostics.report(.error(
                        "stray quote in an unquoted field; quote the whole field and double any quotes inside it",
                        at: cursor.location))
                }
                advance()
                if byte != Self.space, byte != Self.tab { end = cursor.index }
            }
            return Field(text: String(decoding: cursor.bytes[start..<end], as: UTF8.self), line: startLine, column: startColumn)
        }

        mutating func quotedField(line startLine: Int, column startColumn: Int) -> Field {
            advance() // opening quote
            var content: [UInt8] = []
            while true {
                guard !atEnd else {
                    diagnostics.report(.error(
                        "quoted field is not closed; add the closing quote",
                        at: SourceLocation(file: cursor.file, line: startLine, column: startColumn)))
                    break
                }
                let byte = cursor.current
                if byte == Self.quote {
                    if cursor.next == Self.quote {
                        content.append(Self.quote)
                        advance()
                        advance()
                        continue
                    }
                    advance() // closing quote
                    skipSpaces()
                    if !atLineEnd, !cursor.at(comma) {
                        diagnostics.report(.error(
                            "unexpected text after a closing quote; expected a comma or the end of the line",
                            at: cursor.location))
                        while !atLineEnd, !cursor.at(comma) { advance() }
                    }
                    break
                }
                // Inside quotes CRLF is kept as LF, so a field reads the same on every platform.
                if byte == Self.cr, cursor.next == Self.lf {
                    cursor.skipInvisible()
                    continue
                }
                content.append(byte)
                advance()
            }
            return Field(text: String(decoding: content, as: UTF8.self), line: startLine, column: startColumn)
        }
    }
}
