import Foundation
import Testing
import TestSupport

@Suite("discern build on the command line")
struct BuildCommandTests {
    let cli = CommandLineTests()

    @Test("the sample content builds, every link resolves, and a rebuild is byte-identical")
    func sample() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("discern-sample-\(UUID().uuidString)")
        let run = try cli.discern(["build", "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("Built 138 pages"))
        let files = try Self.files(in: output)
        #expect(files.contains("index.html") && files.contains("teams/checkout-web/2026-Q3/index.html"))
        #expect(!files.contains { $0.contains("devex") }, "the team below the minimum has no page")
        var broken: [String] = []
        for path in files where path.hasSuffix(".html") {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(!html.contains("Developer Experience"), "\(path) names the suppressed team")
            for target in Self.links(in: html) where !target.hasPrefix("http") && !target.hasPrefix("#") {
                let url = output.appendingPathComponent(path).deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL
                if !FileManager.default.fileExists(atPath: url.path) { broken.append("\(path) → \(target)") }
            }
        }
        #expect(broken.isEmpty, "\(broken.prefix(5))")

        // Every SVG parses as XML: the standalone files and each one inline in a page.
        var svgs: [(String, String)] = try files.filter { $0.hasSuffix(".svg") }.map {
            ($0, try String(contentsOf: output.appendingPathComponent($0), encoding: .utf8))
        }
        #expect(svgs.count > 100)
        for path in files where path.hasSuffix(".html") {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            var rest = html[...]
            while let start = rest.range(of: "<svg "), let end = rest[start.lowerBound...].range(of: "</svg>") {
                svgs.append((path, String(rest[start.lowerBound..<end.upperBound])))
                rest = rest[end.upperBound...]
            }
        }
        #expect(svgs.count > 2000)
        let malformed = svgs.filter { !XMLCheck.isWellFormed($0.1) }.map(\.0)
        #expect(malformed.isEmpty, "\(malformed.prefix(5))")

        let again = output.appendingPathExtension("again")
        #expect(try cli.discern(["build", "--output", again.path]).status == 0)
        for path in files {
            #expect(FileManager.default.contents(atPath: output.appendingPathComponent(path).path)
                    == FileManager.default.contents(atPath: again.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test("content errors exit 1 and leave the previous site untouched")
    func failedBuild() throws {
        var files = cli.valid
        let content = try cli.folder(files)
        let output = content.appendingPathComponent("../site-\(UUID().uuidString)").standardizedFileURL
        #expect(try cli.discern(["build", "--content", content.path, "--output", output.path]).status == 0)
        let before = try Self.files(in: output).map { FileManager.default.contents(atPath: output.appendingPathComponent($0).path) }

        files["narratives/org/2026-Q1.md"] = "Cycle time: {{ value mm }}\n"
        let broken = try cli.folder(files)
        let run = try cli.discern(["build", "--content", broken.path, "--output", output.path])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("narratives/org/2026-Q1.md:1:13: error: unknown metric 'mm'; did you mean 'm'?\n"))
        #expect(run.stderr.contains("not built"))
        let after = try Self.files(in: output).map { FileManager.default.contents(atPath: output.appendingPathComponent($0).path) }
        #expect(before == after)
    }

    @Test("an unknown --theme is a usage error; a theme path works")
    func themes() throws {
        let content = try cli.folder(cli.valid)
        let output = content.appendingPathComponent("out").path
        let missing = try cli.discern(["build", "--content", content.path, "--output", output, "--theme", "nope"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--theme 'nope' names no theme"))
        let path = CommandLineTests.packageRoot.appendingPathComponent("Themes/default").path
        #expect(try cli.discern(["build", "--content", content.path, "--output", output, "--theme", path]).status == 0)
    }

    @Test("--base-url takes an http(s) URL with a host or a path from the root; anything else is a usage error")
    func baseURL() throws {
        let content = try cli.folder(cli.valid)
        for bad in ["javascript:alert(1)", "JavaScript:alert(document.domain)//", "data:text/html,<script>alert(1)</script>",
                    "vbscript:msgbox", "file:///etc/", "ftp://example.test/", "https://", "http:///path/", "//evil.test/",
                    "previews/pr-1/", "https://example.test/a b/", "https://example.test/\"><script>", "https://example.test/?q=1",
                    "https://example.test/#top", "https://example.test/\u{7}/", " https://example.test/", ""] {
            let output = content.appendingPathComponent("out-\(UUID().uuidString)")
            let run = try cli.discern(["build", "--content", content.path, "--output", output.path, "--base-url", bad])
            #expect(run.status == 2, "\(bad): \(run.stderr)")
            #expect(run.stderr.contains("--base-url must be an http:// or https:// URL with a host"), "\(bad): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output.path), "\(bad): nothing is built")
        }
        for good in ["https://example.test/previews/pr-123/", "http://localhost:8000", "HTTPS://Example.test", "/previews/pr-123/"] {
            let output = content.appendingPathComponent("out-\(UUID().uuidString)")
            let run = try cli.discern(["build", "--content", content.path, "--output", output.path, "--base-url", good])
            #expect(run.status == 0, "\(good): \(run.stderr)")
            let page = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
            let base = good.hasSuffix("/") ? good : good + "/"
            #expect(page.contains("<link rel=\"canonical\" href=\"\(base)\">"), "\(good)")
        }
    }

    static func files(in folder: URL) throws -> [String] {
        let base = folder.standardizedFileURL.path + "/"
        return (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { var d: ObjCBool = false; FileManager.default.fileExists(atPath: base + $0, isDirectory: &d); return !d.boolValue }
            .sorted()
    }

    static func links(in html: String) -> [String] {
        LinkTargets.targets(in: html)
    }
}


@Suite("Fuzz corpus as regression tests")
struct FuzzCorpusTests {
    /// The seed corpus, and any crashing input a fuzzer found, replayed through the same
    /// harness as `Scripts/fuzz` uses.
    @Test("every kept input replays without a crash", arguments: ["csv", "json", "yaml", "markdown"])
    func replay(_ surface: String) throws {
        let folder = CommandLineTests.packageRoot.appendingPathComponent("Tests/FuzzCorpus/\(surface)").path
        let fuzz = CommandLineTests.executable.deletingLastPathComponent().appendingPathComponent("discern-fuzz")
        let process = Process()
        process.executableURL = fuzz
        process.arguments = [surface, folder]
        process.currentDirectoryURL = CommandLineTests.packageRoot
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.hasPrefix("replayed ") && !text.hasPrefix("replayed 0 "), "\(text)")
    }
}
