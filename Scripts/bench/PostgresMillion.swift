import Glibc

/// The program Scripts/bench/postgres-million times: streams `SELECT` of ROWS rows through
/// `PostgresDatabase` from the server named by DISCERN_TEST_POSTGRES_URL, keeping nothing but
/// counts, and prints `rows seconds bytes`. It is compiled together with DataSources' own
/// sources, so it measures exactly that code, optimized.
@main
struct PostgresMillion {
    static func main() throws {
        guard CommandLine.arguments.count == 2, let rows = Int(CommandLine.arguments[1]), rows > 0,
              let url = getenv("DISCERN_TEST_POSTGRES_URL").map({ String(cString: $0) })
        else {
            fputs("usage: DISCERN_TEST_POSTGRES_URL=… postgres-million ROWS\n", stderr)
            exit(2)
        }
        let database = try PostgresDatabase(url: url)
        // generate_series in the select list streams; in FROM the server would build it whole first.
        let query = """
            SELECT n, n::float8 / 7 AS ratio, 'team-' || (n % 50) AS team, NULL::text AS missing
            FROM (SELECT generate_series(1, \(rows)) AS n) AS s
            """
        var received = 0
        var bytes = 0
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            try database.run(query, timeout: .seconds(3600)) { part in
                guard case .row(let values) = part else { return }
                received += 1
                for value in values { bytes += value?.utf8.count ?? 0 }
            }
        }
        let (seconds, attoseconds) = elapsed.components
        print(received, Double(seconds) + Double(attoseconds) / 1e18, bytes)
    }
}
