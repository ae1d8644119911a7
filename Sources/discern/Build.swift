import Analysis
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
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

    @Option(name: .long, help: ArgumentHelp("A theme name under Themes/, or a theme folder.", valueName: "name|dir"))
    var theme: String?

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("The URL the site is served from; used only where a relative link will not do.", valueName: "url"))
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
        let result: Outcome
        do {
            result = try buildSite()
        } catch {
            // The site could not be written; the summary still says so.
            if let summary = summaryFile {
                let failure = Diagnostic.error("not written: \(error.localizedDescription)", at: SourceLocation(file: destination.path))
                let pipeline = Pipeline(content: options.url, contentLabel: options.content, theme: theme)
                try writeSummary(StepSummary(report: pipeline.report, diagnostics: [failure], paths: pipeline.repositoryPath(content: options.url), site: nil),
                                 to: summary)
            }
            throw error
        }
        if let summary = summaryFile {
            let site = result.site.map { StepSummary.Site(pages: $0.pages, charts: $0.charts, output: output) }
            try writeSummary(StepSummary(report: result.pipeline.report, diagnostics: result.diagnostics,
                                         paths: result.pipeline.repositoryPath(content: options.url), site: site), to: summary)
        }
        if watch {
            try SiteWatch(build: self, built: result.built).run()
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

    /// What a successful build leaves for a watched build to start from.
    struct Built {
        var pipeline: Pipeline
        var theme: Theme
    }

    /// What one build did: what it leaves for a watched build (nil when it failed), and
    /// what the summary reports.
    struct Outcome {
        var built: Built?
        var pipeline: Pipeline
        /// Everything found, notes included, as `--strict` reports it.
        var diagnostics: [Diagnostic]
        /// What was written; nil when the build failed.
        var site: SiteBuilder.Summary?
    }

    var destination: URL { URL(fileURLWithPath: output, isDirectory: true) }

    /// Builds the whole site; `built` is nil, with the errors printed, when it could not be built.
    func buildSite() throws -> Outcome {
        let start = Date()
        let pipeline = Pipeline(content: options.url, contentLabel: options.content, theme: theme)
        let loaded = Date()
        var diagnostics = Pipeline.applying(strict: strict, to: pipeline.diagnostics)
        guard let theme = pipeline.theme, !diagnostics.hasErrors else {
            Self.print(diagnostics)
            FileHandleOutput.standardError("discern: not built; fix the errors above (the previous site in \(output) is untouched)")
            return Outcome(pipeline: pipeline, diagnostics: diagnostics)
        }
        let stages = timings ? StageTimings() : nil
        let builder = SiteBuilder(report: pipeline.report, theme: theme, options: buildOptions(timings: stages))
        // Progress only for people watching a terminal, and only when there is time to watch.
        let watching = isatty(STDERR_FILENO) == 1 && builder.pages.count > 500
        let (summary, problems) = try builder.build(into: destination, content: options.url, progress: { done, total in
            if watching { FileHandle.standardError.write(Data("\rRendering pages: \(done) of \(total)".utf8)) }
        })
        if watching { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        diagnostics += problems
        Self.print(diagnostics)
        guard let summary else {
            FileHandleOutput.standardError("discern: not built; fix the errors above (the previous site in \(output) is untouched)")
            return Outcome(pipeline: pipeline, diagnostics: diagnostics)
        }
        let seconds = Date().timeIntervalSince(start)
        let elapsed = String(Int(seconds * 1000)) + " ms"
        Swift.print("Built \(summary.pages) pages (\(summary.charts) charts) into \(output)/ in \(elapsed). Open \(output)/index.html in a browser.")
        Self.printNotes(diagnostics)
        if let stages {
            // Rendering stages add up time on every core, so they can exceed the wall time.
            var lines = ["load and analyse: \(Self.milliseconds(loaded.timeIntervalSince(start)))",
                         "render and write (wall): \(Self.milliseconds(Date().timeIntervalSince(loaded)))"]
            lines += stages.seconds.map { "  \($0.stage.rawValue) (all cores): \(Self.milliseconds($0.seconds))" }
            FileHandleOutput.standardError("timings:\n" + lines.joined(separator: "\n"))
        }
        return Outcome(built: Built(pipeline: pipeline, theme: theme), pipeline: pipeline, diagnostics: diagnostics, site: summary)
    }

    func buildOptions(timings: StageTimings? = nil) -> BuildOptions {
        BuildOptions(baseURL: baseURL, generated: Self.sourceDate(), timings: timings)
    }

    static func milliseconds(_ seconds: Double) -> String { String(Int((seconds * 1000).rounded())) + " ms" }

    /// Errors and warnings, before the build's summary line.
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.sorted() where diagnostic.severity != .note {
            FileHandleOutput.standardError(diagnostic.description)
        }
    }

    /// Notes, after it: prompts for the narratives, part of the summary of what was built.
    static func printNotes(_ diagnostics: [Diagnostic]) {
        let notes = diagnostics.filter { $0.severity == .note }.sorted()
        guard !notes.isEmpty else { return }
        Swift.print("\(notes.count) note\(notes.count == 1 ? "" : "s") for the narratives to address:")
        for note in notes { Swift.print("  " + note.description) }
    }

    /// `SOURCE_DATE_EPOCH` as a date, for reproducible builds that still show one.
    static func sourceDate() -> String? {
        guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(text) else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}
