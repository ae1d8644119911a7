import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// The sample site built for a CI preview URL and served under that sub-path over real
/// HTTP: every link on every page reached resolves, and none leaves the sub-path.
@Suite("Sub-path hosting over HTTP")
struct SubPathHostingTests {
    let cli = CommandLineTests()
    static let prefix = "/previews/pr-123/"
    static let baseURL = "https://example.test/previews/pr-123/"

    /// What a walk from the front page found.
    struct Walk {
        /// Every URL fetched, by path, with its status.
        var fetched: [String: Int] = [:]
        /// Problems, each as `page → link: what is wrong`.
        var problems: [String] = []
        /// Links to other sites, not followed.
        var external: Set<String> = []
    }

    /// Fetches a URL: status and body.
    static func fetch(_ url: URL) async throws -> (Int, Data, String) {
        var request = URLRequest(url: url)
        request.timeoutInterval = 20
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, data, http?.value(forHTTPHeaderField: "Content-Type") ?? "")
    }

    /// Where a link on `page` leads on the preview server: a link to the base URL is the
    /// site's own (the canonical link, the 404 page's links) and is followed there; a link
    /// to anywhere else off the server is external.
    static func resolve(_ target: String, on page: URL, origin: String, walk: inout Walk) -> URL? {
        guard !target.hasPrefix("#") else { return nil }
        guard let resolved = URL(string: target, relativeTo: page)?.absoluteURL else {
            walk.problems.append("\(page.path) → \(target): not a URL")
            return nil
        }
        var text = resolved.absoluteString
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        if text.hasPrefix(baseURL) { text = origin + prefix + text.dropFirst(baseURL.count) }
        if text.hasPrefix(origin + "/") {
            guard text.dropFirst(origin.count).hasPrefix(prefix) else {
                walk.problems.append("\(page.path) → \(target): leaves \(prefix)")
                return nil
            }
            return URL(string: text)
        }
        if resolved.scheme == "https" || resolved.scheme == "http" {
            walk.external.insert(text)
        } else {
            walk.problems.append("\(page.path) → \(target): a \(resolved.scheme ?? "relative") link")
        }
        return nil
    }

    /// Follows every `href` and `src` from `start`, on every HTML page reached.
    static func walk(from start: URL, origin: String) async throws -> Walk {
        var walk = Walk()
        var queue = [(url: start, from: "(start)")]
        var seen: Set<String> = [start.absoluteString]
        while !queue.isEmpty {
            let (url, from) = queue.removeFirst()
            let (status, data, type) = try await fetch(url)
            walk.fetched[url.path] = status
            guard status == 200 else {
                walk.problems.append("\(from) → \(url.path): HTTP \(status)")
                continue
            }
            guard type.hasPrefix("text/html") else { continue }
            for target in LinkTargets.targets(in: String(decoding: data, as: UTF8.self)) {
                guard let next = resolve(target, on: url, origin: origin, walk: &walk),
                      seen.insert(next.absoluteString).inserted else { continue }
                queue.append((next, url.path))
            }
        }
        return walk
    }

    /// The external links the sample's narratives write themselves: the only ones a
    /// page may have, since Discern adds none of its own.
    static func narrativeLinks() throws -> Set<String> {
        let narratives = CommandLineTests.packageRoot.appendingPathComponent("content/narratives")
        var links: Set<String> = []
        for path in try BuildCommandTests.files(in: narratives) {
            let text = try String(contentsOf: narratives.appendingPathComponent(path), encoding: .utf8)
            var rest = text[...]
            while let start = rest.range(of: "](http") {
                let link = rest[rest.index(start.lowerBound, offsetBy: 2)...].prefix { $0 != ")" && $0 != " " }
                links.insert(String(link))
                rest = rest[start.upperBound...]
            }
        }
        return links
    }

    /// The sample content built with the preview's base URL into `previews/pr-123/` of a
    /// fresh folder, and a server over that folder; the caller stops the server.
    func servedSample() throws -> (site: URL, server: PreviewServer) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("discern-preview-\(UUID().uuidString)")
        let site = root.appendingPathComponent("previews/pr-123")
        let build = try cli.discern(["build", "--output", site.path, "--base-url", Self.baseURL])
        #expect(build.status == 0, "\(build.stderr)")
        return (site, try PreviewServer(root: root, prefix: Self.prefix))
    }

    @Test("built with --base-url, the sample serves under the sub-path: every link resolves with 200 and stays under it")
    func sample() async throws {
        let (site, server) = try servedSample()
        defer { server.stop() }

        let start = try #require(URL(string: server.origin + Self.prefix))
        let walk = try await Self.walk(from: start, origin: server.origin)
        #expect(walk.problems.isEmpty, "\(walk.problems.prefix(10))")
        // Every page the build wrote is reached by links from the front page, but 404.html.
        let pages = try BuildCommandTests.files(in: site).filter { $0.hasSuffix(".html") && $0 != "404.html" }
        let reached = Set(walk.fetched.keys)
        let missed = pages.filter { !reached.contains(Self.prefix + $0) }
        #expect(pages.count == 137 && missed.isEmpty, "\(pages.count) pages; not reached: \(missed.prefix(5))")
        #expect(walk.fetched.count > 700, "pages, stylesheet, chart SVGs and CSVs")
        // Links off the site are the narratives' own citations, and nothing else.
        let expected = try Self.narrativeLinks()
        #expect(!expected.isEmpty)
        #expect(walk.external == expected, "\(walk.external.symmetricDifference(expected))")
    }

    @Test("the 404 page, served for a deep missing path, links back into the sub-path")
    func notFound() async throws {
        let (_, server) = try servedSample()
        defer { server.stop() }

        let deep = try #require(URL(string: server.origin + Self.prefix + "teams/no-such-team/2026-Q3/index.html"))
        let (status, data, _) = try await Self.fetch(deep)
        #expect(status == 404)
        let html = String(decoding: data, as: UTF8.self)
        #expect(html.contains("<h1>Page not found</h1>"))
        var walk = Walk()
        var targets: [URL] = []
        for target in LinkTargets.targets(in: html) {
            if let url = Self.resolve(target, on: deep, origin: server.origin, walk: &walk) { targets.append(url) }
        }
        #expect(walk.problems.isEmpty && walk.external.isEmpty, "\(walk.problems) \(walk.external)")
        #expect(targets.contains { $0.path == Self.prefix + "assets/style.css" }, "the stylesheet loads at any depth")
        #expect(targets.contains { $0.path == Self.prefix + "index.html" })
        for url in targets {
            let (linked, _, _) = try await Self.fetch(url)
            #expect(linked == 200, "\(url.path)")
        }
    }
}
