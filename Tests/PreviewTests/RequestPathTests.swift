@testable import Preview
import Testing

/// Paths are checked as the client sent them, before anything looks at the disk.
@Suite("RequestPath: what serve agrees to look up")
struct RequestPathTests {
    @Test("plain paths become their decoded names, and a trailing slash marks a folder")
    func plain() {
        #expect(RequestPath(target: "/") == .site(names: [], isFolder: true))
        #expect(RequestPath(target: "/teams") == .site(names: ["teams"], isFolder: false))
        #expect(RequestPath(target: "/teams/platform/") == .site(names: ["teams", "platform"], isFolder: true))
        #expect(RequestPath(target: "/org/a%20b.svg") == .site(names: ["org", "a b.svg"], isFolder: false))
        #expect(RequestPath(target: "//teams//index.html") == .site(names: ["teams", "index.html"], isFolder: false))
    }

    @Test("dot segments are refused however they are spelled", arguments: [
        "/../../etc/passwd", "/teams/../index.html", "/./index.html", "/..", "/teams/..",
        "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd", "/.%2e/etc/passwd", "/%2e/index.html",
    ])
    func dotSegments(target: String) {
        #expect(RequestPath(target: target) == .refused(.leavesSite))
    }

    @Test("encoded slashes and backslashes are refused", arguments: [
        "/org/..%2f..%2f..%2fetc/passwd", "/org/..%2F..%2Fetc/passwd", "/..%5c..%5cetc/passwd", "/a%2fb",
    ])
    func encodedSlashes(target: String) {
        #expect(RequestPath(target: target) == .refused(.malformed("the request path has an encoded slash")))
    }

    @Test("malformed paths are refused with a 400")
    func malformed() {
        for target in ["", "etc/passwd", "http://example.com/", "/a%zz", "/a%2", "/%00", "/a\\..\\b", "/%ff%fe", "/a%0ab"] {
            guard case .refused(let refusal) = RequestPath(target: target) else {
                Issue.record("accepted \(target)")
                continue
            }
            #expect(refusal.status == 400, "\(target)")
        }
    }

    @Test("a path over 2048 bytes is refused with a 414; one at the limit is not")
    func tooLong() {
        #expect(RequestPath(target: "/" + String(repeating: "a", count: 2048)) == .refused(.tooLong))
        #expect(RequestPath.Refusal.tooLong.status == 414)
        let atLimit = "/" + String(repeating: "a", count: 2047)
        #expect(RequestPath(target: atLimit) == .site(names: [String(repeating: "a", count: 2047)], isFolder: false))
    }
}
