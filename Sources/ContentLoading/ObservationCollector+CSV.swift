import Formatting
import ReportModel

extension ObservationCollector {
    /// What a data table's header says each column holds: the CSV reader's and
    /// `ResultCheck`'s, so a query's result is read by the rules its snapshot will be.
    struct DataLayout {
        var names: [String]
        var period: Int
        var team: Int
        var count: Int?
        /// The `metric` column, in long form; nil in wide form.
        var metric: Int?
        /// The columns holding values, each with its metric in wide form.
        var values: [(index: Int, metric: MetricID?)]
        /// In long form, the columns of a given interval (`ci_low`, `ci_high`, `sd`) by name.
        var spread: [String: Int] = [:]
    }

    /// Reads a CSV data file in long form (`period,team,metric,value[,n]`) or wide form
    /// (`period,team[,n],<metric id>,...`). A file is long form when it has both a
    /// `metric` and a `value` column.
    mutating func readCSV(_ text: String, file: String) {
        let table = CSVTable.parse(text, file: file, diagnostics: &log)
        guard let header = table.rows.first else {
            report(.warning("data file is empty", at: SourceLocation(file: file)))
            return
        }
        func at(_ field: CSVTable.Field) -> SourceLocation {
            SourceLocation(file: file, line: field.line, column: field.column)
        }
        guard let layout = layout(of: header.fields.map(\.text), at: { at(header.fields[$0]) },
                                  header: SourceLocation(file: file, line: header.line, column: 1)) else { return }
        for row in table.rows.dropFirst() {
            if isSaturated(file) { return }
            guard row.fields.count == header.fields.count else {
                report(.error("expected \(header.fields.count) fields as in the header, found \(row.fields.count)",
                              at: SourceLocation(file: file, line: row.line, column: 1)))
                continue
            }
            read(row.fields.map(\.text), in: layout, at: { at(row.fields[$0]) },
                 row: SourceLocation(file: file, line: row.line, column: 1))
        }
    }

    /// Reads a header's column names; nil when no row can be read in it.
    /// - Parameters:
    ///   - at: where the column at an index is named.
    ///   - header: where the header is, for columns it lacks.
    mutating func layout(of header: [String], at: (Int) -> SourceLocation, header location: SourceLocation) -> DataLayout? {
        var columns: [String: Int] = [:]
        var identifiesPeople = false
        let names = header.map(\.trimmingSpaces)
        for (index, name) in names.enumerated() {
            if PersonIdentifier.isIdentifierColumn(name) {
                report(.error(PersonIdentifier.columnMessage(name), at: at(index)))
                identifiesPeople = true
            } else if let first = columns[name] {
                report(.error("duplicate column '\(Excerpt.of(name))'; first at column \(first + 1)", at: at(index)))
            } else {
                columns[name] = index
            }
        }
        // A file keyed by person holds per-person rows: none of them may be used.
        guard !identifiesPeople else { return nil }
        for required in ["period", "team"] where columns[required] == nil {
            report(.error("missing column '\(required)'; the header must name period, team and the values", at: location))
        }
        guard let periodColumn = columns["period"], let teamColumn = columns["team"] else { return nil }

        // Long form has one value per row; wide form one per metric column.
        var valueColumns: [(index: Int, metric: MetricID?)] = []
        let longForm = columns["metric"] != nil && columns["value"] != nil
        for (index, name) in names.enumerated() {
            if ["period", "team", "n"].contains(name) || columns[name] != index { continue }
            if longForm {
                if !(["metric", "value"] + Self.spreadKeys).contains(name) {
                    report(.warning("unknown column '\(Excerpt.of(name))' is ignored; long-form data has period, team, metric, value, n, "
                                    + "and for given intervals ci_low, ci_high or sd", at: at(index)))
                }
            } else if Self.spreadKeys.contains(name) {
                report(.error("'\(name)' belongs to long-form data (period, team, metric, value, n, \(name)), "
                              + "where it is clear which value it goes with", at: at(index)))
            } else {
                valueColumns.append((index, metric(name, at: at(index))))
            }
        }
        if longForm { valueColumns = [(columns["value"]!, nil)] }
        return DataLayout(names: names, period: periodColumn, team: teamColumn, count: columns["n"],
                          metric: longForm ? columns["metric"] : nil, values: valueColumns,
                          spread: longForm ? columns.filter { Self.spreadKeys.contains($0.key) } : [:])
    }

    /// Reads one row of a table in `layout`, as many cells as its header.
    /// - Parameters:
    ///   - at: where the cell at an index is.
    ///   - row: where the row is: a long-form observation's location.
    mutating func read(_ cells: [String], in layout: DataLayout, at: (Int) -> SourceLocation, row: SourceLocation) {
        for (index, cell) in cells.enumerated() {
            if PersonIdentifier.looksLikeEmail(cell.trimmingSpaces), index != layout.team {
                report(.error(PersonIdentifier.emailMessage, at: at(index)))
            }
        }
        let period = period(cells[layout.period], at: at(layout.period))
        let scope = scope(cells[layout.team], at: at(layout.team))
        var n = CellContent<Int>.blank
        if let countColumn = layout.count { n = count(cells[countColumn], at: at(countColumn)) }
        var rowMetric: MetricID?
        if let metricColumn = layout.metric { rowMetric = metric(cells[metricColumn], at: at(metricColumn)) }
        for column in layout.values {
            guard let value = value(cells[column.index], at: at(column.index)).value, let period, let scope, !n.isInvalid,
                  let metric = layout.metric != nil ? rowMetric : column.metric else { continue }
            let location = layout.metric != nil ? row : at(column.index)
            var spread: GivenSpread?
            if !layout.spread.isEmpty {
                var given: [String: SpreadCell] = [:]
                // In the keys' order, so the diagnostics come in the same order every run.
                for key in Self.spreadKeys {
                    guard let index = layout.spread[key] else { continue }
                    if let number = self.value(cells[index], at: at(index)).value {
                        given[key] = SpreadCell(value: number, text: cells[index].trimmingSpaces, location: at(index))
                    }
                }
                spread = self.spread(low: given["ci_low"], high: given["ci_high"], sd: given["sd"], value: value,
                                     n: n.value, metric: metric)
            }
            add(Observation(period: period, scope: scope, metric: metric, value: value, n: n.value, spread: spread,
                            location: location))
        }
    }
}
