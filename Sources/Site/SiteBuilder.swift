import Analysis
import Foundation
import ReportModel

/// Plans every page, renders it, and writes the site: the last stages of the pipeline.
public struct SiteBuilder: Sendable {
    let context: SiteContext

    public init(report: Report, theme: Theme, options: BuildOptions = BuildOptions()) {
        context = SiteContext(report: report, theme: theme, options: options)
    }

    /// What a build made.
    public struct Summary: Sendable {
        public var pages: Int
        public var charts: Int
        /// Every file of the site but the marker.
        public var files: Int
        /// The slides of a deck; 0 for a site.
        public var slides: Int
        /// Files linked unchanged from the previous build instead of written.
        public var linked: Int
        /// The site this build replaced, removed or being removed.
        public var replaced: ReplacedSite?
        /// Whether the site in place was built from the same inputs and found intact, and
        /// so left as it was: nothing rendered, nothing written (see `UnchangedSite`).
        public var unchanged = false
    }

    /// Every page, in a fixed order: a page for every visible scope and quarter, whether
    /// or not anything links to it.
    public var pages: [PageAddress] {
        // A deck is one page of slides.
        if context.theme.layout == .deck { return [.deck] }
        let report = context.report
        var pages: [PageAddress] = [.home]
        pages += report.periods.map { .organization($0) }
        pages.append(.teams)
        for team in report.visibleTeams {
            if !report.periods.isEmpty { pages.append(.team(team.id)) }
            pages += report.periods.map { .teamPeriod(team.id, $0) }
        }
        pages.append(.metrics)
        pages += report.metrics.map { .metric($0.id) }
        pages += [.usageVsOutcomes, .methodology, .notFound]
        return pages
    }

    /// The pages that show a scope's quarter, and so its narrative: the quarter's page,
    /// and the scope's front page when the quarter is the latest. None for a scope that
    /// may not be shown.
    public func pages(showing scope: Scope, in period: Period) -> [PageAddress] {
        let report = context.report
        guard report.isVisible(scope), report.periods.contains(period) else { return [] }
        if context.theme.layout == .deck { return scope == .organization && period == report.latestPeriod ? [.deck] : [] }
        return [.scope(scope, period)] + (period == report.latestPeriod ? [.latest(scope)] : [])
    }

    /// Renders `addresses` again and writes them, with their chart files, over the site
    /// in `destination`, replacing each file atomically; chart files a page no longer
    /// has are removed, and the site's manifest follows. A watched build uses this after
    /// a narrative edit, once the edited narrative has loaded without errors.
    public func rewrite(_ addresses: [PageAddress], in destination: URL) throws {
        // The edited narrative's pages render side by side: an edit is waited for.
        let rendered = addresses.concurrentMap { render($0) }
        let root = destination.standardizedFileURL.path
        var changes: [String: SiteManifest.Entry?] = [:]
        for page in rendered {
            if let folder = page.address.chartFolder {
                let kept = Set(page.chartFiles.map(\.path))
                for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []
                where ChartPlacement.isFileName(name) && !kept.contains(folder + name) {
                    try? FileManager.default.removeItem(atPath: root + "/" + folder + name)
                    changes[folder + name] = .some(nil)
                }
            }
            for (path, bytes) in [(page.address.path, page.html)] + page.chartFiles.map({ ($0.path, $0.bytes) }) {
                try OutputFolder.replaceFile(root + "/" + path, bytes)
                changes[path] = SiteManifest.Entry(bytes)
            }
        }
        let marker = root + "/" + OutputFolder.marker
        guard let old = FileManager.default.contents(atPath: marker).map({ [UInt8]($0) }) else { return }
        if let patches = SiteManifest.patches(old, with: changes) {
            // Only the marker is written in place: no page links to it and no reader
            // opens it, and a line half-written would only make a later build write a file.
            try OutputFolder.patchFile(marker, patches)
        } else if let manifest = SiteManifest.updating(old, with: changes) {
            try OutputFolder.replaceFile(marker, manifest)
        }
    }

    /// Renders one page.
    func render(_ address: PageAddress) -> RenderedPage {
        let latest = context.report.latestPeriod
        switch address {
        case .home:
            guard let latest else { return ScopePage.empty(context) }
            return ScopePage(context: context, scope: .organization, period: latest, address: address).render()
        case .organization(let period):
            return ScopePage(context: context, scope: .organization, period: period, address: address).render()
        case .team(let id):
            return ScopePage(context: context, scope: .team(id), period: latest!, address: address).render()
        case .teamPeriod(let id, let period):
            return ScopePage(context: context, scope: .team(id), period: period, address: address).render()
        case .teams: return TeamsPage(context: context).render()
        case .metrics: return CatalogPages(context: context).metrics()
        case .metric(let id): return MetricPage(context: context, metric: context.report.metric(id)!).render()
        case .usageVsOutcomes: return UsageOutcomesPage(context: context).render()
        case .methodology: return CatalogPages(context: context).methodology()
        case .notFound: return CatalogPages(context: context).notFound()
        case .deck: return SlideDeck(context: context).render()
        }
    }

    /// Renders the page of every narrative without writing anything: the fuzz harness
    /// drives the Markdown and the data blocks through it.
    public func renderNarrativePages() {
        for narrative in context.report.narratives { _ = render(.scope(narrative.scope, narrative.period)) }
    }

    /// Renders every page and writes the site to `destination`, atomically. Narrative
    /// problems are load diagnostics, found before this; the only diagnostic reported is
    /// a refusal to write into a folder that is not a Discern site, and then it returns nil.
    ///
    /// Pages render in parallel, one worker per core, each writing its own files as it
    /// goes; results are gathered in page order, so the site is the same whatever the
    /// scheduling. `parallel: false` renders in order, for comparison.
    ///
    /// Files the previous build in `destination` wrote with the same bytes are linked
    /// from it rather than written (see `StagingFolder`).
    /// - Parameters:
    ///   - progress: called now and then with pages done and pages in all.
    ///   - removingInBackground: return once the new site is in place, and remove the
    ///     one it replaced on a thread of its own (see `ReplacedSite`).
    public func build(into destination: URL, content: URL? = nil, parallel: Bool = true,
                      progress: (@Sendable (Int, Int) -> Void)? = nil, removingInBackground: Bool = false,
                      diagnostics: inout DiagnosticLog) throws -> Summary? {
        let folder = OutputFolder(destination: destination)
        if let refusal = folder.refusal(content: content) {
            diagnostics.error(refusal, at: SourceLocation(file: destination.path))
            return nil
        }
        if let inputs = context.options.inputs,
           let site = UnchangedSite(at: folder.destination.path, inputs: inputs, parallel: parallel) {
            return site.summary
        }
        let output = try folder.stage()
        let pages = self.pages
        let finished = Finished()
        let outcomes = pages.concurrentMap(parallel: parallel) { address -> Result<RenderedPage.Counts, Error> in
            Result {
                let page = render(address)
                try context.options.timings.measure(.write) {
                    try output.write(page.html, to: address.path)
                    for file in page.chartFiles {
                        try output.write(file.bytes, to: file.path)
                    }
                }
                let count = finished.increment()
                if let progress, count % 100 == 0 { progress(count, pages.count) }
                return page.counts
            }
        }
        do {
            let results = try outcomes.map { try $0.get() }
            for name in context.theme.assets.keys.sorted() {
                try output.write(context.theme.assets[name]!, to: "assets/" + name)
            }
            let files = results.reduce(context.theme.assets.count) { $0 + $1.files }
            var summary = Summary(pages: pages.count, charts: results.reduce(0) { $0 + $1.charts }, files: files,
                                  slides: results.reduce(0) { $0 + $1.slides }, linked: output.linked)
            summary.replaced = try output.commit(removingInBackground: removingInBackground)
            if let inputs = context.options.inputs { UnchangedSite.record(folder.destination.path, inputs: inputs, summary: summary) }
            return summary
        } catch {
            output.discard()
            throw error
        }
    }
}

extension ScopePage {
    /// A home page for content without any data yet.
    static func empty(_ context: SiteContext) -> RenderedPage {
        let main: HTML = "<header class=\"page-header\"><h1>\(context.site.title)</h1></header><p class=\"no-data\">There is no data yet. Add CSV or JSON files under data/.</p>"
        return RenderedPage(address: .home, html: context.shell(.home, title: context.site.title, pageClass: "page-organization", main: main))
    }
}

/// How many pages are done, for progress reports from parallel workers.
private final class Finished: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
