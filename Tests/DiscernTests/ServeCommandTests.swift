import Foundation
import Testing

/// `discern serve`, run as a user would, on a copy of the sample content and a real
/// loopback port: pages come with the reload script, edits rebuild and reload, errors
/// show over the last good site, and requests for anything outside the site are refused.
@Suite("discern serve")
struct ServeCommandTests {
    /// A running `discern serve --port 0`, its output gathered as it comes.
    final class Server: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var out = ""
        private var err = ""

        init(content: URL, arguments: [String] = []) throws {
            process.executableURL = CommandLineTests.executable
            process.arguments = ["serve", "--content", content.path, "--port", "0"] + arguments
            // Records of what each output folder was built from go to the tests' cache folder.
            process.environment = ProcessInfo.processInfo.environment.merging(
                ["XDG_CACHE_HOME": CommandLineTests.environment["XDG_CACHE_HOME"]!], uniquingKeysWith: { $1 })
            process.currentDirectoryURL = CommandLineTests.packageRoot
            let stdout = Pipe(), stderr = Pipe()
            process.standardOutput = stdout
            process.standardError = stderr
            stdout.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self else { return }
                self.lock.withLock { self.out += String(decoding: data, as: UTF8.self) }
            }
            stderr.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self else { return }
                self.lock.withLock { self.err += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        deinit { stop() }

        /// Ends the server, as each test does when it is done.
        func stop() {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }

        var output: String { lock.withLock { out } }
        var errors: String { lock.withLock { err } }

        /// Waits until standard output (or error) has said `phrase` `count` times; false after 60 s.
        func waitFor(_ phrase: String, count: Int = 1, onStandardError: Bool = false) -> Bool {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let text = onStandardError ? errors : output
                if text.components(separatedBy: phrase).count - 1 >= count { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }

        /// The port from the line `Serving … at http://127.0.0.1:PORT/ ; press Ctrl-C to stop.`
        func port() throws -> Int {
            #expect(waitFor(" ; press Ctrl-C to stop.\n"), "\(output)\n\(errors)")
            let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("Serving ") })
            let address = try #require(line.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") })
            #expect(address.hasSuffix("/"))
            return try #require(Int(address.dropFirst("http://127.0.0.1:".count).dropLast()))
        }

        /// The private folder the site is built into, from the build's summary line.
        func site() throws -> URL {
            let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("Built ") })
            let start = try #require(line.range(of: " into "))
            let end = try #require(line.range(of: "/ in ", range: start.upperBound..<line.endIndex))
            return URL(fileURLWithPath: String(line[start.upperBound..<end.lowerBound]), isDirectory: true)
        }
    }

    /// A copy of the sample content, to edit.
    func sampleContent() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("discern-serve-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CommandLineTests.packageRoot.appendingPathComponent("content"), to: copy)
        return copy
    }

    /// Writes a file in place, as an editor that saves without renaming does.
    func save(_ text: String, to url: URL) throws {
        let handle = try FileHandle(forUpdating: url)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// The page as served, less the script the server adds: what must equal the file.
    func withoutScript(_ page: String) -> String {
        guard let start = page.range(of: "<script data-discern-preview>"),
              let end = page.range(of: "</script>\n", range: start.upperBound..<page.endIndex) else { return page }
        return String(page[..<start.lowerBound] + page[end.upperBound...])
    }

    let narrative = "narratives/teams/platform/2026-Q3.md"

    @Test("pages are served with the reload script, and the files on disk have none")
    func pages() throws {
        let server = try Server(content: try sampleContent())
        defer { server.stop() }
        let http = RawHTTP(port: try server.port())
        let site = try server.site()
        for (path, file) in [("/", "index.html"), ("/teams/platform/", "teams/platform/index.html"),
                             ("/teams/platform/2026-Q3/index.html", "teams/platform/2026-Q3/index.html")] {
            let response = try http.request(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["content-type"] == "text/html; charset=utf-8")
            #expect(response.text.contains("<script data-discern-preview>"))
            #expect(response.text.contains("new EventSource(\"/_discern/events\")"))
            let onDisk = try String(contentsOf: site.appendingPathComponent(file), encoding: .utf8)
            #expect(!onDisk.contains("<script"), "the built file has no script")
            #expect(withoutScript(response.text) == onDisk, "the page is the file and the script, nothing else")
        }

        // Every kind of file the site holds, with its type.
        let css = try http.request("/assets/style.css")
        #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(css.body == Array(try Data(contentsOf: site.appendingPathComponent("assets/style.css"))))
        // A page's chart files sit beside its index.html.
        let charts = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("org/2026-Q3").path)
        let svg = try #require(charts.first { $0.hasPrefix("chart-") && $0.hasSuffix(".svg") })
        let chart = try http.request("/org/2026-Q3/" + svg)
        #expect(chart.status == 200 && chart.headers["content-type"] == "image/svg+xml")
        let csv = try http.request("/org/2026-Q3/" + svg.replacingOccurrences(of: ".svg", with: ".csv"))
        #expect(csv.status == 200 && csv.headers["content-type"] == "text/csv; charset=utf-8")

        // A folder without its slash goes to it, as the built links expect; a miss gets the site's 404 page.
        let folder = try http.request("/teams")
        #expect(folder.status == 301 && folder.headers["location"] == "/teams/")
        let missing = try http.request("/teams/nobody/")
        #expect(missing.status == 404)
        #expect(withoutScript(missing.text) == (try String(contentsOf: site.appendingPathComponent("404.html"), encoding: .utf8)))

        // HEAD: GET's headers, length included, and no body.
        let head = try http.request("/", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.headers["content-length"] == (try http.request("/")).headers["content-length"])
    }

    @Test("a narrative edit rewrites only its pages, and open pages are told to reload")
    func edit() throws {
        let content = try sampleContent()
        let server = try Server(content: content)
        defer { server.stop() }
        let http = RawHTTP(port: try server.port())
        let events = try http.open("GET /_discern/events HTTP/1.1\r\nHost: \(http.host)\r\n\r\n")
        #expect(events.read(until: "\r\n\r\n"))
        #expect(events.text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(events.text.contains("Content-Type: text/event-stream"))
        #expect(events.read(until: "event: build\ndata: 2\n\n"), "the build the page connected during: \(events.text)")

        let file = content.appendingPathComponent(narrative)
        let original = try String(contentsOf: file, encoding: .utf8)
        var times: [Double] = []
        for edit in 1...5 {
            try save(original + "\nEdited in the preview, take \(edit).\n", to: file)
            #expect(server.waitFor("Rebuilt 2 pages in ", count: edit), "\(server.output)\n\(server.errors)")
            #expect(events.read(until: "event: build\ndata: \(2 + edit)\n\n"), "a reload after edit \(edit): \(events.text)")
            let page = try http.request("/teams/platform/")
            #expect(page.text.contains("Edited in the preview, take \(edit)."))
            let quarter = try http.request("/teams/platform/2026-Q3/")
            #expect(quarter.text.contains("Edited in the preview, take \(edit)."))
            let line = server.output.split(separator: "\n").filter { $0.hasPrefix("Rebuilt 2 pages in ") }.last
            if let milliseconds = line.flatMap({ Double($0.dropFirst("Rebuilt 2 pages in ".count).dropLast(" ms".count)) }) {
                times.append(milliseconds)
            }
        }
        #expect(!server.output.contains("Built 138 pages", count: 2), "no whole rebuild for a narrative edit")
        #expect(times.count == 5)
        let median = times.sorted()[times.count / 2]
        print("discern serve: one narrative edit on the sample content rebuilt 2 pages in \(times.map { "\($0)" }.joined(separator: ", ")) ms; median \(median) ms")
    }

    @Test("an edit with errors keeps the last good site and shows them over every page until fixed")
    func errors() throws {
        let content = try sampleContent()
        let server = try Server(content: content)
        defer { server.stop() }
        let http = RawHTTP(port: try server.port())
        let site = try server.site()
        let file = content.appendingPathComponent(narrative)
        let original = try String(contentsOf: file, encoding: .utf8)
        try save(original + "\nA last good line.\n", to: file)
        #expect(server.waitFor("Rebuilt 2 pages in "))
        let good = try String(contentsOf: site.appendingPathComponent("teams/platform/index.html"), encoding: .utf8)

        let events = try http.open("GET /_discern/events HTTP/1.1\r\nHost: \(http.host)\r\n\r\n")
        #expect(events.read(until: "data: 3\n\n"))
        try save(original + "\nBroken {{ value no_such_metric }} and {{ value <b>bold</b> }}\n", to: file)
        #expect(server.waitFor("discern: not rebuilt", onStandardError: true), "\(server.errors)")
        #expect(events.read(until: "event: build\ndata: 4\n\n"), "pages reload to show the errors")
        let line = original.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        let expected = "narratives/teams/platform/2026-Q3.md:\(line):8: error: unknown metric &#39;no_such_metric&#39;"
        for path in ["/teams/platform/", "/", "/methodology/", "/no/such/page"] {
            let page = try http.request(path)
            #expect(page.text.contains("<div id=\"discern-errors\" role=\"alert\""), "\(path)")
            #expect(page.text.contains(expected), "\(path): \(page.text.suffix(2000))")
            #expect(!page.text.contains("<b>bold</b>"), "the user's text is escaped")
        }
        let page = try http.request("/teams/platform/")
        #expect(page.status == 200)
        #expect(page.text.contains("A last good line."), "the last good site is served")
        #expect(!page.text.contains("Broken"))
        #expect(try String(contentsOf: site.appendingPathComponent("teams/platform/index.html"), encoding: .utf8) == good,
                "the file is as it was, with no overlay")

        try save(original + "\nFixed now.\n", to: file)
        #expect(server.waitFor("Rebuilt 2 pages in ", count: 2), "\(server.output)\n\(server.errors)")
        #expect(events.read(until: "event: build\ndata: 5\n\n"))
        let fixed = try http.request("/teams/platform/")
        #expect(fixed.text.contains("Fixed now."))
        #expect(!fixed.text.contains("discern-errors"), "the overlay is gone")
        #expect(!(try http.request("/")).text.contains("discern-errors"))
    }

    @Test("content that does not build at first is served as a page with its errors, until it builds")
    func brokenFromTheStart() throws {
        let content = try sampleContent()
        let file = content.appendingPathComponent("narratives/org/2026-Q3.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        try save(original + "Bad {{ value nope_metric }}\n", to: file)
        let server = try Server(content: content)
        defer { server.stop() }
        let http = RawHTTP(port: try server.port())
        let waiting = try http.request("/")
        #expect(waiting.status == 503)
        #expect(waiting.text.contains("The site has not been built yet"))
        let line = original.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(waiting.text.contains("narratives/org/2026-Q3.md:\(line):5: error: unknown metric &#39;nope_metric&#39;"),
                "\(waiting.text)")
        #expect(waiting.text.contains("<script data-discern-preview>"), "it reloads when the site builds")

        try save(original, to: file)
        #expect(server.waitFor("Built 138 pages"), "\(server.output)\n\(server.errors)")
        // The terminal's "Built" line can reach the test a moment before the server hears
        // of the build (notes after it fill the pipe's buffer and flush it early); pages
        // reload on the server's own event, so only a reader of the terminal sees the gap.
        var built = try http.request("/")
        for _ in 0..<50 where built.text.contains("discern-errors") {
            usleep(100_000)
            built = try http.request("/")
        }
        #expect(built.status == 200)
        #expect(!built.text.contains("discern-errors"))
    }

    @Test("traversal, overlong paths, other methods and links out of the site are refused")
    func refusals() throws {
        let server = try Server(content: try sampleContent())
        defer { server.stop() }
        let http = RawHTTP(port: try server.port())
        let site = try server.site()
        // What a traversal from the site folder would reach first: the folder above it.
        let secret = "discern-secret-\(UUID().uuidString)"
        let outside = site.deletingLastPathComponent().appendingPathComponent("secret.txt")
        try Data(secret.utf8).write(to: outside)
        let secretFolder = FileManager.default.temporaryDirectory.appendingPathComponent("discern-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: secretFolder, withIntermediateDirectories: true)
        try Data(secret.utf8).write(to: secretFolder.appendingPathComponent("index.html"))
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("leak.txt"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("leak"), withDestinationURL: secretFolder)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("passwd.html"),
                                                   withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))

        func refused(_ response: RawHTTP.Response, _ what: String) {
            #expect((400..<500).contains(response.status), "\(what): \(response.status)")
            #expect(!response.text.contains(secret), "\(what) leaked the secret")
            #expect(!response.text.contains("root:x:0:0"), "\(what) leaked /etc/passwd")
        }
        for path in ["/../secret.txt", "/../../etc/passwd", "/../../../../../../etc/passwd", "/teams/../../secret.txt",
                     "/%2e%2e/secret.txt", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd", "/.%2e/secret.txt",
                     "/org/..%2f..%2f..%2fetc/passwd", "/org/..%2F..%2Fsecret.txt", "/..%5c..%5cetc%5cpasswd",
                     "/%2e%2e%2fsecret.txt", "/..;/secret.txt/..", "/teams/%00/../../secret.txt", "/a%zz/../secret.txt",
                     "http://127.0.0.1/../secret.txt"] {
            let response = try http.request(path)
            refused(response, path)
            #expect(response.status == 400, "\(path)")
        }
        for path in ["/leak.txt", "/leak/", "/leak/index.html", "/passwd.html"] {
            let response = try http.request(path)
            refused(response, path)
            #expect(response.status == 403, "a link out of the site: \(path)")
        }
        #expect(try http.request("/leak").status != 200)

        let long = try http.request("/" + String(repeating: "a", count: 3000))
        #expect(long.status == 414)
        let longQuery = try http.request("/?" + String(repeating: "q", count: 3000))
        #expect(longQuery.status == 414)

        for method in ["POST", "DELETE", "PUT", "OPTIONS"] {
            let response = try http.send("\(method) / HTTP/1.1\r\nHost: \(http.host)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            #expect(response.status == 405, "\(method)")
            #expect(response.headers["allow"] == "GET, HEAD", "\(method)")
        }
        // Still serving after all that.
        #expect(try http.request("/").status == 200)
    }

    @Test("only the Host of the address it listens on is answered: others get 421, a missing one 400, events too")
    func hostHeader() throws {
        let server = try Server(content: try CommandLineTests().folder(CommandLineTests().valid))
        defer { server.stop() }
        let port = try server.port()
        let http = RawHTTP(port: port)
        func get(_ path: String, host: String?) throws -> RawHTTP.Response {
            try http.send("GET \(path) HTTP/1.1\r\n\(host.map { "Host: \($0)\r\n" } ?? "")Connection: close\r\n\r\n")
        }
        // A DNS-rebinding page names its own host; a browser sends the port when it is not 80.
        for host in ["evil.test:\(port)", "evil.test", "127.0.0.1.evil.test:\(port)", "localhost.evil.test:\(port)",
                     "127.0.0.1:\(port + 1)", "[::1]:\(port)", "0.0.0.0:\(port)", "127.0.0.1"] {
            for path in ["/", "/index.html", "/_discern/events", "/missing/"] {
                let response = try get(path, host: host)
                #expect(response.status == 421, "\(host) \(path): \(response.status)")
                #expect(!response.text.contains("<html"), "\(host) \(path): no page is shown")
            }
        }
        for host in [nil, "127.0.0.1:\(port):1", "user@127.0.0.1:\(port)", "127.0.0.1:x", "127.0.0.1:\(port)/", "a b"] {
            let response = try get("/", host: host)
            #expect(response.status == 400, "\(host ?? "no Host"): \(response.status)")
        }
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)"] {
            #expect(try get("/", host: host).status == 200, "\(host)")
        }
        let events = try http.open("GET /_discern/events HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n")
        #expect(events.read(until: "text/event-stream"))
    }

    @Test("a theme edit rebuilds the whole site, and Ctrl-C stops the server and removes its folder")
    func themeAndStop() throws {
        let theme = FileManager.default.temporaryDirectory.appendingPathComponent("discern-theme-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CommandLineTests.packageRoot.appendingPathComponent("Themes/default"), to: theme)
        let server = try Server(content: try sampleContent(), arguments: ["--theme", theme.path])
        defer { server.stop() }
        let http = RawHTTP(port: try server.port())
        let site = try server.site()
        let stylesheet = theme.appendingPathComponent("style.css")
        try save(try String(contentsOf: stylesheet, encoding: .utf8) + "\n/* edited while serving */\n", to: stylesheet)
        #expect(server.waitFor("Built 138 pages", count: 2), "\(server.output)\n\(server.errors)")
        #expect(try http.request("/assets/style.css").text.hasSuffix("/* edited while serving */\n"))

        server.process.interrupt()
        server.process.waitUntilExit()
        #expect(server.process.terminationReason == .uncaughtSignal, "Ctrl-C stops it")
        #expect(!FileManager.default.fileExists(atPath: site.deletingLastPathComponent().path), "the private folder is removed")
    }

    @Test("a port already in use is a usage error, said at once")
    func portInUse() throws {
        let first = try Server(content: try sampleContent())
        defer { first.stop() }
        let port = try first.port()
        let second = try CommandLineTests().discern(["serve", "--content", "content", "--port", String(port)])
        #expect(second.status == 2)
        #expect(second.stderr.contains("discern: cannot listen on 127.0.0.1 port \(port)"), "\(second.stderr)")
        #expect(try CommandLineTests().discern(["serve", "--host", "example.com"]).status == 2)
        #expect(try CommandLineTests().discern(["serve", "--port", "70000"]).status == 2)
    }
}

private extension String {
    func contains(_ phrase: String, count: Int) -> Bool { components(separatedBy: phrase).count - 1 >= count }
}
