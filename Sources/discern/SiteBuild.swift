import Analysis
import ContentLoading
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ReportModel
import Site

/// A whole build of the site as a command asks for it: which content, which theme,
/// where the site goes. `build` makes one from its options, `serve` one into a private
/// folder; both print what happened the same way.
struct SiteBuild {
    var content: URL
    /// The content folder as the user named it, for messages.
    var contentLabel: String
    var output: URL
    /// The output folder as the user named it, for messages.
    var outputLabel: String
    var theme: String?
    var baseURL: BaseURL?
    var strict = false
    var timings = false
    /// What a failed build leaves as it was, to end the failure message with.
    var keptOnFailure: String
    /// Whether the summary line tells the user to open `index.html` from disk.
    var opensFromDisk = true
    /// Whether a build from the last build's inputs may leave its site as it is, keeping
    /// a record per output folder in the cache: not for `serve`, whose folder is new and
    /// private to each run.
    var leavesUnchangedSites = true
    /// Whether to print the summary line and the notes; an export builds into a scratch
    /// folder nobody opens, and says what it wrote instead.
    var announces = true

    /// What a successful build leaves for a watched build to start from.
    struct Built {
        var pipeline: Pipeline
        var theme: Theme
    }

    /// What a whole build did.
    struct Result {
        /// What a watched build starts from; nil when the site could not be built.
        var built: Built?
        /// Every diagnostic, printed already.
        var diagnostics: [Diagnostic]
        /// The theme folder the build read, even when it failed: the fix may belong there.
        var themeFolder: URL?
        /// What was read, for the step summary, even when the build failed.
        var pipeline: Pipeline
        /// What was written; nil when the build failed.
        var site: SiteBuilder.Summary?
    }

    /// Builds the whole site, printing the diagnostics and the summary line. When it
    /// could not be built, the previous site is as it was.
    /// - Parameters:
    ///   - auditMemo: the privacy audit's outcomes from an earlier build (a watched
    ///     one's), so that only what changed since is audited again.
    ///   - removingInBackground: return once the new site is in place, and remove the
    ///     replaced one on a thread of its own (`result.site?.replaced`), as a command
    ///     that keeps running does.
    func buildAll(reusing auditMemo: AuditMemo = AuditMemo(), removingInBackground: Bool = false) throws -> Result {
        let start = Date()
        // Discern's own part of the build's inputs, read while the content loads.
        DispatchQueue.global().async { _ = DiscernVersion.binaryDigest }
        let pipeline = Pipeline(content: content, contentLabel: contentLabel, theme: theme, auditMemo: auditMemo)
        let loaded = Date()
        var diagnostics = Pipeline.applying(strict: strict, to: pipeline.diagnostics)
        guard let theme = pipeline.theme, !diagnostics.hasErrors else {
            Self.print(diagnostics, organization: pipeline.report.organization)
            FileHandleOutput.standardError("discern: not built; fix the errors above (\(keptOnFailure))")
            return Result(diagnostics: diagnostics, themeFolder: pipeline.themeFolder, pipeline: pipeline)
        }
        let stages = timings ? StageTimings() : nil
        let builder = SiteBuilder(report: pipeline.report, theme: theme,
                                  options: options(timings: stages, inputs: leavesUnchangedSites ? inputs(pipeline.contentDigest, theme) : nil))
        // Progress only for people watching a terminal, and only when there is time to watch.
        let watching = isatty(STDERR_FILENO) == 1 && builder.pages.count > 500
        var problems = DiagnosticLog()
        let summary = try builder.build(into: output, content: content, progress: { done, total in
            if watching { FileHandle.standardError.write(Data("\rRendering pages: \(done) of \(total)".utf8)) }
        }, removingInBackground: removingInBackground, diagnostics: &problems)
        if watching { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        diagnostics += problems.all
        Self.print(diagnostics, organization: pipeline.report.organization)
        guard let summary else {
            FileHandleOutput.standardError("discern: not built; fix the errors above (\(keptOnFailure))")
            return Result(diagnostics: diagnostics, themeFolder: pipeline.themeFolder, pipeline: pipeline)
        }
        let built = Built(pipeline: pipeline, theme: theme)
        guard announces else { return Result(built: built, diagnostics: diagnostics, themeFolder: pipeline.themeFolder, pipeline: pipeline, site: summary) }
        let elapsed = Self.milliseconds(Date().timeIntervalSince(start), rounded: false)
        let open = opensFromDisk ? " Open \(outputLabel)/index.html in a browser." : ""
        // A build from the last build's inputs, into its site found intact, says so.
        let kept = summary.unchanged ? ": nothing changed since the last build, whose site was found intact and left as it was" : ""
        if theme.layout == .deck {
            let print = opensFromDisk ? " Open \(outputLabel)/index.html in a browser, or make a PDF with discern export pdf." : ""
            Swift.print("Built a deck of \(summary.slides) slides (\(summary.charts) charts) into \(outputLabel)/ in \(elapsed)\(kept).\(print)")
        } else {
            Swift.print("Built \(summary.pages) pages (\(summary.charts) charts) into \(outputLabel)/ in \(elapsed)\(kept).\(open)")
        }
        Self.printNotes(diagnostics, organization: pipeline.report.organization)
        if let stages {
            // Rendering stages add up time on every core, so they can exceed the wall time.
            var lines = ["load and analyse: \(Self.milliseconds(loaded.timeIntervalSince(start)))",
                         "  privacy audit (wall): \(Self.milliseconds(pipeline.report.auditSeconds))",
                         "  count audit (wall): \(Self.milliseconds(pipeline.report.countAuditSeconds))",
                         // No "ms" at the end: the benchmark reads every such line as a stage.
                         "  privacy audit chains: \(pipeline.report.auditedChainCount) audited, "
                             + "\(pipeline.report.reusedChainCount) reused from the last build",
                         "render and write (wall): \(Self.milliseconds(Date().timeIntervalSince(loaded)))",
                         // No "ms": a count, not a stage.
                         summary.unchanged ? "  nothing changed since the last build: its \(summary.files) files read back and left in place"
                             : "  files linked from the previous build: \(summary.linked)"]
            if let replaced = summary.replaced {
                lines.append(removingInBackground ? "  the replaced site: being removed in the background"
                    : "  remove the replaced site (wall): \(Self.milliseconds(replaced.waitUntilRemoved()))")
            }
            lines += stages.seconds.map { "  \($0.stage.rawValue) (all cores): \(Self.milliseconds($0.seconds))" }
            FileHandleOutput.standardError("timings:\n" + lines.joined(separator: "\n"))
        }
        return Result(built: built, diagnostics: diagnostics, themeFolder: pipeline.themeFolder, pipeline: pipeline, site: summary)
    }

    func options(timings: StageTimings? = nil, inputs: BuildInputs? = nil) -> BuildOptions {
        BuildOptions(baseURL: baseURL, generated: Self.sourceDate(), timings: timings, inputs: inputs)
    }

    /// All a site is made from, in one hash: Discern (its version and its executable's
    /// bytes, so a rebuilt Discern never trusts a site an older one built), the content
    /// read, the theme's files and the options that reach the pages. Nil, and so no build
    /// left as it was, without a cache folder for the records
    /// (`$XDG_CACHE_HOME/discern/sites`, else `~/.cache/discern/sites`).
    func inputs(_ contentDigest: String, _ theme: Theme) -> BuildInputs? {
        let environment = ProcessInfo.processInfo.environment
        guard let cache = environment["XDG_CACHE_HOME"].flatMap({ $0.hasPrefix("/") ? $0 : nil })
                ?? environment["HOME"].flatMap({ $0.hasPrefix("/") ? $0 + "/.cache" : nil }) else { return nil }
        let text = ["discern " + DiscernVersion.current + " " + DiscernVersion.binaryDigest,
                    "content " + contentDigest,
                    "base-url " + (baseURL?.text ?? ""),
                    "generated " + (Self.sourceDate() ?? ""),
                    "theme", theme.fingerprint].joined(separator: "\u{0}")
        return BuildInputs(digest: QuerySnapshot.hash(of: Array(text.utf8)), records: cache + "/discern/sites")
    }

    /// Whole milliseconds, rounded, or truncated as the summary line has always shown them.
    static func milliseconds(_ seconds: Double, rounded: Bool = true) -> String {
        let value = seconds * 1000
        return String(Int(rounded ? value.rounded() : value)) + " ms"
    }

    /// Errors and warnings, before the build's summary line; in CI, with those about teams
    /// too small to show (notes too) counted instead.
    static func print(_ diagnostics: [Diagnostic], organization: Organization) {
        let shared = SharedOutput.diagnostics(diagnostics.sorted(), organization: organization)
        for diagnostic in shared.listed where diagnostic.severity != .note {
            FileHandleOutput.standardError(diagnostic.description)
        }
        if let notice = shared.notice { FileHandleOutput.standardError("discern: " + notice) }
    }

    /// Notes, after it: prompts for the narratives, part of the summary of what was built.
    static func printNotes(_ diagnostics: [Diagnostic], organization: Organization) {
        let notes = SharedOutput.diagnostics(diagnostics, organization: organization).listed.filter { $0.severity == .note }.sorted()
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
