@testable import Preview
import Testing

/// A DNS-rebinding page reaches the preview under its own name, which it sends in
/// `Host`; only the names of the address the preview listens on are answered.
@Suite("ServedHosts: which Host values serve answers")
struct ServedHostsTests {
    @Test("on 127.0.0.1, the address and localhost with the port; another name or port is misdirected")
    func loopback() {
        let hosts = ServedHosts(listeningOn: "127.0.0.1", port: 8000)
        for host in ["127.0.0.1:8000", "localhost:8000", "LocalHost:8000"] {
            #expect(hosts.verdict(for: host) == .accepted, "\(host)")
        }
        for host in ["evil.test:8000", "127.0.0.1.evil.test:8000", "localhost.:8000", "127.0.0.1:8001", "127.0.0.1",
                     "localhost", "[::1]:8000", "127.0.0.2:8000", "0.0.0.0:8000", "192.168.1.5:8000"] {
            #expect(hosts.verdict(for: host) == .misdirected, "\(host)")
        }
        #expect(hosts.expected == "127.0.0.1:8000 or localhost:8000")
    }

    @Test("on port 80 the port may be left out, as it is HTTP's default")
    func defaultPort() {
        let hosts = ServedHosts(listeningOn: "127.0.0.1", port: 80)
        #expect(hosts.verdict(for: "localhost") == .accepted)
        #expect(hosts.verdict(for: "127.0.0.1:80") == .accepted)
        #expect(hosts.verdict(for: "127.0.0.1:") == .accepted, "an empty port is the default")
        #expect(hosts.verdict(for: "evil.test") == .misdirected)
    }

    @Test("on ::1, [::1] in any spelling and localhost")
    func ipv6Loopback() {
        let hosts = ServedHosts(listeningOn: "::1", port: 8000)
        for host in ["[::1]:8000", "[0:0:0:0:0:0:0:1]:8000", "localhost:8000"] {
            #expect(hosts.verdict(for: host) == .accepted, "\(host)")
        }
        for host in ["127.0.0.1:8000", "[::2]:8000", "evil.test:8000", "[::1]:8001"] {
            #expect(hosts.verdict(for: host) == .misdirected, "\(host)")
        }
    }

    @Test("on the wildcard, localhost and any IP literal, never a name")
    func wildcard() {
        for address in ["0.0.0.0", "::"] {
            let hosts = ServedHosts(listeningOn: address, port: 8000)
            for host in ["localhost:8000", "192.168.1.5:8000", "127.0.0.1:8000", "[fe80::1]:8000", "[::1]:8000"] {
                #expect(hosts.verdict(for: host) == .accepted, "\(address) \(host)")
            }
            for host in ["evil.test:8000", "192.168.1.5.nip.io:8000", "192.168.1.5:8001"] {
                #expect(hosts.verdict(for: host) == .misdirected, "\(address) \(host)")
            }
        }
    }

    @Test("on another address, that address only")
    func otherAddress() {
        let hosts = ServedHosts(listeningOn: "192.168.1.5", port: 8000)
        #expect(hosts.verdict(for: "192.168.1.5:8000") == .accepted)
        #expect(hosts.verdict(for: "localhost:8000") == .misdirected)
        #expect(hosts.verdict(for: "127.0.0.1:8000") == .misdirected)
    }

    @Test("a missing Host, or one that is not host[:port], is malformed", arguments: [
        nil, "", "127.0.0.1:8000:1", "user@127.0.0.1:8000", "127.0.0.1:x", "127.0.0.1:8000/", "a b:8000", "[::1:8000",
        "[zz]:8000", "[::1]8000", "127.0.0.1:99999", "127.0.0.1:-1", "ex\u{E9}mple.test:8000", ":8000", "127.0.0.1:0008000",
    ] as [String?])
    func malformed(_ host: String?) {
        #expect(ServedHosts(listeningOn: "127.0.0.1", port: 8000).verdict(for: host) == .malformed, "\(host ?? "nil")")
    }
}
