import CSQLite
import Foundation

/// A SQLite database file, opened read-only, that runs a report's queries.
///
/// Values are handed over as text the CSV reader parses to the very number SQLite holds:
/// an INTEGER as its decimal digits, a REAL as Swift's shortest text that reads back as
/// the same `Double` (SQLite's own text keeps 15 significant digits, which may not), TEXT
/// as it is and NULL as `nil`. A BLOB is no value a report can show, and stops the query.
public final class SQLiteDatabase: DataSource {
    private let connection: OpaquePointer
    /// How the file is named in messages: its path in the content folder.
    private let name: String

    /// Opens the database at `path` read-only. `name` is how messages call it (the path
    /// as `site.yaml` gives it, relative to the content folder).
    public init(path: String, name: String) throws {
        self.name = name
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw DataSourceError.connection("no SQLite database at \(name) (sources.sqlite in site.yaml)")
        }
        var handle: OpaquePointer?
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY, nil)
        guard status == SQLITE_OK, let handle else {
            let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(handle)
            throw DataSourceError.connection("cannot open the SQLite database \(name): \(reason)")
        }
        connection = handle
        // SQLite reads the header only on first use: a file that is not a database would
        // otherwise pass here and fail at the first query as if the query were wrong.
        var statement: OpaquePointer?
        let check = sqlite3_prepare_v2(handle, "SELECT count(*) FROM sqlite_schema", -1, &statement, nil)
        sqlite3_finalize(statement)
        guard check == SQLITE_OK else {
            let reason = String(cString: sqlite3_errmsg(handle))
            sqlite3_close_v2(handle)
            throw DataSourceError.connection("cannot read the SQLite database \(name): \(reason)")
        }
    }

    deinit {
        sqlite3_close_v2(connection)
    }

    public func run(_ query: String, timeout: Duration, receive: (QueryResultPart) throws -> Void) throws {
        let utf8 = Array(query.utf8)
        guard !utf8.isEmpty else { throw DataSourceError.rejected(Self.noQuery, offset: nil) }
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let prepared = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                let status = sqlite3_prepare_v2(connection, text.baseAddress, Int32(text.count), &statement, &tail)
                // The offset of what follows the first statement, while the buffer is alive.
                let rest = tail.map { text.baseAddress!.distance(to: $0) } ?? text.count
                return (status, rest)
            }
        }
        defer { sqlite3_finalize(statement) }
        guard prepared.0 == SQLITE_OK else {
            throw DataSourceError.rejected(message(), offset: errorOffset(in: utf8))
        }
        guard let statement else {
            throw DataSourceError.rejected(Self.noQuery, offset: nil)
        }
        try refuseSecondStatement(in: utf8, from: prepared.1)
        guard sqlite3_stmt_readonly(statement) != 0 else {
            throw DataSourceError.rejected("only a query that reads (SELECT or WITH) can make a snapshot", offset: 0)
        }
        let count = sqlite3_column_count(statement)
        guard count > 0 else {
            throw DataSourceError.rejected("the statement returns no columns; a snapshot needs a SELECT", offset: 0)
        }
        let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
        try receive(.columns(columns))

        let deadline = Deadline(at: ContinuousClock.now.advanced(by: timeout))
        let context = Unmanaged.passRetained(deadline)
        defer { context.release() }
        // SQLite calls this every 1,000 virtual-machine steps; a non-zero return interrupts
        // the statement, which then fails with SQLITE_INTERRUPT.
        sqlite3_progress_handler(connection, 1000, { context in
            let deadline = Unmanaged<Deadline>.fromOpaque(context!).takeUnretainedValue()
            return ContinuousClock.now >= deadline.at ? 1 : 0
        }, context.toOpaque())
        defer { sqlite3_progress_handler(connection, 0, nil, nil) }

        var row = 0
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else {
                if status == SQLITE_INTERRUPT, ContinuousClock.now >= deadline.at { throw DataSourceError.timedOut(timeout) }
                throw DataSourceError.rejected(message(), offset: nil)
            }
            row += 1
            var values: [String?] = []
            values.reserveCapacity(columns.count)
            for index in 0..<count {
                values.append(try value(statement, index, row: row, column: columns[Int(index)]))
            }
            try receive(.row(values))
        }
    }

    /// One value of the current row as text, or nil for NULL.
    private func value(_ statement: OpaquePointer, _ index: Int32, row: Int, column: String) throws -> String? {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_NULL:
            return nil
        case SQLITE_INTEGER:
            return String(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT:
            return sqlite3_column_double(statement, index).description
        case SQLITE_TEXT:
            // Read by length: TEXT may hold a NUL, which a C string would cut short.
            guard let text = sqlite3_column_text(statement, index) else { return "" }
            let length = Int(sqlite3_column_bytes(statement, index))
            return String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)
        default:
            throw DataSourceError.rejected(
                "row \(row), column \(column): a BLOB (binary) value; a snapshot holds numbers and text, "
                    + "so cast or leave out the column", offset: nil)
        }
    }

    /// A file holds one query: a second statement after it would not run, so it is an
    /// error rather than silently ignored.
    private func refuseSecondStatement(in utf8: [UInt8], from start: Int) throws {
        guard start < utf8.count else { return }
        var next: OpaquePointer?
        let status = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text in
                sqlite3_prepare_v2(connection, text.baseAddress! + start, Int32(text.count - start), &next, nil)
            }
        }
        sqlite3_finalize(next)
        // Only whitespace and comments follow when SQLite compiles nothing from the rest.
        guard status != SQLITE_OK || next != nil else { return }
        let skipped = utf8[start...].prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: ";") }
        throw DataSourceError.rejected("a query file holds one statement; this is a second one",
                                       offset: scalars(in: utf8, before: start + skipped.count))
    }

    private static let noQuery = "the file holds no query; write one SELECT whose result has the columns period, team and the values"

    private func message() -> String {
        String(cString: sqlite3_errmsg(connection))
    }

    /// SQLite's error offset, in bytes of UTF-8, as the protocol's Unicode scalars.
    private func errorOffset(in utf8: [UInt8]) -> Int? {
        let offset = Int(sqlite3_error_offset(connection))
        guard offset >= 0, offset <= utf8.count else { return nil }
        return scalars(in: utf8, before: offset)
    }

    private func scalars(in utf8: [UInt8], before offset: Int) -> Int {
        String(decoding: utf8[..<offset], as: UTF8.self).unicodeScalars.count
    }
}

/// When a query must stop, shared with SQLite's progress handler through a pointer.
private final class Deadline {
    let at: ContinuousClock.Instant
    init(at: ContinuousClock.Instant) { self.at = at }
}
