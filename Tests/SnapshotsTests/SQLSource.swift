import CSQLite
import DataSources
import Foundation
import Testing
import TestSupport

/// A database the SQL cases run on: it makes a fresh database holding what `setup`
/// creates (portable SQL: CREATE TABLE and INSERT) and opens it as a `DataSource`.
///
/// The cases in `SQLSourceTests` are written against `any DataSource`, so a source added
/// to `all` runs every one of them.
struct SQLSource: CustomTestStringConvertible, Sendable {
    var name: String
    /// What `site.yaml`'s `sources:` says for this database, for tests that run the CLI.
    var sourcesYAML: String
    /// Makes the database in the content folder `folder` and opens it.
    var make: @Sendable (_ setup: String, _ folder: URL) throws -> any DataSource

    var testDescription: String { name }

    /// The sources every case runs against.
    static let all: [SQLSource] = [.sqlite, .postgres]

    static let sqlite = SQLSource(name: "SQLite", sourcesYAML: "sources:\n  sqlite: data/metrics.db\n") { setup, folder in
        let path = folder.appendingPathComponent("data/metrics.db").path
        try SQLiteFile.create(at: path, running: setup)
        return try SQLiteDatabase(path: path, name: "data/metrics.db")
    }
}

extension SQLSource {
    /// The PostgreSQL server Scripts/test starts (or the tests start, run alone): each case
    /// gets a schema of its own, made with `setup`, and a connection whose search path is
    /// that schema, so cases running at once never see each other's tables.
    static let postgres = SQLSource(name: "PostgreSQL", sourcesYAML: "sources:\n  postgres: {url_env: DISCERN_DATABASE_URL}\n") { setup, _ in
        let server = try PostgresTestServer.url()
        let schema = "case_" + UUID().uuidString.lowercased().replacing("-", with: "")
        try PostgresSchema.create(schema, on: server, running: setup)
        return try PostgresDatabase(url: PostgresSchema.url(server, schema: schema))
    }
}

/// A SQLite file written for a test, through the C library directly: `SQLiteDatabase`
/// opens files read-only and cannot make one.
enum SQLiteFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func create(at path: String, running setup: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let handle else {
            sqlite3_close_v2(handle)
            throw Failure(description: "cannot create \(path)")
        }
        defer { sqlite3_close_v2(handle) }
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(handle, setup, nil, nil, &error) == SQLITE_OK else {
            defer { sqlite3_free(error) }
            throw Failure(description: error.map { String(cString: $0) } ?? "setup failed")
        }
    }
}
