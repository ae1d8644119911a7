/// A database that runs a report's queries (`data/NAME.sql`) for `discern refresh`: SQLite,
/// embedded, on a file in the content folder, or a server that speaks PostgreSQL's protocol.
///
/// The work of turning raw events into team-quarter values stays in the database; Discern
/// reads only the result, row by row as it arrives, so a large result is never held whole.
/// Every value is handed over as the database's own text for it (`nil` for SQL NULL), so a
/// snapshot holds exactly the digits the database wrote.
public protocol DataSource: AnyObject {
    /// Runs `query` and hands its result to `receive`: first `.columns` with the result's
    /// column names, once, then one `.row` per row, in the order the database returns them.
    ///
    /// The query is cancelled once it has run for `timeout`, and then throws
    /// `DataSourceError.timedOut`. An error thrown by `receive` stops the query and is
    /// rethrown as it is.
    func run(_ query: String, timeout: Duration, receive: (QueryResultPart) throws -> Void) throws
}

/// One part of a query's result, as a `DataSource` streams it.
public enum QueryResultPart: Equatable, Sendable {
    /// The result's column names, in order.
    case columns([String])
    /// One row's values as text, one per column; `nil` is SQL NULL.
    case row([String?])
}

/// Why a `DataSource` could not run a query. Messages never hold a password or a
/// connection URL, because they are printed and may land in CI logs.
public enum DataSourceError: Error, Equatable, Sendable {
    /// The database could not be opened or reached: one line, saying what was tried.
    case connection(String)
    /// The database rejected the query. `offset` is where, when the database says: the
    /// 0-based offset in Unicode scalars (characters, as PostgreSQL counts them) into the
    /// query text as it was sent.
    case rejected(String, offset: Int?)
    /// The query ran past its timeout and was cancelled.
    case timedOut(Duration)
}
