import ContentLoading
import ReportModel

/// A CSV export read into rows, with its columns found by name the way people rename
/// them: `User Principal Name`, `user_principal_name` and `UserPrincipalName` are one
/// column (see `TeamMapping.foldHeader`).
struct CSVInput {
    let file: String
    private(set) var header: CSVTable.Row
    let rows: ArraySlice<CSVTable.Row>
    private var columns: [String: Int]

    /// Reads a file, or reports why it cannot be read and returns nil. With
    /// `detectingDelimiter`, a header with more tabs or semicolons than commas splits on them.
    static func read(_ input: InputFile, detectingDelimiter: Bool = false, diagnostics: inout DiagnosticLog) -> CSVInput? {
        guard let text = input.text(diagnostics: &diagnostics) else { return nil }
        let delimiter = detectingDelimiter ? Self.delimiter(of: text) : UInt8(ascii: ",")
        let table = CSVTable.parse(text, file: input.path, delimiter: delimiter, diagnostics: &diagnostics)
        guard let header = table.rows.first else {
            diagnostics.error("the file is empty; expected a header row", at: SourceLocation(file: input.path))
            return nil
        }
        var columns: [String: Int] = [:]
        for (index, field) in header.fields.enumerated() {
            let name = TeamMapping.foldHeader(field.text)
            if columns[name] == nil { columns[name] = index }
        }
        return CSVInput(file: input.path, header: header, rows: table.rows.dropFirst(), columns: columns)
    }

    /// The delimiter an export's first line uses most: a comma, a tab or a semicolon
    /// (Excel writes semicolons where the decimal separator is a comma). A comma on a tie.
    static func delimiter(of text: String) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        var quoted = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, byte == UInt8(ascii: "\n") { break }
            if !quoted, [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")].contains(byte) { counts[byte, default: 0] += 1 }
        }
        let comma = counts[UInt8(ascii: ","), default: 0]
        guard let (best, count) = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), count > comma else {
            return UInt8(ascii: ",")
        }
        return best
    }

    /// The same file with columns renamed: each key of `names` (the name Discern expects)
    /// becomes another spelling of the column whose header is the value (the name in the
    /// export). Returns the names of the export that no header has.
    func renaming(_ names: [(expected: String, found: String)]) -> (input: CSVInput, unknown: [String]) {
        var renamed = self
        var unknown: [String] = []
        var header = self.header
        for (expected, found) in names {
            guard let index = column(found) else {
                unknown.append(found)
                continue
            }
            renamed.columns[TeamMapping.foldHeader(expected)] = index
            header.fields[index].text = expected
        }
        renamed.header = header
        return (renamed, unknown)
    }

    /// The header's names, as a clause to show beside the ones expected: "its columns are
    /// 'a', 'b' …". A cell with four digits or an `@` is left out: in a broken file the
    /// header can run into a row of identifiers. A header with another number of fields
    /// than the first row has most likely taken in cells through an unclosed quote, which
    /// may name people, so then no name is listed, only the counts.
    var columnList: String {
        if let first = rows.first, first.fields.count != header.fields.count {
            return "its header (line \(header.line)) has \(header.fields.count) fields and its first row "
                + "\(first.fields.count): is a quote left open?"
        }
        let names = header.fields.map(\.text.trimmingSpaces).filter { name in
            !name.isEmpty && !name.contains("@") && name.filter(\.isNumber).count < 4
        }
        let shown = names.prefix(12).map { "'\($0.count > 40 ? String($0.prefix(40)) + "…" : $0)'" }
        let rest = header.fields.count - shown.count
        return "its columns are " + shown.joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
    }

    /// The index of a column, by any spelling of its name.
    func column(_ name: String) -> Int? {
        columns[TeamMapping.foldHeader(name)]
    }

    /// The indexes of the columns a feed cannot do without, in order; reports each one
    /// missing at the header and returns nil if any is.
    func requireColumns(_ names: [String], diagnostics: inout DiagnosticLog) -> [Int]? {
        var found: [Int] = []
        for name in names {
            if let index = column(name) {
                found.append(index)
            } else {
                diagnostics.error("missing column '\(name)'", at: SourceLocation(file: file, line: header.line, column: 1))
            }
        }
        return found.count == names.count ? found : nil
    }

    /// The column's header as written.
    func name(of column: Int) -> String {
        header.fields[column].text.trimmingSpaces
    }

    func location(of field: CSVTable.Field) -> SourceLocation {
        SourceLocation(file: file, line: field.line, column: field.column)
    }

    /// Whether a row has the header's number of fields; reports it if not.
    func isWhole(_ row: CSVTable.Row, diagnostics: inout DiagnosticLog) -> Bool {
        guard row.fields.count == header.fields.count else {
            diagnostics.error("expected \(header.fields.count) fields as in the header, found \(row.fields.count)",
                              at: SourceLocation(file: file, line: row.line, column: 1))
            return false
        }
        return true
    }

    /// A date cell; blank is an error unless `optional`. Dates with slashes are read in `order`.
    func day(_ row: CSVTable.Row, _ column: Int, optional: Bool = false, order: DateOrder = .mdy,
             diagnostics: inout DiagnosticLog) -> CellContent<CalendarDay> {
        let field = row.fields[column]
        let text = field.text.trimmingSpaces
        if text.isEmpty {
            if optional { return .blank }
            diagnostics.error("'\(name(of: column))' is blank; expected a date", at: location(of: field))
            return .invalid
        }
        guard let day = CalendarDay(text, order: order) else {
            diagnostics.error(CalendarDay.problem(field: name(of: column), order: order), at: location(of: field))
            return .invalid
        }
        return .value(day)
    }

    /// A number cell of 0 or more; blank is missing, never zero.
    func amount(_ row: CSVTable.Row, _ column: Int, diagnostics: inout DiagnosticLog) -> CellContent<Double> {
        let field = row.fields[column]
        let text = field.text.trimmingSpaces
        if text.isEmpty { return .blank }
        guard case .success(let value) = NumberText.parse(text), value >= 0 else {
            diagnostics.error("'\(name(of: column))' must be a number of 0 or more", at: location(of: field))
            return .invalid
        }
        return .value(value)
    }
}
