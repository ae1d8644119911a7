import Foundation

/// The PostgreSQL server the tests run against: the one Scripts/test started, named by
/// `DISCERN_TEST_POSTGRES_URL`, or else one this test process starts through
/// `Scripts/postgres-for-tests start --stop-when-gone PID`, so that `swift test` alone works
/// and the server stops once the process has ended. The tests never skip: a server that
/// cannot be had is a failure that says so.
public enum PostgresTestServer {
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Started at most once per process, whichever test asks first.
    private static let started: Result<String, Unavailable> = {
        if let url = ProcessInfo.processInfo.environment["DISCERN_TEST_POSTGRES_URL"], !url.isEmpty {
            return .success(url)
        }
        return Result { try start() }.mapError { $0 as? Unavailable ?? Unavailable(description: "\($0)") }
    }()

    /// The URL of the test database, owned by the role `discern`.
    public static func url() throws -> String {
        try started.get()
    }

    private static func start() throws -> String {
        let script = packageRoot.appendingPathComponent("Scripts/postgres-for-tests").path
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("discern-postgres-start-\(getpid()).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        // popen rather than Process: Foundation's Process waits until every process holding
        // a socket it gives the child has ended, and the server and the watcher that stops it
        // hold it as long as they run.
        let quote = { (text: String) in "'" + text.replacing("'", with: "'\\''") + "'" }
        guard let pipe = popen("\(quote(script)) start --stop-when-gone \(getpid()) 2>\(quote(log))", "r") else {
            throw Unavailable(description: "could not run Scripts/postgres-for-tests: \(String(cString: strerror(errno)))")
        }
        var printed = ""
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: 4096)
        defer { buffer.deallocate() }
        while fgets(buffer, 4096, pipe) != nil {
            printed += String(cString: buffer)
        }
        let status = pclose(pipe)
        let prefix = "DISCERN_TEST_POSTGRES_URL='"
        guard status == 0,
              let line = printed.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }),
              line.hasSuffix("'")
        else {
            let said = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").joined(separator: "; ")
            throw Unavailable(description: "DISCERN_TEST_POSTGRES_URL is not set and Scripts/postgres-for-tests could not start a server (exit \((status >> 8) & 0xff)): \(said); run the tests through Scripts/test")
        }
        return String(line.dropFirst(prefix.count).dropLast())
    }

    /// The test database's URL with `password` in place of the real one.
    public static func url(password: String) throws -> String {
        guard var parts = URLComponents(string: try url()) else {
            throw Unavailable(description: "the test server's URL is not a URI")
        }
        parts.password = password
        return parts.string ?? ""
    }
}
