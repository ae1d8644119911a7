import DataSources
import Foundation
import Testing

/// What only SQLite does: a file, opened read-only.
@Suite("SQLite databases")
struct SQLiteDatabaseTests {
    @Test("a missing file is a connection error naming its path in the content folder")
    func missing() {
        #expect(throws: DataSourceError.connection("no SQLite database at data/missing.db (sources.sqlite in site.yaml)")) {
            _ = try SQLiteDatabase(path: "/nonexistent/\(UUID().uuidString)/missing.db", name: "data/missing.db")
        }
    }

    @Test("a file that is not a database is refused when opened, not at the first query")
    func notADatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("discern-\(UUID().uuidString).db").path
        try Data("period,team\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: DataSourceError.connection("cannot read the SQLite database data/metrics.db: file is not a database")) {
            _ = try SQLiteDatabase(path: path, name: "data/metrics.db")
        }
    }

    @Test("the file is opened read-only: a query that writes is refused and changes nothing")
    func readOnly() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("discern-\(UUID().uuidString).db").path
        try SQLiteFile.create(at: path, running: "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
        let database = try SQLiteDatabase(path: path, name: "data/metrics.db")
        #expect(throws: DataSourceError.self) {
            try database.run("DELETE FROM t", timeout: .seconds(5)) { _ in }
        }
        var parts: [QueryResultPart] = []
        try database.run("SELECT x, 1.5, 'é', NULL FROM t", timeout: .seconds(5)) { parts.append($0) }
        #expect(parts == [.columns(["x", "1.5", "'é'", "NULL"]), .row(["1", "1.5", "é", nil])])
    }

    @Test("a second statement in the file is refused at where it starts")
    func secondStatement() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("discern-\(UUID().uuidString).db").path
        try SQLiteFile.create(at: path, running: "CREATE TABLE t (x INTEGER);")
        let database = try SQLiteDatabase(path: path, name: "data/metrics.db")
        #expect(throws: DataSourceError.rejected("a query file holds one statement; this is a second one", offset: 18)) {
            try database.run("SELECT x FROM t;\n SELECT 2", timeout: .seconds(5)) { _ in }
        }
        try database.run("SELECT x FROM t;\n-- a comment\n", timeout: .seconds(5)) { _ in }
    }

    @Test("a BLOB value stops the query, naming its row and column")
    func blob() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("discern-\(UUID().uuidString).db").path
        try SQLiteFile.create(at: path, running: "CREATE TABLE t (x BLOB); INSERT INTO t VALUES (x'00ff');")
        let database = try SQLiteDatabase(path: path, name: "data/metrics.db")
        #expect(throws: DataSourceError.rejected(
            "row 1, column x: a BLOB (binary) value; a snapshot holds numbers and text, so cast or leave out the column",
            offset: nil)) {
            try database.run("SELECT x FROM t", timeout: .seconds(5)) { _ in }
        }
    }
}
