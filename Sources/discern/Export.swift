import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Site

/// `discern export`: the report in a form that leaves the browser.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the report for use outside a browser.",
        subcommands: [ExportPDF.self]
    )
}

/// `discern export pdf`: builds the site (or the board deck) into a scratch folder and
/// prints a page of it to PDF with headless Chromium.
struct ExportPDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Print the report to PDF with headless Chromium: the board deck one slide to a page, or one page of the site.",
        discussion: """
            Builds into a scratch folder, so the site in site/ is not touched, then prints --page (default index.html: \
            the deck, or the organization's latest report). The PDF replaces --output only once it is whole. \
            Needs Chromium (Debian: apt-get install chromium). Exits 0 on success, 1 on content errors or when \
            Chromium is missing or fails, 2 on a usage error.
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: ArgumentHelp("A theme: default, board (a slide deck, one slide to a page), a folder under Themes/, or a theme folder's path.",
                                            valueName: "name|dir"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("The PDF file to write.", valueName: "file.pdf"))
    var output: String = "report.pdf"

    @Option(name: .long, help: ArgumentHelp("The built page to print, as a path in the site.", valueName: "path"))
    var page: String = "index.html"

    @Option(name: .long, help: ArgumentHelp("The Chromium to drive; else DISCERN_CHROMIUM, else chromium on PATH.",
                                            valueName: "path"))
    var chromium: String?

    func validate() throws {
        try ThemeLocator.validate(option: theme, content: options.url)
        guard !page.hasPrefix("/"), !page.split(separator: "/").contains("..") else {
            throw ValidationError("--page must be a path inside the site, such as teams/platform/index.html")
        }
    }

    func run() throws {
        guard let printer = ChromiumPrinter.locate(chromium) else {
            FileHandleOutput.standardError(ChromiumPrinter.missing)
            throw ExitCode(1)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("discern-export-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let site = scratch.appendingPathComponent("site")
        var arguments = ["--content", options.content, "--output", site.path]
        if let theme { arguments += ["--theme", theme] }
        var build = try Build.parse(arguments).siteBuild
        build.keptOnFailure = "no PDF was written"
        build.announces = false
        guard try build.buildAll().built != nil else { throw ExitCode(1) }

        let target = site.appendingPathComponent(page)
        guard FileManager.default.fileExists(atPath: target.path) else {
            FileHandleOutput.standardError("discern: the built site has no page \(page)")
            throw ExitCode(1)
        }
        let printed = scratch.appendingPathComponent("report.pdf")
        do {
            try printer.print(target, to: printed, scratch: scratch)
        } catch {
            FileHandleOutput.standardError("discern: could not print \(page) to PDF: \(error)")
            throw ExitCode(1)
        }
        // Moved into place only once whole, so a failed export leaves any earlier PDF.
        let destination = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staged = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).\(getpid())")
        try FileManager.default.copyItem(at: printed, to: staged)
        guard rename(staged.path, destination.path) == 0 else {
            try? FileManager.default.removeItem(at: staged)
            FileHandleOutput.standardError("discern: could not write \(output): \(String(cString: strerror(errno)))")
            throw ExitCode(1)
        }
        let pages = ChromiumPrinter.pageCount(of: [UInt8]((try? Data(contentsOf: destination)) ?? Data()))
        print("Wrote \(output): \(pages) page\(pages == 1 ? "" : "s") printed from \(page).")
    }
}
