import Foundation
import Testing

/// `discern export pdf`, run as a user would, with the Chromium this machine has.
@Suite("discern export pdf")
struct ExportCommandTests {
    let cli = CommandLineTests()

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("discern-export-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Pages as poppler's pdfinfo counts them, a reader independent of Discern's count.
    func pdfinfoPages(_ pdf: URL) throws -> Int? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
        process.arguments = [pdf.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let line = text.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    @Test("without Chromium it says so in one line, names the Debian package, and writes nothing")
    func missingChromium() throws {
        let folder = try temporaryFolder()
        let pdf = folder.appendingPathComponent("report.pdf")
        let run = try cli.discern(["export", "pdf", "--output", pdf.path], environment: ["PATH": folder.path, "HOME": folder.path])
        #expect(run.status == 1)
        #expect(run.stderr == "discern: export pdf needs Chromium, which is not installed; on Debian: apt-get install chromium (or pass --chromium PATH)\n")
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }

    @Test("the board deck prints one page per slide, each 13.333 × 7.5 in", .enabled(if: chromium != nil, "needs Chromium"))
    func deckPrintsOnePagePerSlide() throws {
        let folder = try temporaryFolder()
        let pdf = folder.appendingPathComponent("deck/report.pdf")
        let run = try cli.discern(["export", "pdf", "--theme", "board", "--output", pdf.path, "--chromium", Self.chromium!])
        #expect(run.status == 0, "\(run.stderr)")
        // The deck as built, for its slide count.
        let deck = folder.appendingPathComponent("built")
        let built = try cli.discern(["build", "--theme", "board", "--output", deck.path])
        #expect(built.status == 0)
        let html = try String(contentsOf: deck.appendingPathComponent("index.html"), encoding: .utf8)
        let slides = html.components(separatedBy: "<section class=\"slide ").count - 1
        #expect(slides >= 10)
        #expect(built.stdout.hasPrefix("Built a deck of \(slides) slides"))
        #expect(run.stdout == "Wrote \(pdf.path): \(slides) pages printed from index.html.\n")
        let bytes = try Data(contentsOf: pdf)
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        if let pages = try pdfinfoPages(pdf) { #expect(pages == slides) }
        // 13.333 × 7.5 in is 960 × 540 points.
        #expect(String(decoding: bytes, as: UTF8.self).contains("/MediaBox [0 0 960 540]"))
    }

    @Test("content errors print as diagnostics and leave an earlier PDF as it was", .enabled(if: chromium != nil, "needs Chromium"))
    func errorsLeaveTheOldPDF() throws {
        var files = cli.valid
        files["data/v.csv"] = "period,team,metric,value\n2026-Q1,a,m,x\n"
        let content = try cli.folder(files)
        let pdf = content.appendingPathComponent("report.pdf")
        try Data("earlier".utf8).write(to: pdf)
        let run = try cli.discern(["export", "pdf", "--content", content.path, "--output", pdf.path, "--chromium", Self.chromium!])
        #expect(run.status == 1)
        #expect(run.stderr.contains("data/v.csv:2:13: error:"))
        #expect(try Data(contentsOf: pdf) == Data("earlier".utf8))
    }

    @Test("a page outside the site is a usage error")
    func pageOutsideTheSite() throws {
        let run = try cli.discern(["export", "pdf", "--page", "../../etc/passwd"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--page must be a path inside the site"))
    }
}
