import Foundation
import Testing
import TestSupport

/// The sample report from PostgreSQL: the sample's data files loaded into tables of a
/// real server (the one Scripts/test starts), the queries of `Tests/Fixtures/sql-sample`
/// refreshed from it with `discern refresh`, and the site built from those snapshots is,
/// file for file and byte for byte, the site of the sample's hand-written CSV files.
/// README's "Queries" shows the same with SQLite (`QueriesReadmeTests`).
@Suite("The sample from PostgreSQL")
struct PostgresSampleTests {
    let cli = CommandLineTests()

    /// SQL that makes one table per data file, named as `Scripts/sample-database` names
    /// them (`sales-ops.csv` → `sales_ops`), with a `rowid` column holding the file's row
    /// order, which the queries sort by. A column is `double precision` when every filled
    /// cell is a number and `text` otherwise; a blank cell is NULL.
    static func tables(from data: URL) throws -> String {
        var sql = ""
        let files = try FileManager.default.contentsOfDirectory(atPath: data.path).filter { $0.hasSuffix(".csv") }.sorted()
        for file in files {
            let lines = try String(contentsOf: data.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            guard let header = lines.first else { continue }
            let rows = lines.dropFirst()
            let numeric = header.indices.map { column in rows.allSatisfy { $0[column].isEmpty || Double($0[column]) != nil } }
            let table = String(file.dropLast(4)).replacing("-", with: "_")
            let columns = header.indices.map { "\"\(header[$0])\" \(numeric[$0] ? "double precision" : "text")" }
            sql += "CREATE TABLE \(table) (rowid integer, \(columns.joined(separator: ", ")));\n"
            for (index, row) in rows.enumerated() {
                let values = row.indices.map { column in
                    row[column].isEmpty ? "NULL" : numeric[column] ? row[column] : "'" + row[column].replacing("'", with: "''") + "'"
                }
                sql += "INSERT INTO \(table) VALUES (\(index + 1), \(values.joined(separator: ", ")));\n"
            }
        }
        return sql
    }

    @Test("the sample built from PostgreSQL snapshots is byte-identical to the sample built from its CSV files")
    func sampleFromPostgres() throws {
        let root = CommandLineTests.packageRoot
        let content = root.appendingPathComponent("content")
        let schema = "sample_" + UUID().uuidString.lowercased().replacing("-", with: "")
        let server = try PostgresTestServer.url()
        try PostgresSchema.create(schema, on: server, running: Self.tables(from: content.appendingPathComponent("data")))

        let folder = try cli.folder([:])
        let report = folder.appendingPathComponent("report")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: content, to: report)
        let data = report.appendingPathComponent("data")
        for file in try FileManager.default.contentsOfDirectory(atPath: data.path) where file.hasSuffix(".csv") {
            try FileManager.default.removeItem(at: data.appendingPathComponent(file))
        }
        let queries = root.appendingPathComponent("Tests/Fixtures/sql-sample")
        for file in try FileManager.default.contentsOfDirectory(atPath: queries.path) where file.hasSuffix(".sql") {
            try FileManager.default.copyItem(at: queries.appendingPathComponent(file), to: data.appendingPathComponent(file))
        }
        let site = report.appendingPathComponent("site.yaml")
        let settings = try String(contentsOf: site, encoding: .utf8)
        try (settings + "\nsources:\n  postgres: {url_env: DISCERN_DATABASE_URL}\n").write(to: site, atomically: true, encoding: .utf8)

        let refresh = try cli.discern(["refresh", "--content", report.path],
                                      environment: ["DISCERN_DATABASE_URL": PostgresSchema.url(server, schema: schema)])
        #expect(refresh.status == 0, "\(refresh.stderr)")
        #expect(refresh.stdout.contains("Refreshed 6 "), "\(refresh.stdout)")

        let fromSQL = folder.appendingPathComponent("sql-site"), fromCSV = folder.appendingPathComponent("csv-site")
        let built = try cli.discern(["build", "--content", report.path, "--output", fromSQL.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(try cli.discern(["build", "--content", content.path, "--output", fromCSV.path]).status == 0)
        let files = try BuildCommandTests.files(in: fromSQL)
        #expect(files == (try BuildCommandTests.files(in: fromCSV)))
        #expect(files.count > 100)
        for file in files {
            #expect(try Data(contentsOf: fromSQL.appendingPathComponent(file)) == Data(contentsOf: fromCSV.appendingPathComponent(file)),
                    "\(file) differs")
        }
    }
}
