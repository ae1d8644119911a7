import ContentLoading
import DataSources
import Foundation
import ReportModel
import Snapshots
import Testing

/// The cases every SQL source must pass, run against each of `SQLSource.all` through
/// `any DataSource` and the real refresh: what the snapshot holds, and where each kind
/// of problem is reported.
@Suite("SQL sources: queries into snapshots")
struct SQLSourceTests {
    @Test("a long-form result becomes the CSV the loader reads, byte for byte, with its record", arguments: SQLSource.all)
    func longForm(source: SQLSource) throws {
        let folder = try QueryFolder(source, queries: [
            "data/lead.sql": "SELECT period, team, metric, value, n\nFROM results\nORDER BY period, team\n",
        ])
        let outcome = folder.refresh()
        #expect(outcome.messages == [])
        #expect(outcome.written.map { "\($0.snapshot) \($0.rows)" } == ["data/lead.csv 3"])
        #expect(try folder.text("data/lead.csv") == "period,team,metric,value,n\n2026-Q1,a,m,2.5,\n2026-Q1,b,m,3.0,12\n2026-Q2,a,m,0.1,\n"
                || folder.text("data/lead.csv") == "period,team,metric,value,n\n2026-Q1,a,m,2.5,\n2026-Q1,b,m,3,12\n2026-Q2,a,m,0.1,\n")
        let record = try #require(QuerySnapshot(text: try folder.text("data/lead.csv.snapshot")))
        #expect(record.query == QuerySnapshot.hash(of: [UInt8](try folder.bytes("data/lead.sql"))))
        #expect(record.ranAt == "2026-12-01T00:00:00Z")
        #expect(record.rows == 3)
        #expect(try folder.dataFiles() == ["lead.csv", "lead.csv.snapshot", "lead.sql"], "no temporary file is left")

        let load = folder.load()
        #expect(load.diagnostics.map(\.description) == [])
        #expect(load.content.observations.map { "\($0.period) \($0.scope) \($0.value) \($0.n.map(String.init) ?? "-")" } == [
            "2026-Q1 a 2.5 -", "2026-Q1 b 3.0 12", "2026-Q2 a 0.1 -",
        ])
    }

    @Test("a wide-form result, one column per metric, with NULL as a missing value", arguments: SQLSource.all)
    func wideForm(source: SQLSource) throws {
        let folder = try QueryFolder(source, setup: """
            CREATE TABLE teams_quarters (period TEXT, team TEXT, m DOUBLE PRECISION, k DOUBLE PRECISION);
            INSERT INTO teams_quarters VALUES ('2026-Q1', 'a', 1.25, NULL);
            INSERT INTO teams_quarters VALUES ('2026-Q1', 'b', 0.30000000000000004, 7.5);
            """, queries: ["data/wide.sql": "SELECT period, team, m, k FROM teams_quarters ORDER BY team"])
        #expect(folder.refresh().messages == [])
        #expect(try folder.text("data/wide.csv") == "period,team,m,k\n2026-Q1,a,1.25,\n2026-Q1,b,0.30000000000000004,7.5\n")
        let load = folder.load()
        #expect(load.diagnostics.map(\.description) == [])
        // The shortest text that reads back as the same Double, not SQLite's 15 digits.
        #expect(load.content.observations.map(\.value) == [1.25, 0.30000000000000004, 7.5])
    }

    @Test("a refused query is reported at its line and column, counted in characters", arguments: SQLSource.all)
    func errorPosition(source: SQLSource) throws {
        // "é" is two bytes in UTF-8: a byte offset would put the error at column 9.
        let folder = try QueryFolder(source, queries: [
            "data/lead.sql": "SELECT period, team, metric, value\nFROM results\n/* é*/ ) ORDER BY period\n",
        ])
        let outcome = folder.refresh()
        #expect(outcome.diagnostics.count == 1)
        #expect(outcome.diagnostics.first?.location.description == "data/lead.sql:3:8")
        #expect(outcome.messages.first?.contains("error: the database refused the query:") == true)
        #expect(try folder.dataFiles() == ["lead.sql"])
    }

    @Test("a value that is not a number names the query, the row and the column", arguments: SQLSource.all)
    func badValue(source: SQLSource) throws {
        let folder = try QueryFolder(source, setup: """
            CREATE TABLE raw (period TEXT, team TEXT, metric TEXT, value TEXT);
            INSERT INTO raw VALUES ('2026-Q1', 'a', 'm', '2');
            INSERT INTO raw VALUES ('2026-Q1', 'b', 'm', 'abc');
            """, queries: ["data/lead.sql": "SELECT period, team, metric, value FROM raw ORDER BY team"])
        #expect(folder.refresh().messages == ["data/lead.sql:1:1: error: row 2, column value: value must be a number, found 'abc'"])
        #expect(try folder.dataFiles() == ["lead.sql"])
    }

    @Test("a NULL team is an error at its row; a NULL value is a blank, missing value", arguments: SQLSource.all)
    func null(source: SQLSource) throws {
        let folder = try QueryFolder(source, setup: QueryFolder.results + """

            INSERT INTO results VALUES ('2026-Q3', NULL, 'm', 4, NULL);
            """, queries: ["data/lead.sql": "SELECT period, team, metric, value, n FROM results ORDER BY period, team"])
        #expect(folder.refresh().messages == ["data/lead.sql:1:1: error: row 4, column team: is NULL; every row needs a team"])
        #expect(try folder.dataFiles() == ["lead.sql"])
    }

    @Test("a query that runs past the timeout is cancelled and reported with the limit", arguments: SQLSource.all)
    func timeout(source: SQLSource) throws {
        let folder = try QueryFolder(source, queries: [
            "data/forever.sql": """
                WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r)
                SELECT '2026-Q1' AS period, 'a' AS team, count(*) AS m FROM r
                """,
        ])
        let start = ContinuousClock.now
        let outcome = folder.refresh(timeout: .milliseconds(200))
        #expect(start.duration(to: .now) < .seconds(10), "cancelled, not left to run")
        #expect(outcome.messages == [
            "data/forever.sql:1:1: error: the query ran for longer than sources.timeout, 0.2 s, and was cancelled; "
                + "make it cheaper (an index, a narrower range) or raise sources.timeout in site.yaml",
        ])
        #expect(try folder.dataFiles() == ["forever.sql"])
    }

    @Test("a column that identifies people is refused by name, its values never printed, nothing written", arguments: SQLSource.all)
    func identifyingColumn(source: SQLSource) throws {
        let folder = try QueryFolder(source, setup: """
            CREATE TABLE people (period TEXT, team TEXT, email TEXT, m DOUBLE PRECISION);
            INSERT INTO people VALUES ('2026-Q1', 'a', 'ana.lima@example.com', 2);
            """, queries: ["data/people.sql": "SELECT period, team, email, m FROM people"])
        let outcome = folder.refresh()
        #expect(outcome.diagnostics.count == 1)
        #expect(outcome.messages.first?.hasPrefix("data/people.sql:1:1: error: column email: ") == true)
        #expect(!outcome.messages.joined().contains("ana.lima"))
        #expect(try folder.dataFiles() == ["people.sql"])
    }

    @Test("when one of two queries fails nothing is written: the previous snapshots keep their bytes", arguments: SQLSource.all)
    func allOrNothing(source: SQLSource) throws {
        let folder = try QueryFolder(source, queries: [
            "data/one.sql": "SELECT period, team, metric, value FROM results WHERE team = 'a'",
            "data/two.sql": "SELECT period, team, metric, value FROM results WHERE team = 'b'",
        ])
        #expect(folder.refresh().written.count == 2)
        let before = try ["one.csv", "one.csv.snapshot", "two.csv", "two.csv.snapshot"].map { try folder.bytes("data/" + $0) }

        try folder.write("SELECT period, team, metric, value FROM results ORDER BY team", to: "data/one.sql")
        try folder.write("SELECT period, team, metric, value FROM no_such_table", to: "data/two.sql")
        let outcome = folder.refresh()
        #expect(outcome.written.isEmpty)
        #expect(outcome.diagnostics.map(\.location.description) == ["data/two.sql:1:1"] || outcome.diagnostics.map(\.location.file) == ["data/two.sql"])
        let after = try ["one.csv", "one.csv.snapshot", "two.csv", "two.csv.snapshot"].map { try folder.bytes("data/" + $0) }
        #expect(after == before)
        #expect(try folder.dataFiles() == ["one.csv", "one.csv.snapshot", "one.sql", "two.csv", "two.csv.snapshot", "two.sql"])
        // And check now says which snapshot is out of date, at the query.
        let stale = folder.load().diagnostics.map(\.description)
        #expect(stale.count == 2 && stale.allSatisfy { $0.contains("this query was changed after") })
    }

    @Test("the same result makes the same bytes; only the record's time changes", arguments: SQLSource.all)
    func byteStable(source: SQLSource) throws {
        let folder = try QueryFolder(source, queries: [
            "data/lead.sql": "SELECT period, team, metric, value, n FROM results ORDER BY period, team",
        ])
        _ = folder.refresh()
        let first = try folder.bytes("data/lead.csv")
        _ = folder.refresh()
        #expect(try folder.bytes("data/lead.csv") == first)
    }
}
