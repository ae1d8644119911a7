import CLibPQ
import Glibc

/// A server that speaks PostgreSQL's protocol, reached through libpq: PostgreSQL itself and
/// the warehouses built on its protocol (the README's design notes say which, and that only
/// PostgreSQL 15 is tested).
///
/// One connection, opened by `init(url:)` and closed when the value goes away; queries run
/// on it one after another. Each query is sent with the extended protocol, which takes one
/// statement: a query with two is rejected by the server ("cannot insert multiple commands
/// into a prepared statement"), so a result is always one table. Rows arrive one at a time
/// (libpq's single-row mode), so memory does not grow with the number of rows. The server's
/// notices and warnings are dropped rather than printed by libpq on standard error.
public final class PostgresDatabase: DataSource {
    /// libpq's connection, freed by `PQfinish` in `deinit`; nil once it was closed because a
    /// cancelled query did not stop in time.
    private var connection: OpaquePointer?

    /// How long a cancelled query may take to stop before the connection is closed instead.
    static let stopGrace = Duration.seconds(10)

    /// Connects to the server that `url` names: a libpq connection URI
    /// (`postgresql://user:password@host:port/database?sslmode=require`) or `key=value`
    /// string, as the caller read it from the environment. No message holds it or the
    /// password in it.
    ///
    /// Unless the URL says otherwise, connecting gives up after 10 seconds
    /// (`connect_timeout`) and the server sees the application name `discern`. Whatever the
    /// URL says, values come back as UTF-8 (`client_encoding`), since they are written to a
    /// UTF-8 snapshot and error positions are counted in characters.
    ///
    /// - Throws: `DataSourceError.connection` with libpq's reason on one line.
    public init(url: String) throws {
        let secrets = ConnectionSecrets(url: url)
        // libpq reads these in order and the last value of a keyword wins, and `dbname` with
        // expand_dbname stands for every keyword in the URL: those before it are defaults
        // the URL may override, those after it override the URL.
        let settings = [
            ("connect_timeout", "10"),
            ("fallback_application_name", "discern"),
            ("dbname", url),
            ("client_encoding", "UTF8"),
        ]
        let keywords = settings.map { strdup($0.0) }
        let values = settings.map { strdup($0.1) }
        defer { (keywords + values).forEach { free($0) } }
        let opened = (keywords.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { keywordList in
            (values.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { valueList in
                PQconnectdbParams(keywordList.baseAddress, valueList.baseAddress, 1)
            }
        }
        guard let opened else {
            throw DataSourceError.connection("libpq could not allocate a connection")
        }
        guard PQstatus(opened) == CONNECTION_OK else {
            let message = secrets.scrub(String(cString: PQerrorMessage(opened)))
            PQfinish(opened)
            throw DataSourceError.connection(message)
        }
        PQsetNoticeProcessor(opened, { _, _ in }, nil)
        connection = opened
    }

    deinit {
        if let connection { PQfinish(connection) }
    }

    /// Runs one statement and streams its rows to `receive`, as `DataSource` describes.
    ///
    /// The timeout is kept by Discern itself, whatever the server's `statement_timeout`: it
    /// covers waiting for the server and the time between rows, and when it passes the query
    /// is cancelled (`PQcancel`) and its remaining rows are read and dropped, so the
    /// connection is ready for the next query. A statement that returns no rows at all
    /// (an `INSERT` without `RETURNING`, say) or `COPY` is rejected.
    public func run(_ query: String, timeout: Duration, receive: (QueryResultPart) throws -> Void) throws {
        guard let connection else {
            throw DataSourceError.connection("the connection was closed because an earlier query could not be stopped")
        }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        // Parameters, none, in text format: the extended protocol, one statement only.
        guard PQsendQueryParams(connection, query, 0, nil, nil, nil, nil, 0) == 1 else {
            throw DataSourceError.connection(String(cString: PQerrorMessage(connection)).oneLine)
        }
        PQsetSingleRowMode(connection)
        var columnsSent = false
        var rejection: DataSourceError?
        do {
            while let result = try nextResult(before: deadline) {
                defer { PQclear(result) }
                switch PQresultStatus(result) {
                case PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK:
                    // The last result of single-row mode holds no rows, only the columns of
                    // a result that had none.
                    if !columnsSent {
                        try receive(.columns(Self.columnNames(of: result)))
                        columnsSent = true
                    }
                    for row in 0..<PQntuples(result) {
                        try receive(.row(Self.values(of: result, row: row)))
                    }
                case PGRES_COMMAND_OK:
                    rejection = rejection ?? .rejected("the statement returned no rows; a query is one SELECT (or another statement that returns rows)", offset: nil)
                case PGRES_EMPTY_QUERY:
                    rejection = rejection ?? .rejected("the query is empty", offset: nil)
                case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                    // libpq stays in COPY until the data is sent or read; starting afresh is
                    // simpler and this is never a report's query.
                    reset()
                    throw DataSourceError.rejected("COPY cannot be read as a query's result; write a SELECT", offset: nil)
                default:
                    rejection = rejection ?? Self.rejection(in: result, query: query)
                }
            }
        } catch is Deadline {
            stop()
            throw DataSourceError.timedOut(timeout)
        } catch {
            stop()
            throw error
        }
        if let rejection { throw rejection }
    }

    /// Thrown inside `run` when the deadline passes.
    private struct Deadline: Error {}

    /// The next result of the query being run, or nil when it is done, waiting on the
    /// connection's socket until `deadline`.
    ///
    /// - Throws: `Deadline` when it passes, `DataSourceError.connection` when the connection breaks.
    private func nextResult(before deadline: ContinuousClock.Instant) throws -> OpaquePointer? {
        guard let connection else { return nil }
        while PQisBusy(connection) == 1 {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { throw Deadline() }
            var socket = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
            let ready = poll(&socket, 1, Self.milliseconds(remaining))
            if ready < 0, errno != EINTR {
                throw DataSourceError.connection("waiting for the server failed: \(String(cString: strerror(errno)))")
            }
            if ready > 0, PQconsumeInput(connection) == 0 {
                throw DataSourceError.connection(String(cString: PQerrorMessage(connection)).oneLine)
            }
        }
        let result = PQgetResult(connection)
        // Rows already read are handed over without waiting, so a long stream is held to
        // the deadline here.
        if let result, ContinuousClock.now >= deadline {
            PQclear(result)
            throw Deadline()
        }
        return result
    }

    /// Cancels the query being run and reads what is left of it, so the connection is idle
    /// again; closes the connection if that takes longer than `stopGrace`.
    private func stop() {
        guard let connection else { return }
        if let cancel = PQgetCancel(connection) {
            var reason = [CChar](repeating: 0, count: 256)
            // A failed cancel leaves the query to finish on its own within the grace.
            _ = PQcancel(cancel, &reason, Int32(reason.count))
            PQfreeCancel(cancel)
        }
        let grace = ContinuousClock.now.advanced(by: Self.stopGrace)
        do {
            while let result = try nextResult(before: grace) { PQclear(result) }
        } catch {
            PQfinish(connection)
            self.connection = nil
        }
    }

    /// Connects again with the same settings, or closes the connection if that fails.
    private func reset() {
        guard let connection else { return }
        PQreset(connection)
        if PQstatus(connection) != CONNECTION_OK {
            PQfinish(connection)
            self.connection = nil
        }
    }

    /// `duration` in whole milliseconds for `poll`, rounded up so a wait never ends early.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        guard seconds < Int64(Int32.max / 1000) else { return .max }
        return Int32(seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
