import Analysis
import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ReportModel
import Site

/// `discern build`: check the content, then write the static site atomically.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the static report site from the content folder.",
        discussion: """
            Refuses to build when the content has errors, and then leaves any previous site untouched. \
            The same input gives a byte-identical site. Exits 0 on success, 1 on content errors, 2 on a usage error.
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

    func run() throws {
        let built = try buildSite()
        if watch {
            try SiteWatch(build: self, built: built).run()
        } else if built == nil {
            throw ExitCode(1)
        }
    }

    /// What a successful build leaves for a watched build to start from.
    struct Built {
        var pipeline: Pipeline
        var theme: Theme
    }

    var destination: URL { URL(fileURLWithPath: output, isDirectory: true) }

    /// Builds the whole site; nil, with the errors printed, when it could not be built.
    /// - Parameter announcing: whether to print the summary line and the notes; an
    ///   export builds into a scratch folder nobody opens, and says what it wrote instead.
    func buildSite(announcing: Bool = true) throws -> Built? {
        let start = Date()
        let pipeline = Pipeline(content: options.url, contentLabel: options.content, theme: theme)
        let loaded = Date()
        var diagnostics = Pipeline.applying(strict: strict, to: pipeline.diagnostics)
        guard let theme = pipeline.theme, !diagnostics.hasErrors else {
            Self.print(diagnostics)
            FileHandleOutput.standardError("discern: not built; fix the errors above (the previous site in \(output) is untouched)")
            return nil
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
            return nil
        }
        let seconds = Date().timeIntervalSince(start)
        let elapsed = String(Int(seconds * 1000)) + " ms"
        guard announcing else { return Built(pipeline: pipeline, theme: theme) }
        if theme.layout == .deck {
            Swift.print("Built a deck of \(summary.slides) slides (\(summary.charts) charts) into \(output)/ in \(elapsed). "
                        + "Open \(output)/index.html in a browser, or make a PDF with discern export pdf.")
        } else {
            Swift.print("Built \(summary.pages) pages (\(summary.charts) charts) into \(output)/ in \(elapsed). Open \(output)/index.html in a browser.")
        }
        Self.printNotes(diagnostics)
        if let stages {
            // Rendering stages add up time on every core, so they can exceed the wall time.
            var lines = ["load and analyse: \(Self.milliseconds(loaded.timeIntervalSince(start)))",
                         "render and write (wall): \(Self.milliseconds(Date().timeIntervalSince(loaded)))"]
            lines += stages.seconds.map { "  \($0.stage.rawValue) (all cores): \(Self.milliseconds($0.seconds))" }
            FileHandleOutput.standardError("timings:\n" + lines.joined(separator: "\n"))
        }
        return Built(pipeline: pipeline, theme: theme)
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
