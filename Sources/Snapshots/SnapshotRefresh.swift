import ContentLoading
import DataSources
import Foundation
import ReportModel

/// Runs a report's queries and writes each result as its snapshot, `data/NAME.csv`,
/// with the record beside it, `data/NAME.csv.snapshot` (`QuerySnapshot`): every one, or
/// none when any query fails.
///
/// Rows are checked (`ResultCheck`, the CSV reader's rules) and written to a hidden
/// temporary file in `data/` as they arrive, so a result is never held whole. Problems
/// are reported at the query's file: a refused query at the line and column the database
/// points to, a bad value by its row and column.
public struct SnapshotRefresh {
    /// A snapshot written.
    public struct Written: Equatable, Sendable {
        /// The query, `data/NAME.sql`.
        public var query: String
        /// Its snapshot, `data/NAME.csv`.
        public var snapshot: String
        public var rows: Int
        /// How long the query took to run and write, in seconds.
        public var seconds: Double
    }

    /// What a refresh did: the snapshots written (none when any query failed) and every
    /// problem found, at the queries' files: query by query, and in each in the order of
    /// the result's rows (not sorted as text, which would put row 10 before row 2).
    public struct Outcome {
        public var written: [Written]
        public var diagnostics: [Diagnostic]
    }

    /// The content folder.
    let content: URL
    let context: QueryContext
    let timeout: Duration
    /// When a query starts, for its record; a parameter so tests can fix it.
    let now: () -> Date

    public init(content: URL, context: QueryContext, timeout: Duration, now: @escaping () -> Date = Date.init) {
        self.content = content
        self.context = context
        self.timeout = timeout
        self.now = now
    }

    /// A result written to temporary files, waiting for every other query to succeed.
    private struct Staged {
        var written: Written
        var snapshot: String
        var record: String
    }

    /// Runs each query (`data/NAME.sql`) on `database` and, when all succeeded, puts their
    /// snapshots and records in place.
    public func run(_ queries: [String], on database: any DataSource) -> Outcome {
        var diagnostics: [Diagnostic] = []
        var staged: [Staged] = []
        for query in queries {
            if let result = stage(query, on: database, diagnostics: &diagnostics) { staged.append(result) }
        }
        guard !diagnostics.hasErrors else {
            for file in staged { unlink(file.snapshot); unlink(file.record) }
            return Outcome(written: [], diagnostics: diagnostics)
        }
        // POSIX offers no rename of several files at once, so this is the best achievable:
        // every result is already whole and durable on disk beside its place, and what is
        // left is one rename(2) a file, each atomic, in the same folder, which fails only
        // if the folder's permissions change meanwhile. A crash in between leaves each
        // snapshot whole, old or new. A snapshot is renamed before its record: a new
        // snapshot under the old record still fails `check` if the query changed, while
        // the other order could vouch for an old snapshot with the new query's hash.
        for (index, file) in staged.enumerated() {
            let written = file.written
            for (from, to) in [(file.snapshot, written.snapshot), (file.record, QuerySnapshot.recordPath(ofQuery: written.query))]
            where rename(from, content.appendingPathComponent(to).path) != 0 {
                diagnostics.append(.error("cannot put \(to) in place: \(String(cString: strerror(errno))); "
                                          + "the snapshots of the queries before it were written",
                                          at: SourceLocation(file: written.query)))
                for rest in staged[index...] { unlink(rest.snapshot); unlink(rest.record) }
                return Outcome(written: staged[..<index].map(\.written), diagnostics: diagnostics)
            }
        }
        return Outcome(written: staged.map(\.written), diagnostics: diagnostics)
    }

    /// Thrown from the row handler to stop a query whose result cannot be used.
    private struct Stop: Error {}

    /// Runs one query into temporary files; nil after reporting why not.
    private func stage(_ query: String, on database: any DataSource, diagnostics: inout [Diagnostic]) -> Staged? {
        let at = SourceLocation(file: query)
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: content.appendingPathComponent(query)))
        } catch {
            diagnostics.append(.error("cannot read the query: \(error.localizedDescription)", at: at))
            return nil
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.append(.error("the query is not UTF-8 text; save it as UTF-8", at: at))
            return nil
        }
        // A byte-order mark is no part of the query; lines and columns count from after it.
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }

        let snapshot = QuerySnapshot.snapshotPath(ofQuery: query)
        let temporary = hidden(snapshot), record = hidden(QuerySnapshot.recordPath(ofQuery: query))
        var check = context.check(query: query)
        let started = now(), clock = ContinuousClock(), start = clock.now
        var failed = false
        do {
            unlink(temporary)
            let file = try SnapshotFile(path: temporary)
            try database.run(text, timeout: timeout) { part in
                switch part {
                case .columns(let names):
                    guard check.columns(names) else { throw Stop() }
                    try file.append(names)
                case .row(let values):
                    check.row(values)
                    if check.isSaturated { throw Stop() }
                    try file.append(values)
                }
            }
            try file.finish()
        } catch is Stop {
            failed = true
        } catch let error as DataSourceError {
            diagnostics.append(diagnostic(for: error, query: query, text: text))
            failed = true
        } catch {
            diagnostics.append(.error("cannot write the snapshot \(snapshot): \(error.localizedDescription)", at: at))
            failed = true
        }
        diagnostics += check.diagnostics
        guard !failed, !check.diagnostics.hasErrors else {
            unlink(temporary)
            return nil
        }
        let elapsed = start.duration(to: clock.now)
        let made = QuerySnapshot(query: QuerySnapshot.hash(of: bytes), ranAt: Self.timestamp(started), rows: check.rows)
        do {
            try Data(made.text(query: query).utf8).write(to: URL(fileURLWithPath: record))
        } catch {
            diagnostics.append(.error("cannot write the snapshot record: \(error.localizedDescription)", at: at))
            unlink(temporary)
            return nil
        }
        return Staged(written: Written(query: query, snapshot: snapshot, rows: check.rows, seconds: Self.seconds(elapsed)),
                      snapshot: temporary, record: record)
    }

    /// A hidden name beside `path` in the content folder, for its temporary file: the
    /// loader skips hidden files, so one left by a crash is never read as data.
    private func hidden(_ path: String) -> String {
        let url = content.appendingPathComponent(path)
        return url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).refresh-\(getpid())").path
    }

    /// A database's refusal as a diagnostic at the query's file.
    private func diagnostic(for error: DataSourceError, query: String, text: String) -> Diagnostic {
        switch error {
        case .rejected(let message, let offset):
            return .error("the database refused the query: \(message)", at: Self.location(of: offset, in: text, file: query))
        case .timedOut(let limit):
            return .error("the query ran for longer than sources.timeout, \(Self.text(Self.seconds(limit))) s, and was "
                          + "cancelled; make it cheaper (an index, a narrower range) or raise sources.timeout in site.yaml",
                          at: SourceLocation(file: query))
        case .connection(let message):
            return .error(message, at: context.site.sources?.location ?? SourceLocation(file: "site.yaml"))
        }
    }

    /// The line and column of an offset in Unicode scalars into the query's text; the
    /// file's start when the database gave none.
    static func location(of offset: Int?, in text: String, file: String) -> SourceLocation {
        guard let offset else { return SourceLocation(file: file) }
        var line = 1, column = 1
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == offset { break }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Seconds as a short number: `60`, `0.2`.
    static func text(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : seconds.description
    }

    /// A moment as ISO 8601 in UTC, to the second.
    static func timestamp(_ date: Date) -> String {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime]
        format.timeZone = TimeZone(identifier: "UTC")
        return format.string(from: date)
    }
}
