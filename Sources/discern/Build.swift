import ArgumentParser
import Foundation
import ReportModel
import Review
import Site

/// `discern build`: check the content, then write the static site atomically.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the static report site from the content folder.",
        discussion: """
            Refuses to build when the content has errors, and then leaves any previous site untouched. \
            The same input gives a byte-identical site. --summary appends a Markdown summary to a file, as GitHub \
            Actions expects of $GITHUB_STEP_SUMMARY, even when the build fails (it then lists the errors). \
            Exits 0 on success, 1 on content errors, 2 on a usage error.
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the site to.", valueName: "dir"))
    var output: String = "site"

    @Option(name: .long, help: ArgumentHelp("A theme: default, board (a slide deck), a folder under Themes/, or a theme folder's path.", valueName: "name|dir"))
    var theme: String?

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("""
                The URL the site is served from, http:// or https:// with a host, or a path from the server's root \
                such as /previews/pr-123/; used only where a relative link will not do.
                """, valueName: "url"))
    var baseURL: String?

    @Flag(help: "Treat warnings, lint findings among them, as errors and refuse to build, as check --strict does.")
    var strict = false

    @Flag(help: "Print the time spent in each stage: load, analyse, markdown, charts, templates, write.")
    var timings = false

    @Flag(help: "After building, watch the content folder and rebuild on every change; an edited narrative rebuilds only its pages.")
    var watch = false

    @Option(name: .customLong("summary"), help: ArgumentHelp("""
        Append a Markdown summary of the build to this file (created if missing): outcomes in the latest quarter, \
        report-check warnings and notes, pages and charts, and suppression counts; on failure, the errors. \
        Appending is what GitHub Actions expects of "$GITHUB_STEP_SUMMARY".
        """, valueName: "file"))
    var summaryFile: String?

    func validate() throws {
        try ThemeLocator.validate(option: theme, content: options.url)
        if let baseURL, BaseURL(baseURL) == nil {
            // Debug quoting shows a control character as an escape, not raw in the terminal.
            throw ValidationError("--base-url must be \(BaseURL.accepted); found \(String(reflecting: baseURL))")
        }
        if let summary = summaryFile {
            if watch { throw ValidationError("--summary describes one build; it cannot be used with --watch") }
            let folder = (summary as NSString).deletingLastPathComponent
            var isDirectory: ObjCBool = false
            guard folder.isEmpty || (FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) else {
                throw ValidationError("no folder '\(folder)' for --summary '\(summary)'")
            }
        }
    }

    func run() throws {
        let site = siteBuild
        let result: SiteBuild.Result
        do {
            result = try site.buildAll()
        } catch {
            // The site could not be written; the summary still says so.
            if let summary = summaryFile {
                let failure = Diagnostic.error("not written: \(error.localizedDescription)", at: SourceLocation(file: site.output.path))
                let pipeline = Pipeline(content: options.url, contentLabel: options.content, theme: theme)
                try writeSummary(StepSummary(report: pipeline.report, diagnostics: [failure],
                                             paths: pipeline.repositoryPath(content: options.url), site: nil), to: summary)
            }
            throw error
        }
        if let summary = summaryFile {
            let written = result.site.map { StepSummary.Site(pages: $0.pages, charts: $0.charts, output: output) }
            try writeSummary(StepSummary(report: result.pipeline.report, diagnostics: result.diagnostics,
                                         paths: result.pipeline.repositoryPath(content: options.url), site: written), to: summary)
        }
        if watch {
            try SiteWatch(site: WatchedSite(build: site, after: result)).run()
        } else if result.built == nil {
            throw ExitCode(1)
        }
    }

    /// Appends the summary to `path`, creating the file if it is missing.
    private func writeSummary(_ summary: StepSummary, to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                FileHandleOutput.standardError("discern: cannot create the summary file '\(path)'")
                throw ExitCode(1)
            }
        }
        guard let file = FileHandle(forWritingAtPath: path) else {
            FileHandleOutput.standardError("discern: cannot write the summary file '\(path)'")
            throw ExitCode(1)
        }
        defer { try? file.close() }
        // A summary must start on a line of its own, even after text that did not end one.
        let last = FileManager.default.contents(atPath: path)?.last
        let separator = last == nil || last == UInt8(ascii: "\n") ? "" : "\n"
        try file.seekToEnd()
        try file.write(contentsOf: Data((separator + summary.markdown).utf8))
    }

    /// The build these options ask for.
    var siteBuild: SiteBuild {
        SiteBuild(content: options.url, contentLabel: options.content,
                  output: URL(fileURLWithPath: output, isDirectory: true), outputLabel: output,
                  theme: theme, baseURL: baseURL.flatMap(BaseURL.init), strict: strict, timings: timings,
                  keptOnFailure: "the previous site in \(output) is untouched")
    }
}
