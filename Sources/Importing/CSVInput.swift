import ContentLoading
import ReportModel

/// A CSV export read into rows, with its columns found by name the way people rename
/// them: `User Principal Name`, `user_principal_name` and `UserPrincipalName` are one
/// column (see `TeamMapping.foldHeader`).
struct CSVInput {
    let file: String
    let header: CSVTable.Row
    let rows: ArraySlice<CSVTable.Row>
    private let columns: [String: Int]

    /// Reads a file, or reports why it cannot be read and returns nil.
    static func read(_ input: InputFile, diagnostics: inout DiagnosticLog) -> CSVInput? {
        guard let text = input.text(diagnostics: &diagnostics) else { return nil }
        let table = CSVTable.parse(text, file: input.path, diagnostics: &diagnostics)
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

    /// A date cell; blank is an error unless `optional`.
    func day(_ row: CSVTable.Row, _ column: Int, optional: Bool = false,
             diagnostics: inout DiagnosticLog) -> CellContent<CalendarDay> {
        let field = row.fields[column]
        let text = field.text.trimmingSpaces
        if text.isEmpty {
            if optional { return .blank }
            diagnostics.error("'\(name(of: column))' is blank; expected a date", at: location(of: field))
            return .invalid
        }
        guard let day = CalendarDay(text) else {
            diagnostics.error(CalendarDay.problem(field: name(of: column)), at: location(of: field))
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
