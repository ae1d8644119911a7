import Formatting
import ReportModel

/// Checks a query's result as it streams in, by the rules the CSV reader applies to the
/// snapshot it becomes (the same `ObservationCollector` code), so that `discern refresh`
/// writes nothing `discern build` would refuse, and says where in the result the problem is.
///
/// Problems are reported at the query's file, naming the result's row and column:
/// `data/lead.sql:1:1: error: row 12, column value: value must be a number, found 'abc'`.
/// Like the CSV reader, it never repeats the values of a column that identifies people.
/// Rows are not kept: only the keys of values, to find duplicates.
public struct ResultCheck {
    private var collector: ObservationCollector
    /// The query's path in the content folder, where problems are reported.
    private let query: String
    private var names: [String] = []
    private var layout: ObservationCollector.DataLayout?
    /// How many of the collector's diagnostics have been mapped to the query.
    private var mapped = 0
    /// The rows checked so far.
    public private(set) var rows = 0
    /// The problems found so far, at the query's file.
    public private(set) var diagnostics: [Diagnostic] = []

    init(collector: ObservationCollector, query: String) {
        var collector = collector
        collector.keepsObservations = false
        collector.place = { "row \($0.line)" }
        self.collector = collector
        self.query = query
    }

    /// Checks the result's column names. False when no row of it may be written: a column
    /// identifies people, or `period` or `team` is missing.
    public mutating func columns(_ names: [String]) -> Bool {
        self.names = names.map(\.trimmingSpaces)
        let query = query
        // Locations here are stand-ins, line 0 for the header and column index + 1, that
        // `take()` turns into words; they never reach output.
        layout = collector.layout(of: names, at: { SourceLocation(file: query, line: 0, column: $0 + 1) },
                                  header: SourceLocation(file: query, line: 0, column: 0))
        take()
        return layout != nil
    }

    /// Checks one row of the result; `nil` is SQL NULL. A NULL value or `n` is a blank
    /// cell (missing, never zero); a NULL period, team or metric is an error.
    public mutating func row(_ values: [String?]) {
        rows += 1
        guard let layout, !isSaturated else { return }
        let query = query, row = rows
        func at(_ index: Int) -> SourceLocation { SourceLocation(file: query, line: row, column: index + 1) }
        var keys = [(layout.period, "period"), (layout.team, "team")]
        if let metric = layout.metric { keys.append((metric, "metric")) }
        let nulls = keys.filter { values[$0.0] == nil }
        for (index, what) in nulls {
            collector.report(.error("is NULL; every row needs a \(what)", at: at(index)))
        }
        if nulls.isEmpty {
            collector.read(values.map { $0 ?? "" }, in: layout, at: at,
                           row: SourceLocation(file: query, line: row, column: 0))
        }
        take()
    }

    /// Whether the query's file has reached the error limit, so the query may as well stop.
    public var isSaturated: Bool { collector.isSaturated(query) }

    /// Moves the collector's new diagnostics to the query's file, their stand-in line
    /// and column turned into the result's row and column name.
    private mutating func take() {
        let all = collector.log.all
        for found in all[mapped...] {
            let line = found.location.line, column = found.location.column
            let name = column > 0 && column <= names.count ? "column \(Excerpt.of(names[column - 1]))" : nil
            let place = [line > 0 ? "row \(line)" : nil, name].compactMap { $0 }.joined(separator: ", ")
            var diagnostic = Diagnostic(found.severity, at: SourceLocation(file: query),
                                        place.isEmpty ? found.message : place + ": " + found.message, rule: found.rule)
            diagnostic.unknown = found.unknown
            diagnostics.append(diagnostic)
        }
        mapped = all.count
    }
}
