import Analysis
import ContentLoading
import Foundation
import ReportModel
import Site

/// A built site kept in step with its content, one change at a time: what `build --watch`
/// and `serve` share.
///
/// An edit to narratives that were already there re-reads only those files and
/// rewrites only the pages that show them, keeping the loaded data, roll-ups and theme:
/// milliseconds instead of a whole build. Anything else (data, catalogs, settings,
/// the theme, a narrative added or removed) rebuilds the whole site, but the privacy
/// audit, the slowest part of analysis, is redone only for the metrics whose data or
/// definitions changed. A change with errors leaves the site as it was, and the errors
/// are printed.
struct WatchedSite {
    let build: SiteBuild
    /// The last good build, or nil after a whole build failed: then the next change
    /// builds everything again, so its errors stay in view until they are fixed.
    private(set) var built: SiteBuild.Built?
    /// Narratives whose last edit had errors. They are read again with every later
    /// edit, so their errors stay in view (and the site as it was) until they are fixed.
    private var failing: Set<String> = []
    /// The theme folder of the last whole build, even a failed one.
    private var themeFolder: URL?
    /// The privacy audit's outcomes from the last whole build, even a failed one: the
    /// next rebuild audits only the chains (a metric over its quarters) that changed.
    /// They are filed by the data they depend on, so an old one is never used wrongly.
    private var auditMemo = AuditMemo()
    /// The site the last whole build replaced, which a thread of its own is removing;
    /// the next whole build waits for it, since its swap moves the output to the same place.
    private var replaced: ReplacedSite?
    /// Whether a saved query (`data/NAME.sql`) is run again, and its snapshot written,
    /// before the site is rebuilt: `serve` does this, `build --watch` does not.
    var refreshesQueries = false
    /// The snapshots and records the last refresh wrote. Their own change events bring
    /// nothing the rebuild after the refresh did not already read.
    private var refreshed: Set<String> = []

    /// A site to keep in step, not built yet: `buildAll()` builds it.
    init(build: SiteBuild) {
        self.build = build
    }

    /// A site to keep in step, after its first whole build.
    init(build: SiteBuild, after first: SiteBuild.Result) {
        self.build = build
        built = first.built
        themeFolder = first.themeFolder
        auditMemo = first.pipeline.report.auditMemo
    }

    /// What applying a change did.
    enum Outcome {
        /// The whole site was built again.
        case built
        /// Only the pages that show the edited narratives were written.
        case rewrote(pages: Int, milliseconds: Double)
        /// Nothing was written and the site is as it was; these are the errors.
        case failed([Diagnostic])
        /// The change was only the snapshots a refresh had just written and the site built from.
        case unchanged
    }

    /// The folders a change can come from: the content, and the theme the last build used.
    var watchedFolders: [URL] {
        [build.content] + (themeFolder.map { [$0] } ?? [])
    }

    /// Builds the whole site.
    mutating func buildAll() -> Outcome {
        replaced?.waitUntilRemoved()
        do {
            let result = try build.buildAll(reusing: auditMemo, removingInBackground: true)
            replaced = result.site?.replaced
            built = result.built
            auditMemo = result.pipeline.report.auditMemo
            themeFolder = result.themeFolder ?? themeFolder
            failing = []
            return built == nil ? .failed(result.diagnostics.filter { $0.severity == .error }) : .built
        } catch {
            FileHandleOutput.standardError("discern: \(error.localizedDescription)")
            built = nil
            return .failed([.error(error.localizedDescription, at: SourceLocation(file: build.outputLabel))])
        }
    }

    /// Applies one set of changed files: paths relative to the content folder, or
    /// absolute for files outside it (the theme's).
    mutating func apply(_ changed: Set<String>) -> Outcome {
        let paths = changed.subtracting(refreshed)
        refreshed = []
        if paths.isEmpty, built != nil { return .unchanged }
        if refreshesQueries, let failure = refreshQueries(in: paths) { return failure }
        guard let current = built, isEdit(paths, of: current) else { return buildAll() }
        let start = DispatchTime.now()
        do {
            let edited = paths.union(failing)
            var diagnostics = DiagnosticLog()
            guard let (updated, pages) = try rewritePages(of: edited, from: current, diagnostics: &diagnostics) else {
                failing = edited
                return .failed(diagnostics.all.filter { $0.severity == .error }.sorted())
            }
            built = updated
            failing = []
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
            print("Rebuilt \(pages) pages in \((milliseconds * 10).rounded() / 10) ms")
            return .rewrote(pages: pages, milliseconds: milliseconds)
        } catch {
            FileHandleOutput.standardError("discern: \(error.localizedDescription)")
            built = nil
            return .failed([.error(error.localizedDescription, at: SourceLocation(file: build.outputLabel))])
        }
    }

    /// Runs the saved queries among `paths` and writes their snapshots, as `discern
    /// refresh` does; nil when there were none or all succeeded. On a problem nothing is
    /// written, the errors are printed, and the site stays as it was.
    private mutating func refreshQueries(in paths: Set<String>) -> Outcome? {
        let root = build.content.path + "/"
        let queries = paths.filter { $0.hasPrefix("data/") && $0.hasSuffix(".sql") && FileManager.default.fileExists(atPath: root + $0) }
        guard !queries.isEmpty else { return nil }
        let context = ContentLoader(source: .disk(build.content)).queries()
        let run: QueryRun
        do {
            run = try QueryRun.refresh(queries.sorted(), content: build.content, context: context)
        } catch {
            return .failed([.error("\(error)", at: SourceLocation(file: queries.sorted()[0]))])
        }
        for diagnostic in run.diagnostics { FileHandleOutput.standardError(diagnostic.description) }
        guard !run.diagnostics.hasErrors else {
            FileHandleOutput.standardError("discern: wrote no snapshot; fix the errors above (\(build.keptOnFailure))")
            return .failed(run.diagnostics.filter { $0.severity == .error })
        }
        for written in run.written {
            print("\(written.snapshot): \(QueryRun.count(written.rows, "row")) from \(written.query) in \(QueryRun.seconds(written.seconds)) s")
            refreshed.insert(written.snapshot)
            refreshed.insert(written.snapshot + QuerySnapshot.recordSuffix)
        }
        return nil
    }

    /// Whether the change only edits narratives the last whole build read, which are
    /// all still there: no addition, removal, or any other file.
    private func isEdit(_ paths: Set<String>, of built: SiteBuild.Built) -> Bool {
        let root = build.content.path + "/"
        return !paths.isEmpty && paths.allSatisfy { path in
            path.hasPrefix("narratives/") && path.hasSuffix(".md") && built.pipeline.narrativeFiles.contains(path)
                && FileManager.default.fileExists(atPath: root + path)
        }
    }

    /// Re-reads edited narratives and rewrites the pages that show them. Returns the new
    /// state and how many pages were written, or nil when an edit has errors: they are
    /// printed, and the site stays as it was.
    private func rewritePages(of paths: Set<String>, from current: SiteBuild.Built,
                              diagnostics log: inout DiagnosticLog) throws -> (built: SiteBuild.Built, pages: Int)? {
        let loader = ContentLoader(source: .disk(build.content))
        var report = current.pipeline.report
        var edited: [Narrative] = []
        for path in paths.sorted() {
            if let narrative = loader.narrative(at: path, organization: report.organization, metrics: report.metrics,
                                                periods: current.pipeline.observedPeriods, diagnostics: &log) {
                report = report.replacingNarrative(narrative)
                edited.append(narrative)
            }
        }
        let diagnostics = log.all
        let builder = SiteBuilder(report: report, theme: current.theme, options: build.options())
        let addresses = edited.flatMap { builder.pages(showing: $0.scope, in: $0.period) }
        if !diagnostics.hasErrors { try builder.rewrite(addresses, in: build.output) }
        SiteBuild.print(diagnostics, organization: report.organization)
        guard !diagnostics.hasErrors else {
            FileHandleOutput.standardError("discern: not rebuilt; fix the errors above (\(build.keptOnFailure))")
            return nil
        }
        var updated = current
        updated.pipeline.report = report
        return (updated, addresses.count)
    }
}
