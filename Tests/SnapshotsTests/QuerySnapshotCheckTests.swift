import ContentLoading
import Testing

/// `check` and `build` never run a query: they read its snapshot, and say at the query
/// when there is none or it was made from other text.
@Suite("Queries in check")
struct QuerySnapshotCheckTests {
    static let base = [
        "site.yaml": "title: T\norganization: Acme\n",
        "teams.yaml": QueryFolder.teams,
        "metrics.yaml": QueryFolder.metrics,
    ]

    static func messages(_ files: [String: String]) -> [String] {
        ContentLoader(source: .memory(text: base.merging(files) { $1 })).load().diagnostics.map(\.description)
    }

    static let query = "SELECT period, team, metric, value FROM results\n"
    static let snapshot = "period,team,metric,value\n2026-Q1,a,m,2\n"
    static var record: String {
        QuerySnapshot(query: QuerySnapshot.hash(of: Array(query.utf8)), ranAt: "2026-12-01T00:00:00Z", rows: 1)
            .text(query: "data/lead.sql")
    }

    @Test("a query with its snapshot and a record of its text checks clean")
    func clean() {
        #expect(Self.messages(["data/lead.sql": Self.query, "data/lead.csv": Self.snapshot,
                               "data/lead.csv.snapshot": Self.record]) == [])
    }

    @Test("a query without a snapshot is an error at the query that says to run discern refresh")
    func noSnapshot() {
        #expect(Self.messages(["data/lead.sql": Self.query]) == [
            "data/lead.sql:1:1: error: no snapshot of this query's result (data/lead.csv); run `discern refresh` to run it and write one",
        ])
    }

    @Test("a query changed since its snapshot was made is an error at the query")
    func stale() {
        #expect(Self.messages(["data/lead.sql": Self.query + "WHERE team = 'a'\n", "data/lead.csv": Self.snapshot,
                               "data/lead.csv.snapshot": Self.record]) == [
            "data/lead.sql:1:1: error: this query was changed after data/lead.csv was made from it (at 2026-12-01T00:00:00Z); "
                + "run `discern refresh lead` to bring the snapshot up to date",
        ])
    }

    @Test("a hand-written CSV beside a query, with no record, is not taken for its snapshot")
    func noRecord() {
        #expect(Self.messages(["data/lead.sql": Self.query, "data/lead.csv": Self.snapshot]) == [
            "data/lead.sql:1:1: error: data/lead.csv has no record of the query it was made from (data/lead.csv.snapshot); "
                + "run `discern refresh lead` to make it from this query",
        ])
    }

    @Test("the database sources names and its journal are no data files; other files still get the warning")
    func databaseFile() {
        #expect(Self.messages(["site.yaml": "title: T\norganization: Acme\nsources:\n  sqlite: data/metrics.db\n",
                               "data/metrics.db": "x", "data/metrics.db-journal": "x", "data/notes.txt": "x"]) == [
            "data/notes.txt:1:1: warning: ignored: data files must end in .csv or .json (or .sql, a query)",
        ])
    }

    @Test("a record whose query was removed is a warning at the record; its CSV is still data")
    func orphanRecord() {
        #expect(Self.messages(["data/lead.csv": Self.snapshot, "data/lead.csv.snapshot": Self.record]) == [
            "data/lead.csv.snapshot:1:1: warning: a snapshot record without its query data/lead.sql; delete it if the query was removed",
        ])
    }
}
