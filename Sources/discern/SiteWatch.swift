import ContentLoading
import Foundation
import ReportModel
import Site

/// `discern build --watch`: rebuilds whenever the content changes, until interrupted.
///
/// An edit to narratives that were already there re-reads only those files and
/// rewrites only the pages that show them, keeping the loaded data, roll-ups and theme:
/// milliseconds instead of a whole build. Anything else (data, catalogs, settings,
/// the theme, a narrative added or removed) rebuilds the whole site as `build` does.
/// A change with errors leaves the site as it was, and the errors are printed.
struct SiteWatch {
    let build: Build
    var built: Build.Built?

    func run() throws {
        // Ctrl-C and `kill` must stop the watch even when the parent started this
        // process with those signals blocked, as some test runners and CI agents do,
        // or ignored, as a shell does for anything it starts in the background.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &stopSignals, nil)
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        var built = self.built
        let watcher = try ContentWatcher(root: build.options.url)
        announce()
        while true {
            let changes = watcher.nextChanges()
            if changes.foldersChanged { watcher.watchAll() }
            let start = DispatchTime.now()
            do {
                if let current = built, isEdit(changes.paths, of: current) {
                    if let (updated, pages) = try rewritePages(of: changes.paths, from: current) {
                        built = updated
                        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
                        print("Rebuilt \(pages) pages in \((milliseconds * 10).rounded() / 10) ms")
                    }
                } else {
                    // After a failed build the next change builds everything again, so its
                    // errors stay in view until they are fixed.
                    built = try build.buildSite().built
                }
            } catch {
                FileHandleOutput.standardError("discern: \(error.localizedDescription)")
                built = nil
            }
            announce()
        }
    }

    private func announce() {
        print("Watching \(build.options.content) for changes; press Ctrl-C to stop.")
        fflush(nil)
    }

    /// Whether the change only edits narratives the last whole build read, which are
    /// all still there: no addition, removal, or any other file.
    private func isEdit(_ paths: Set<String>, of built: Build.Built) -> Bool {
        let root = build.options.url.path + "/"
        return !paths.isEmpty && paths.allSatisfy { path in
            path.hasPrefix("narratives/") && path.hasSuffix(".md") && built.pipeline.narrativeFiles.contains(path)
                && FileManager.default.fileExists(atPath: root + path)
        }
    }

    /// Re-reads edited narratives and rewrites the pages that show them. Returns the new
    /// state and how many pages were written, or nil when an edit has errors: they are
    /// printed, and the site stays as it was.
    private func rewritePages(of paths: Set<String>, from current: Build.Built) throws -> (Build.Built, Int)? {
        let loader = ContentLoader(source: .disk(build.options.url))
        var report = current.pipeline.report
        var diagnostics: [Diagnostic] = []
        var edited: [Narrative] = []
        for path in paths.sorted() {
            let (narrative, problems) = loader.narrative(at: path, organization: report.organization, metrics: report.metrics,
                                                         periods: current.pipeline.observedPeriods)
            diagnostics += problems
            if let narrative {
                report = report.replacingNarrative(narrative)
                edited.append(narrative)
            }
        }
        let builder = SiteBuilder(report: report, theme: current.theme, options: build.buildOptions())
        let addresses = edited.flatMap { builder.pages(showing: $0.scope, in: $0.period) }
        if !diagnostics.hasErrors { diagnostics += try builder.rewrite(addresses, in: build.destination) }
        Build.print(diagnostics)
        guard !diagnostics.hasErrors else {
            FileHandleOutput.standardError("discern: not rebuilt; fix the errors above (the site in \(build.output) is as it was)")
            return nil
        }
        var updated = current
        updated.pipeline.report = report
        return (updated, addresses.count)
    }
}
