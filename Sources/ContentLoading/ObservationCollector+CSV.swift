import Formatting
import ReportModel

extension ObservationCollector {
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

        var columns: [String: Int] = [:]
        var identifiesPeople = false
        for (index, field) in header.fields.enumerated() {
            let name = field.text.trimmingSpaces
            if PersonIdentifier.isIdentifierColumn(name) {
                report(.error(PersonIdentifier.columnMessage(name), at: at(field)))
                identifiesPeople = true
            } else if let first = columns[name] {
                report(.error("duplicate column '\(Excerpt.of(name))'; first at column \(first + 1)", at: at(field)))
            } else {
                columns[name] = index
            }
        }
        // A file keyed by person holds per-person rows: none of them may be used.
        guard !identifiesPeople else { return }
        for required in ["period", "team"] where columns[required] == nil {
            report(.error("missing column '\(required)'; the header must name period, team and the values",
                          at: SourceLocation(file: file, line: header.line, column: 1)))
        }
        guard let periodColumn = columns["period"], let teamColumn = columns["team"] else { return }
        let countColumn = columns["n"]

        // Long form has one value per row; wide form one per metric column.
        var valueColumns: [(index: Int, metric: MetricID?)] = []
        let longForm = columns["metric"] != nil && columns["value"] != nil
        for (index, field) in header.fields.enumerated() {
            let name = field.text.trimmingSpaces
            if ["period", "team", "n"].contains(name) || columns[name] != index { continue }
            if longForm {
                if !(["metric", "value"] + Self.spreadKeys).contains(name) {
                    report(.warning("unknown column '\(Excerpt.of(name))' is ignored; long-form data has period, team, metric, value, n, "
                                    + "and for given intervals ci_low, ci_high or sd", at: at(field)))
                }
            } else if Self.spreadKeys.contains(name) {
                report(.error("'\(name)' belongs to long-form data (period, team, metric, value, n, \(name)), "
                              + "where it is clear which value it goes with", at: at(field)))
            } else {
                valueColumns.append((index, metric(name, at: at(field))))
            }
        }
        if longForm { valueColumns = [(columns["value"]!, nil)] }

        for row in table.rows.dropFirst() {
            if isSaturated(file) { return }
            guard row.fields.count == header.fields.count else {
                report(.error("expected \(header.fields.count) fields as in the header, found \(row.fields.count)",
                              at: SourceLocation(file: file, line: row.line, column: 1)))
                continue
            }
            for (index, field) in row.fields.enumerated() {
                if PersonIdentifier.looksLikeEmail(field.text.trimmingSpaces), index != teamColumn {
                    report(.error(PersonIdentifier.emailMessage, at: at(field)))
                }
            }
            let periodField = row.fields[periodColumn], teamField = row.fields[teamColumn]
            let period = period(periodField.text, at: at(periodField))
            let scope = scope(teamField.text, at: at(teamField))
            var n = CellContent<Int>.blank
            if let countColumn { n = count(row.fields[countColumn].text, at: at(row.fields[countColumn])) }
            var rowMetric: MetricID?
            if longForm {
                let field = row.fields[columns["metric"]!]
                rowMetric = metric(field.text, at: at(field))
            }
            for column in valueColumns {
                let field = row.fields[column.index]
                guard let value = value(field.text, at: at(field)).value, let period, let scope, !n.isInvalid,
                      let metric = longForm ? rowMetric : column.metric else { continue }
                let location = longForm ? SourceLocation(file: file, line: row.line, column: 1) : at(field)
                var spread: GivenSpread?
                if longForm {
                    var cells: [String: SpreadCell] = [:]
                    for key in Self.spreadKeys {
                        guard let index = columns[key] else { continue }
                        let field = row.fields[index]
                        if let number = self.value(field.text, at: at(field)).value {
                            cells[key] = SpreadCell(value: number, text: field.text.trimmingSpaces, location: at(field))
                        }
                    }
                    spread = self.spread(low: cells["ci_low"], high: cells["ci_high"], sd: cells["sd"], value: value,
                                         n: n.value, metric: metric)
                }
                add(Observation(period: period, scope: scope, metric: metric, value: value, n: n.value, spread: spread,
                                location: location))
            }
        }
    }
}
