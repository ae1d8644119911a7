#if canImport(Glibc)
import Glibc
#endif

/// The `Host` values the preview answers: those that name the address it listens on.
///
/// A page on any web site can point its own name at 127.0.0.1 (DNS rebinding) and then
/// read the preview as if it were the same origin; its requests still carry its own name
/// in `Host`, so answering only our own names shuts it out. HTTP/1.1 requires a `Host`
/// (RFC 9112, section 3.2): a request without one, or with one that is not a host and an
/// optional port, is malformed (400). A well-formed `Host` that names another host or
/// port asks for a different authority, which RFC 9110 (section 15.5.20) answers with
/// 421 Misdirected Request.
///
/// - Bound to a loopback address, the preview answers to that address and `localhost`.
/// - Bound to the wildcard (`0.0.0.0`, `::`), to `localhost` and any IP literal: a
///   rebinding page always uses a name, and an address could be any of this machine's.
/// - Bound to another address, to that address only.
///
/// The port must be the one listened on. A `Host` without one means HTTP's default, 80
/// (RFC 9110, section 4.2.1), so it is accepted only when the preview listens on 80;
/// browsers always send the port otherwise.
struct ServedHosts: Sendable, Equatable {
    enum Verdict: Equatable, Sendable {
        case accepted
        /// A host or port other than the preview's: 421.
        case misdirected
        /// No `Host`, or one that is not `host[:port]`: 400.
        case malformed
    }

    /// The address as it appears in `Host`: IPv6 in brackets.
    let address: String
    let port: UInt16
    private let names: Set<String>
    private let anyAddress: Bool

    /// For a server listening on `host`, a numeric IPv4 or IPv6 address, and `port`.
    init(listeningOn host: String, port: UInt16) {
        let isIPv6 = host.contains(":")
        address = isIPv6 ? "[\(Self.canonicalIPv6(host) ?? host.lowercased())]" : host
        self.port = port
        anyAddress = host == "0.0.0.0" || (isIPv6 && Self.isAddress(host, family: AF_INET6, equalTo: "::"))
        let isLoopback = isIPv6 ? Self.isAddress(host, family: AF_INET6, equalTo: "::1") : host.hasPrefix("127.")
        names = isLoopback || anyAddress ? [address, "localhost"] : [address]
    }

    /// Whether a request with this `Host` value (nil when it had none) is answered.
    func verdict(for header: String?) -> Verdict {
        guard let header, let (host, requestedPort) = Self.split(header) else { return .malformed }
        guard requestedPort == port else { return .misdirected }
        if names.contains(host) { return .accepted }
        if anyAddress, Self.isIPLiteral(host) { return .accepted }
        return .misdirected
    }

    /// What to tell a client whose `Host` is refused.
    var expected: String {
        let hosts = names.sorted().map { "\($0):\(port)" }
        return anyAddress ? (hosts + ["an IP address of this machine with :\(port)"]).joined(separator: ", ")
            : hosts.joined(separator: " or ")
    }

    /// `host[:port]` as RFC 3986 writes an authority without user information: the host
    /// lowercased, and the port (80 when there is none).
    private static func split(_ value: String) -> (host: String, port: UInt16)? {
        let host: Substring, rest: Substring
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return nil }
            rest = value[value.index(after: close)...]
            // One address has many spellings ([::1], [0:0:0:0:0:0:0:1]); compare one.
            guard let canonical = canonicalIPv6(String(value[value.index(after: value.startIndex)..<close])) else {
                return nil
            }
            host = Substring("[\(canonical)]")
        } else {
            let colon = value.firstIndex(of: ":") ?? value.endIndex
            host = value[..<colon]
            rest = value[colon...]
            let allowed = host.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-._~".unicodeScalars.contains($0))
            }
            guard !host.isEmpty, allowed else { return nil }
        }
        guard !rest.isEmpty else { return (host.lowercased(), 80) }
        guard rest.hasPrefix(":") else { return nil }
        let digits = rest.dropFirst()
        // An empty port means the default, as RFC 3986 section 3.2.3 allows.
        guard !digits.isEmpty else { return (host.lowercased(), 80) }
        guard digits.count <= 5, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
              let number = Int(digits), number <= 65535 else { return nil }
        return (host.lowercased(), UInt16(number))
    }

    /// The address as `inet_ntop` writes it, or nil when `text` is not an IPv6 address.
    private static func canonicalIPv6(_ text: String) -> String? {
        var bytes = in6_addr()
        guard inet_pton(AF_INET6, text, &bytes) == 1 else { return nil }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &bytes, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func isIPLiteral(_ host: String) -> Bool {
        if host.hasPrefix("[") { return isAddress(String(host.dropFirst().dropLast()), family: AF_INET6) }
        return isAddress(host, family: AF_INET)
    }

    /// Whether `text` is a numeric address of `family`, and, with `other`, the same one.
    private static func isAddress(_ text: String, family: Int32, equalTo other: String? = nil) -> Bool {
        var bytes = [UInt8](repeating: 0, count: 16), otherBytes = [UInt8](repeating: 0, count: 16)
        guard inet_pton(family, text, &bytes) == 1 else { return false }
        guard let other else { return true }
        return inet_pton(family, other, &otherBytes) == 1 && bytes == otherBytes
    }
}
