/// Where a report's queries (`data/NAME.sql`) run: `sources:` in `site.yaml`. Only
/// `discern refresh` reads it; every other command reads the snapshots the queries left.
public struct QuerySources: Hashable, Sendable {
    /// The database the queries run on.
    public enum Database: Hashable, Sendable {
        /// A SQLite file, by its path relative to the content folder.
        case sqlite(path: String)
        /// A PostgreSQL server whose connection URL is in the environment variable named,
        /// so that no credential is ever written in the content.
        case postgres(urlVariable: String)
    }

    /// The default `sources.timeout`, in seconds.
    public static let defaultTimeout = 60.0

    /// Nil when `sources:` names neither database (an error already reported).
    public var database: Database?
    /// How long one query may run before it is cancelled, in seconds.
    public var timeout: Double
    /// Where `sources:` is written, for problems with the database it names.
    public var location: SourceLocation

    public init(database: Database?, timeout: Double = QuerySources.defaultTimeout, location: SourceLocation) {
        self.database = database
        self.timeout = timeout
        self.location = location
    }
}
