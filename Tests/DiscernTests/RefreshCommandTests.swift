import Foundation
import Testing

/// `discern refresh` on the command line: what it prints, its exit codes, and the one
/// line a database that cannot be opened gets.
@Suite("discern refresh on the command line")
struct RefreshCommandTests {
    let cli = CommandLineTests()

    /// `valid` with a SQLite database of its values and a query over them.
    func folder(sources: String = "sources:\n  sqlite: data/metrics.db\n", database: Bool = true) throws -> URL {
        var files = cli.valid
        files["data/v.csv"] = nil
        files["site.yaml"]! += sources
        files["data/v.sql"] = "SELECT period, team, metric, value FROM v ORDER BY team\n"
        let root = try cli.folder(files)
        if database {
            // The database is made from a CSV file outside the content, as Scripts/sample-database makes any.
            let values = try cli.folder(["v.csv": "period,team,metric,value\n2026-Q1,a,m,2\n2026-Q1,b,m,3.5\n"])
            let make = Process()
            make.executableURL = CommandLineTests.packageRoot.appendingPathComponent("Scripts/sample-database")
            make.arguments = [root.appendingPathComponent("data/metrics.db").path, values.appendingPathComponent("v.csv").path]
            make.standardError = Pipe()
            try make.run()
            make.waitUntilExit()
            #expect(make.terminationStatus == 0)
        }
        return root
    }

    @Test("refresh prints a line per snapshot and a summary; check then reads the snapshot")
    func refresh() throws {
        let root = try folder()
        let check = try cli.discern(["check", "--content", root.path])
        #expect(check.status == 1)
        #expect(check.stderr.contains("data/v.sql:1:1: error: no snapshot of this query's result (data/v.csv); run `discern refresh`"))

        let run = try cli.discern(["refresh", "--content", root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n").map(QueriesReadmeTests.timeless)
        #expect(lines == ["data/v.csv: 2 rows from data/v.sql in … s", "Refreshed 1 snapshot (2 rows) in … s."])
        #expect(try String(contentsOf: root.appendingPathComponent("data/v.csv"), encoding: .utf8)
                    == "period,team,metric,value\n2026-Q1,a,m,2\n2026-Q1,b,m,3.5\n")
        let after = try cli.discern(["check", "--content", root.path])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stderr.isEmpty, "the database in data/ is no data file")
    }

    @Test("a name that is no query is a usage error that lists the queries")
    func unknownName() throws {
        let run = try cli.discern(["refresh", "--content", try folder().path, "lead"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no query data/lead.sql; the queries are v"))
    }

    @Test("a missing database is one line at sources naming its path, and nothing is written")
    func missingDatabase() throws {
        let root = try folder(sources: "sources:\n  sqlite: data/missing.db\n", database: false)
        let run = try cli.discern(["refresh", "--content", root.path])
        #expect(run.status == 1)
        #expect(run.stderr == "site.yaml:4:3: error: no SQLite database at data/missing.db (sources.sqlite in site.yaml)\n"
                    + "discern: wrote no snapshot; 1 error, and the snapshots are as they were\n")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("data/v.csv").path))
    }

    @Test("postgres: the variable named must be set; a connection failure is one line, without the URL or its password")
    func postgres() throws {
        let root = try folder(sources: "sources:\n  postgres: {url_env: DISCERN_TEST_DATABASE_URL}\n", database: false)
        let unset = try cli.discern(["refresh", "--content", root.path])
        #expect(unset.status == 1)
        #expect(unset.stderr.hasPrefix("site.yaml:4:3: error: the environment variable DISCERN_TEST_DATABASE_URL "
                                       + "(sources.postgres.url_env) is not set; set it to the database's connection URL\n"))
        let set = try cli.discern(["refresh", "--content", root.path],
                                  environment: ["DISCERN_TEST_DATABASE_URL": "postgres://reader:s3cret@db.example/metrics"])
        #expect(set.status == 1)
        // The host may be named (it says where the connection went), the URL and password never.
        #expect(!(set.stdout + set.stderr).contains("s3cret"))
        #expect(!(set.stdout + set.stderr).contains("postgres://"))
        let lines = set.stderr.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("site.yaml:4:3: error: ") && lines[1].hasPrefix("discern: wrote no snapshot"),
                "one line for the failure, then the summary: \(set.stderr)")
    }

    @Test("queries without sources in site.yaml are an error that says what to add")
    func noSources() throws {
        let run = try cli.discern(["refresh", "--content", try folder(sources: "", database: false).path])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("site.yaml:1:1: error: site.yaml names no database for the queries in data/; add `sources:`"))
    }

    @Test("serve runs a saved query again, then rebuilds; a refused one shows over the pages and writes nothing")
    func serve() throws {
        let root = try folder()
        #expect(try cli.discern(["refresh", "--content", root.path]).status == 0)
        let server = try ServeCommandTests.Server(content: root)
        defer { server.stop() }
        let http = RawHTTP(port: try server.port())
        let query = root.appendingPathComponent("data/v.sql"), snapshot = root.appendingPathComponent("data/v.csv")

        try ServeCommandTests().save("SELECT period, team, metric, value * 2 AS value FROM v ORDER BY team\n", to: query)
        #expect(server.waitFor("data/v.csv: 2 rows from data/v.sql in "), "\(server.output)\n\(server.errors)")
        #expect(server.waitFor("Built ", count: 2), "\(server.output)\n\(server.errors)")
        #expect(try String(contentsOf: snapshot, encoding: .utf8) == "period,team,metric,value\n2026-Q1,a,m,4\n2026-Q1,b,m,7.0\n")
        #expect(!server.errors.contains("error"), "\(server.errors)")

        try ServeCommandTests().save("SELECT period, team, metric, value FROM v WHERE WHERE\n", to: query)
        #expect(server.waitFor("discern: wrote no snapshot", onStandardError: true), "\(server.errors)")
        #expect(server.errors.contains("data/v.sql:1:49: error: the database refused the query: near \"WHERE\": syntax error"))
        let page = try http.request("/")
        #expect(page.text.contains("data/v.sql:1:49: error: the database refused the query"), "\(page.text.suffix(1500))")
        #expect(try String(contentsOf: snapshot, encoding: .utf8) == "period,team,metric,value\n2026-Q1,a,m,4\n2026-Q1,b,m,7.0\n")
    }
}
