import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 over a plain loopback socket, each request sent byte for byte as written:
/// URLSession and curl tidy `..` out of a path before sending it, and the tests of
/// `discern serve` must send it as an attacker would.
struct RawHTTP {
    let port: Int

    struct Response {
        var status: Int
        /// Header names in lower case.
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// A connection that stays open, for a response that never ends (the build events).
    final class Connection {
        fileprivate let socket: Int32
        private var received: [UInt8] = []

        fileprivate init(socket: Int32) { self.socket = socket }

        deinit { close(socket) }

        /// Everything received so far, as text.
        var text: String { String(decoding: received, as: UTF8.self) }

        /// Reads until what has been received contains `phrase`; false after `seconds`
        /// or when the server closes the connection first.
        func read(until phrase: String, seconds: Double = 60) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while !text.contains(phrase) {
                let left = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
                guard left > 0, RawHTTP.readSome(socket, into: &received, waiting: left) else { return false }
            }
            return true
        }
    }

    /// Sends `request` as it is and reads the whole answer; the request should ask for
    /// `Connection: close`, so that the server ends the answer by closing.
    func send(_ request: String, seconds: Double = 30) throws -> Response {
        let connection = try open(request)
        var raw: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        while RawHTTP.readSome(connection.socket, into: &raw, waiting: Int32(max(1, deadline.timeIntervalSinceNow * 1000))) {}
        return try Self.parse(raw)
    }

    /// The `Host` a browser sends for `http://127.0.0.1:PORT/`: with the port, which is
    /// not HTTP's default.
    var host: String { "127.0.0.1:\(port)" }

    /// `method path` with the usual headers and `Connection: close`.
    func request(_ path: String, method: String = "GET") throws -> Response {
        try send("\(method) \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
    }

    /// Connects and sends `request`, leaving the connection open for reading.
    func open(_ request: String) throws -> Connection {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure("socket: \(errno)") }
        let connection = Connection(socket: descriptor)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure("connect to port \(port): \(errno)") }
        let bytes = Array(request.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure("send: \(errno)") }
            sent += count
        }
        return connection
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Waits up to `milliseconds` for bytes and appends them; false when the connection
    /// closed or nothing came.
    fileprivate static func readSome(_ socket: Int32, into buffer: inout [UInt8], waiting milliseconds: Int32) -> Bool {
        var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, milliseconds) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }

    private static func parse(_ raw: [UInt8]) throws -> Response {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0...max(0, raw.count - 4)).first(where: { raw.count >= 4 && Array(raw[$0..<$0 + 4]) == separator }) else {
            throw Failure("no complete response head in \(raw.count) bytes: \(String(decoding: raw, as: UTF8.self))")
        }
        let lines = String(decoding: raw[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusWords = lines[0].split(separator: " ")
        guard statusWords.count >= 2, let status = Int(statusWords[1]) else { throw Failure("bad status line: \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Array(raw[(end + 4)...]))
    }
}
