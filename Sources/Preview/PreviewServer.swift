import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ReportModel

/// Serves a built site folder over HTTP for `discern serve`, adding to each page a
/// script that reloads it after every build and, while the latest build has errors,
/// an overlay that lists them. The files on disk are never changed.
///
/// The server runs on Swift concurrency's threads; the caller keeps its own thread
/// (`serve` watches the content on it) and reports each build with `publish(errors:)`.
public final class PreviewServer: Sendable {
    private let site: SiteFolder
    private let address: any SocketAddress
    private let events = BuildEvents()
    private let hosts = ListeningHosts()
    /// How often a waiting event stream writes a comment, and so learns if its page has gone.
    private static let keepAlive: Duration = .seconds(15)

    /// A server for the site in `folder`, to listen on `host` (a numeric IPv4 or IPv6
    /// address) and `port` (0 for any free port). Nothing listens until `start()`.
    public init(site folder: URL, host: String, port: UInt16) throws {
        site = SiteFolder(root: folder)
        if host.contains(":") {
            address = try sockaddr_in6.inet6(ip6: host, port: port)
        } else {
            address = try sockaddr_in.inet(ip4: host, port: port)
        }
    }

    /// Starts listening, and returns the address the site is served at (with the real
    /// port when `port` was 0). Throws when the address cannot be listened on.
    public func start() throws -> URL {
        let server = HTTPServer(
            config: HTTPServer.Configuration(address: address, timeout: 15, logger: .disabled),
            handler: SiteResponder(site: site, events: events, hosts: { [hosts] in hosts.value }))
        let outcome = StartOutcome()
        Task {
            do {
                try await server.run()
            } catch {
                outcome.settle(.failure(error))
            }
        }
        Task {
            do {
                try await server.waitUntilListening(timeout: 10)
                guard let address = await server.listeningAddress else { throw SocketError.unsupportedAddress }
                outcome.settle(.success(address))
            } catch {
                outcome.settle(.failure(error))
            }
        }
        let listening = try outcome.wait()
        switch listening {
        case .ip4(let host, let port), .ip6(let host, let port): hosts.set(ServedHosts(listeningOn: host, port: port))
        case .unix: break
        }
        Task { [events] in
            while true {
                try? await Task.sleep(for: Self.keepAlive)
                events.wakeAll()
            }
        }
        switch listening {
        case .ip4(let host, let port): return URL(string: "http://\(host):\(port)/")!
        case .ip6(let host, let port): return URL(string: "http://[\(host)]:\(port)/")!
        case .unix(let path): return URL(fileURLWithPath: path)
        }
    }

    /// A build finished. Open pages reload; with `errors`, the site on disk is the last
    /// good one and every page shows the errors over it until a build without any.
    public func publish(errors: [Diagnostic]) {
        events.publish(errors: errors.filter { $0.severity == .error }.sorted())
    }
}

/// The hosts the server answers, known once it listens (the port may have been 0), and
/// read by every request.
private final class ListeningHosts: @unchecked Sendable {
    private let lock = NSLock()
    private var hosts: ServedHosts?

    var value: ServedHosts? { lock.withLock { hosts } }

    func set(_ hosts: ServedHosts) { lock.withLock { self.hosts = hosts } }
}

/// Whether the server came up, handed from its tasks to the thread that started it.
private final class StartOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private let settled = DispatchSemaphore(value: 0)
    private var result: Result<Socket.Address, any Error>?

    /// The first answer counts: listening, or the error that stopped it.
    func settle(_ result: Result<Socket.Address, any Error>) {
        let first = lock.withLock {
            guard self.result == nil else { return false }
            self.result = result
            return true
        }
        if first { settled.signal() }
    }

    func wait() throws -> Socket.Address {
        settled.wait()
        return try lock.withLock { result! }.get()
    }
}
