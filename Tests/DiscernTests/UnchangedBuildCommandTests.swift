import Foundation
import Testing

/// `discern build` leaves a site as it is only when nothing it is made from changed:
/// every content file, the theme, the options that reach the pages, and Discern itself.
/// Each change below must build in full, to what a build into a fresh folder makes.
@Suite("discern build: what counts as a change")
struct UnchangedBuildCommandTests {
    let cli = CommandLineTests()
    static let unchanged = "nothing changed since the last build"

    /// The site's files and their bytes.
    static func site(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try BuildCommandTests.files(in: folder) {
            files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return files
    }

    /// Builds `content` into `output` with `more` options; expects it to build in full
    /// (or be left as it was, with `unchanged`), and the site to be a fresh build's.
    func build(_ content: URL, into output: URL, _ more: [String] = [], environment: [String: String] = [:],
               executable: URL = CommandLineTests.executable, unchanged: Bool, _ comment: Comment) throws {
        let run = try cli.discern(["build", "--content", content.path, "--output", output.path] + more,
                                  environment: environment, executable: executable)
        #expect(run.status == 0, "\(comment): \(run.stderr)")
        #expect(run.stdout.contains(Self.unchanged) == unchanged, "\(comment): \(run.stdout)")
        let fresh = content.deletingLastPathComponent().appendingPathComponent("fresh-\(UUID().uuidString)")
        #expect(try cli.discern(["build", "--content", content.path, "--output", fresh.path] + more,
                                environment: environment, executable: executable).status == 0)
        #expect(try Self.site(output) == (try Self.site(fresh)), "\(comment)")
    }

    @Test("the same build twice leaves the site; each input changed builds it in full")
    func inputs() throws {
        var files = cli.valid
        files["narratives/teams/a/2026-Q1.md"] = "A is at {{ value m }}.\n"
        let content = try cli.folder(files)
        let output = content.deletingLastPathComponent().appendingPathComponent("site-\(UUID().uuidString)")
        let write = { (path: String, text: String) in
            try text.write(to: content.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        try build(content, into: output, unchanged: false, "the first build")
        try build(content, into: output, unchanged: true, "the same again")

        try write("data/v.csv", "period,team,metric,value\n2026-Q1,a,m,2\n2026-Q1,b,m,4\n")
        try build(content, into: output, unchanged: false, "a value changed")
        try build(content, into: output, unchanged: true, "the same again")

        try write("narratives/teams/a/2026-Q1.md", "A stands at {{ value m }}.\n")
        try build(content, into: output, unchanged: false, "a narrative edited")

        try FileManager.default.createDirectory(at: content.appendingPathComponent("theme"), withIntermediateDirectories: true)
        try write("theme/style.css", "body { color: black; }\n")
        try build(content, into: output, unchanged: false, "a theme file overridden")
        try build(content, into: output, unchanged: true, "the same again")

        try build(content, into: output, ["--base-url", "https://reports.example.com/ai/"], unchanged: false, "another base URL")
        try build(content, into: output, ["--base-url", "https://reports.example.com/ai/"], unchanged: true, "the same again")
        try build(content, into: output, unchanged: false, "no base URL")

        try build(content, into: output, environment: ["SOURCE_DATE_EPOCH": "1767225600"], unchanged: false, "a build date")
        try build(content, into: output, ["--theme", "board"], unchanged: false, "another theme")
        try build(content, into: output, ["--theme", "board"], unchanged: true, "the same again")

        // Another Discern: the same program with one byte more, so its bytes differ.
        let other = content.deletingLastPathComponent().appendingPathComponent("discern-\(UUID().uuidString)")
        var program = try Data(contentsOf: CommandLineTests.executable)
        program.append(0)
        try program.write(to: other)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: other.path)
        try build(content, into: output, ["--theme", "board"], executable: other, unchanged: false, "another discern")

        // A file removed is a change; a file nothing reads is not, and the site is still a fresh build's.
        try FileManager.default.removeItem(at: content.appendingPathComponent("theme/style.css"))
        try build(content, into: output, ["--theme", "board"], executable: other, unchanged: false, "an override removed")
        try write("notes.txt", "not content\n")
        try build(content, into: output, ["--theme", "board"], executable: other, unchanged: true, "an unread file added")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("narratives/org"), withIntermediateDirectories: true)
        try write("narratives/org/2026-Q1.md", "The organization.\n")
        try build(content, into: output, ["--theme", "board"], executable: other, unchanged: false, "a narrative added")
    }

    @Test("a site built inside the content folder, as a starter builds it, is left as it is the second time")
    func siteInsideContent() throws {
        let content = try cli.folder(cli.valid)
        let output = content.appendingPathComponent("site")
        try build(content, into: output, unchanged: false, "the first build")
        try build(content, into: output, unchanged: true, "the same again, with the site now in the folder read")
    }

    @Test("with no cache folder to keep records in, every build is in full")
    func noCache() throws {
        let content = try cli.folder(cli.valid)
        let output = content.deletingLastPathComponent().appendingPathComponent("site-\(UUID().uuidString)")
        let environment = ["XDG_CACHE_HOME": "relative/cache", "HOME": "relative/home"]
        try build(content, into: output, environment: environment, unchanged: false, "the first build")
        try build(content, into: output, environment: environment, unchanged: false, "the same again, with nowhere to record it")
    }
}
