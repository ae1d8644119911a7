import DataSources
import Foundation
import Testing
import TestSupport

/// `PostgresDatabase` against a real PostgreSQL server (see `PostgresTestServer`). One test at
/// a time, so the timing checks are not judged while the others load the server.
@Suite("PostgresDatabase against a real server", .serialized)
struct PostgresDatabaseTests {
    struct Stop: Error, Equatable {}

    /// Everything a query streams, and the error it ends with.
    struct Received {
        var parts: [QueryResultPart] = []
        var error: (any Error)?
        var columns: [String]? {
            if case .columns(let names) = parts.first { names } else { nil }
        }
        var rows: [[String?]] {
            parts.compactMap { if case .row(let values) = $0 { values } else { nil } }
        }
        var dataSourceError: DataSourceError? { error as? DataSourceError }
    }

    func run(_ query: String, on database: PostgresDatabase? = nil, timeout: Duration = .seconds(60)) throws -> Received {
        let database = try database ?? PostgresDatabase(url: PostgresTestServer.url())
        var received = Received()
        do {
            try database.run(query, timeout: timeout) { received.parts.append($0) }
        } catch {
            received.error = error
        }
        return received
    }

    @Test("a long result streams as its columns, once, then each row in order")
    func longResult() throws {
        let received = try run("SELECT g AS n, g * 2 AS twice FROM generate_series(1, 100000) AS g ORDER BY g")
        #expect(received.error == nil)
        #expect(received.parts.count == 100_001)
        #expect(received.parts.first == .columns(["n", "twice"]))
        let rows = received.rows
        #expect(rows.count == 100_000)
        #expect(rows.enumerated().allSatisfy { $0.element == ["\($0.offset + 1)", "\(2 * ($0.offset + 1))"] })
    }

    @Test("a wide result keeps 400 columns in order, and a value of a million characters whole")
    func wideResult() throws {
        let columns = (1...400).map { "g * \($0) AS c\($0)" }.joined(separator: ", ")
        let received = try run("SELECT \(columns) FROM generate_series(1, 50) AS g")
        #expect(received.error == nil)
        #expect(received.columns == (1...400).map { "c\($0)" })
        #expect(received.rows.count == 50)
        #expect(received.rows.enumerated().allSatisfy { row in row.element == (1...400).map { "\((row.offset + 1) * $0)" } })

        let long = try run("SELECT repeat('é✓', 500000) AS long")
        #expect(long.rows == [[String(repeating: "é✓", count: 500_000)]])
    }

    @Test("a result without rows still names its columns")
    func noRows() throws {
        let received = try run("SELECT 1 AS one, 'a' AS letter WHERE false")
        #expect(received.error == nil)
        #expect(received.parts == [.columns(["one", "letter"])])
    }

    @Test("NULL arrives as nil, and an empty string as an empty string")
    func null() throws {
        let received = try run("SELECT NULL::integer AS missing, '' AS empty, 'x' AS x")
        #expect(received.parts == [.columns(["missing", "empty", "x"]), .row([nil, "", "x"])])
    }

    @Test("values are the server's own text: shortest exact floats, exact numerics, UTF-8")
    func serverText() throws {
        let received = try run("""
            SELECT 0.1::float8 AS tenth, 1e300::float8 AS huge, 2::float8 / 3 AS third,
                   123456789012345678901234567890.000000000000000000001::numeric AS exact,
                   'ünïcødé ✓ 📈' AS text, true AS yes, DATE '2026-07-01' AS day
            """)
        #expect(received.rows == [["0.1", "1e+300", "0.6666666666666666", "123456789012345678901234567890.000000000000000000001", "ünïcødé ✓ 📈", "t", "2026-07-01"]])
    }

    @Test("a syntax error on line 3, column 8, after a non-ASCII character, is at its 0-based scalar offset")
    func errorPosition() throws {
        // Line 3 is `'é', 1 ) AS z`: the stray `)` is at column 8, after an é of two UTF-8 bytes.
        let query = "SELECT 1 AS one,\n       2 AS two,\n'é', 1 ) AS z"
        let received = try run(query)
        let offset = "SELECT 1 AS one,\n".unicodeScalars.count + "       2 AS two,\n".unicodeScalars.count + 7
        #expect(offset == 41)
        #expect(received.dataSourceError == .rejected("syntax error at or near \")\"", offset: 41))
        #expect(String(String.UnicodeScalarView(query.unicodeScalars.dropFirst(offset))) == ") AS z")
        #expect(query.utf8.firstIndex(of: UInt8(ascii: ")")).map { query.utf8.distance(from: query.utf8.startIndex, to: $0) } == 42, "in bytes it would be one more")
    }

    @Test("the server's hint follows its message on the same line")
    func hint() throws {
        let received = try run("SELECT t.presnt FROM (SELECT 1 AS present) AS t")
        #expect(received.dataSourceError == .rejected("column t.presnt does not exist; hint: Perhaps you meant to reference the column \"t.present\".", offset: 7))
    }

    @Test("an error partway through a result comes after the rows before it")
    func errorAfterRows() throws {
        let received = try run("SELECT 6 / (3 - g) AS n FROM (SELECT generate_series(1, 5) AS g) AS s")
        #expect(received.parts == [.columns(["n"]), .row(["3"]), .row(["6"])])
        #expect(received.dataSourceError == .rejected("division by zero", offset: nil))
    }

    @Test("two statements, a statement without rows and an empty query are rejected")
    func notOneQuery() throws {
        #expect(try run("SELECT 1; SELECT 2").dataSourceError == .rejected("cannot insert multiple commands into a prepared statement", offset: nil))
        #expect(try run("CREATE TEMPORARY TABLE scratch (x integer)").dataSourceError == .rejected("the statement returned no rows; a query is one SELECT (or another statement that returns rows)", offset: nil))
        #expect(try run("").dataSourceError == .rejected("the query is empty", offset: nil))
        #expect(try run("-- nothing but a comment").dataSourceError == .rejected("the query is empty", offset: nil))
    }

    @Test("COPY is rejected, and the connection, opened afresh, runs the next query")
    func copy() throws {
        let database = try PostgresDatabase(url: PostgresTestServer.url())
        #expect(try run("COPY (SELECT 1) TO STDOUT", on: database).dataSourceError == .rejected("COPY cannot be read as a query's result; write a SELECT", offset: nil))
        #expect(try run("SELECT 5 AS still", on: database).rows == [["5"]])
    }

    @Test("a query past its timeout is cancelled, and the connection runs the next one")
    func timeout() throws {
        let database = try PostgresDatabase(url: PostgresTestServer.url())
        let clock = ContinuousClock()
        var received = Received()
        let elapsed = try clock.measure { received = try run("SELECT pg_sleep(10)", on: database, timeout: .milliseconds(300)) }
        #expect(received.dataSourceError == .timedOut(.milliseconds(300)))
        #expect(elapsed < .seconds(5), "cancelled, not waited out: \(elapsed)")
        #expect(try run("SELECT 1 AS still", on: database).parts == [.columns(["still"]), .row(["1"])])
    }

    @Test("the timeout holds while rows are still arriving slowly from the server")
    func timeoutWhileStreaming() throws {
        let database = try PostgresDatabase(url: PostgresTestServer.url())
        // Rows larger than the server's 8 kB output buffer, so each is sent as it is made.
        let received = try run("SELECT g, repeat('x', 10000) AS padding, pg_sleep(0.05) FROM (SELECT generate_series(1, 200) AS g) AS s", on: database, timeout: .seconds(1))
        #expect(received.dataSourceError == .timedOut(.seconds(1)))
        #expect(received.rows.count > 0 && received.rows.count < 200, "\(received.rows.count) rows before the timeout")
        #expect(try run("SELECT 2 AS still", on: database).rows == [["2"]])
    }

    @Test("the timeout counts the time receive takes, since rows waiting to be read are part of the run")
    func timeoutWhileReceiving() throws {
        let database = try PostgresDatabase(url: PostgresTestServer.url())
        var rows = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: DataSourceError.timedOut(.seconds(1))) {
                try database.run("SELECT generate_series(1, 1000000) AS n", timeout: .seconds(1)) { part in
                    if case .row = part { rows += 1 }
                    usleep(1000)
                }
            }
        }
        #expect(rows > 0 && rows < 1_000_000, "\(rows) rows before the timeout")
        #expect(elapsed < .seconds(5), "\(elapsed)")
        #expect(try run("SELECT 4 AS still", on: database).rows == [["4"]])
    }

    @Test("an error thrown by receive stops the query on the server and is rethrown as it is")
    func receiveThrows() throws {
        let database = try PostgresDatabase(url: PostgresTestServer.url())
        let query = "SELECT generate_series(1, 200000000) AS n"
        var rows = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: Stop.self) {
                try database.run(query, timeout: .seconds(600)) { part in
                    if case .row = part { rows += 1 }
                    if rows == 10 { throw Stop() }
                }
            }
        }
        #expect(rows == 10)
        #expect(elapsed < .seconds(20), "the query was stopped, not read to its end: \(elapsed)")
        let active = try run("SELECT count(*) FROM pg_stat_activity WHERE query = '\(query)' AND state <> 'idle'")
        #expect(active.rows == [["0"]], "no server process still runs the query")
        #expect(try run("SELECT 3 AS still", on: database).rows == [["3"]])
    }

    @Test("a refused connection is one line, naming the host and port but not the URL")
    func refused() throws {
        // Port 1 (tcpmux) has no listener on loopback.
        let url = "postgresql://discern:Refused-Quokka-4410@127.0.0.1:1/discern"
        #expect {
            try PostgresDatabase(url: url)
        } throws: { error in
            guard case .connection(let message) = error as? DataSourceError else { return false }
            return message.contains("127.0.0.1") && message.contains("port 1 failed: Connection refused")
                && !message.contains("\n") && !message.contains("Refused-Quokka-4410") && !message.contains(url)
        }
    }

    @Test("a wrong password is refused without the password in the message")
    func wrongPassword() throws {
        let url = try PostgresTestServer.url(password: "Wrong-Quokka-7731")
        #expect {
            try PostgresDatabase(url: url)
        } throws: { error in
            guard case .connection(let message) = error as? DataSourceError else { return false }
            return message.contains("password authentication failed for user \"discern\"")
                && !message.contains("Wrong-Quokka-7731") && !message.contains(url) && !message.contains("\n")
        }
    }

    @Test("a connection string libpq cannot read is refused without any piece of it that could be the password")
    func unreadableURL() throws {
        for url in ["postgresql://discern:%zzQuokkaSecret@127.0.0.1:1/discern", "host=127.0.0.1 port=1 password=Zebra QuokkaSecret"] {
            #expect {
                try PostgresDatabase(url: url)
            } throws: { error in
                guard case .connection(let message) = error as? DataSourceError else { return false }
                return !message.isEmpty && !message.contains("QuokkaSecret") && !message.contains("Zebra")
            }
        }
    }
}
