import Foundation
import ReportModel

/// Reads a content folder into a validated `ReportContent`.
///
/// The files, in the order their meaning depends on each other:
/// `site.yaml`, `teams.yaml`, `metrics.yaml`, `data/*.csv|json`, `narratives/**.md`.
/// Loading never stops at the first problem: a bad row or entry is reported and left
/// out, and the rest is read, so one run shows every problem.
public struct ContentLoader: Sendable {
    let source: ContentSource

    public init(source: ContentSource) {
        self.source = source
    }

    public func load() -> ContentLoad {
        var diagnostics = DiagnosticLog()
        let catalogs = loadCatalogs(diagnostics: &diagnostics)
        let (files, site, organization, metrics, wholes, unreadable) =
            (catalogs.files, catalogs.site, catalogs.organization, catalogs.metrics, catalogs.wholes, catalogs.unreadable)
        let present = Set(files)

        var collector = catalogs.collector()
        for path in files where path.hasPrefix("data/") {
            if path.hasSuffix(".csv") {
                guard let text = text(of: path, diagnostics: &diagnostics) else { continue }
                collector.readCSV(text, file: path)
            } else if path.hasSuffix(".json") {
                guard let text = text(of: path, diagnostics: &diagnostics) else { continue }
                collector.readJSON(text, file: path)
            } else if path.hasSuffix(".sql") {
                checkSnapshot(ofQuery: path, present: present, diagnostics: &diagnostics)
            } else if path.hasSuffix(".csv" + QuerySnapshot.recordSuffix) {
                if !present.contains(QuerySnapshot.queryPath(ofRecord: path)) {
                    diagnostics.warning("a snapshot record without its query \(QuerySnapshot.queryPath(ofRecord: path)); "
                                        + "delete it if the query was removed", at: SourceLocation(file: path))
                }
            } else if !Self.isDatabase(path, of: site) {
                diagnostics.report(.warning("ignored: data files must end in .csv or .json (or .sql, a query)",
                                            at: SourceLocation(file: path)))
            }
        }
        diagnostics.merge(collector.log)

        let releases = files.filter { $0.hasPrefix("releases/") }.compactMap { path in
            release(at: path, diagnostics: &diagnostics)
        }

        let periods = Set(collector.observations.map(\.period))
        var narrativePaths: [String] = []
        for path in files where path.hasPrefix("narratives/") {
            guard path.hasSuffix(".md") else {
                diagnostics.report(.warning("ignored: narratives must be Markdown files ending in .md",
                                            at: SourceLocation(file: path)))
                continue
            }
            narrativePaths.append(path)
        }
        // Narratives do not depend on each other, so they are read on every core.
        let blocks = DistinctBlocks()
        let loaded = narrativePaths.concurrentMap { path in
            var log = DiagnosticLog()
            let narrative = narrative(at: path, organization: organization, metrics: metrics, periods: periods,
                                      blocks: blocks, diagnostics: &log)
            return (narrative: narrative, log: log)
        }
        let narratives = loaded.compactMap(\.narrative)
        diagnostics.report(loaded.flatMap(\.log.all).filter { !(unreadable.contains("teams.yaml") && $0.unknown == .team)
            && !(unreadable.contains("metrics.yaml") && $0.unknown == .metric) })

        var content = ReportContent(site: site, organization: organization, metrics: metrics, wholes: wholes,
                                    observations: collector.observations, narratives: narratives)
        content.releases = releases.sorted { ($0.period, $0.audience ?? "") < ($1.period, $1.audience ?? "") }
        return ContentLoad(content: content, diagnostics: diagnostics.all.sorted(), unreadable: unreadable)
    }

    /// What the data files are read against, and the files there are.
    struct Catalogs {
        var files: [String]
        var site: SiteSettings
        var organization: Organization
        var metrics: [Metric]
        var wholes: [MetricWhole]
        /// Catalog files that could not be read at all.
        var unreadable: Set<String>

        func collector() -> ObservationCollector {
            ObservationCollector(organization: organization, metrics: metrics,
                                 checksTeams: !unreadable.contains("teams.yaml"),
                                 checksMetrics: !unreadable.contains("metrics.yaml"))
        }
    }

    /// `site.yaml`, `teams.yaml` and `metrics.yaml`, and the list of files.
    func loadCatalogs(diagnostics: inout DiagnosticLog) -> Catalogs {
        let files: [String]
        do {
            files = try source.files()
        } catch {
            diagnostics.report(.error("cannot read the content folder: \(error.localizedDescription)",
                                      at: SourceLocation(file: source.root)))
            files = []
        }
        let present = Set(files)

        var site = loadSite(text(of: "site.yaml", in: present, diagnostics: &diagnostics), diagnostics: &diagnostics)
        var unreadable: Set<String> = []
        // A catalog that could not be read at all leaves its ids unknown; saying so for
        // every reference to them would bury the one real error.
        func catalog<T>(_ file: String, _ load: (String?, inout DiagnosticLog) -> [T]?) -> [T] {
            guard let items = load(text(of: file, in: present, diagnostics: &diagnostics), &diagnostics) else {
                unreadable.insert(file)
                return []
            }
            return items
        }
        let teams = catalog("teams.yaml") { loadTeams($0, minimumGroupSize: site.minGroupSize, diagnostics: &$1) }
        let organization = Organization(name: site.organization, teams: teams, minimumGroupSize: site.minGroupSize)
        var wholes: [MetricWhole] = []
        let metrics = catalog("metrics.yaml") { loadMetrics($0, wholes: &wholes, diagnostics: &$1) }
        if !unreadable.contains("metrics.yaml") { Self.checkFluency(&site, metrics: metrics, diagnostics: &diagnostics) }
        return Catalogs(files: files, site: site, organization: organization, metrics: metrics, wholes: wholes,
                        unreadable: unreadable)
    }

    /// Reads one narrative against catalogs already loaded, as `load()` reads each: a
    /// watched build uses it when only a narrative changed.
    /// - Parameter periods: the quarters that have observations.
    public func narrative(at path: String, organization: Organization, metrics: [Metric],
                          periods: Set<Period>, diagnostics: inout DiagnosticLog) -> Narrative? {
        narrative(at: path, organization: organization, metrics: metrics, periods: periods, blocks: DistinctBlocks(),
                  diagnostics: &diagnostics)
    }

    private func narrative(at path: String, organization: Organization, metrics: [Metric],
                           periods: Set<Period>, blocks: DistinctBlocks, diagnostics: inout DiagnosticLog) -> Narrative? {
        guard let text = text(of: path, diagnostics: &diagnostics) else { return nil }
        return loadNarrative(text, file: path, organization: organization, metrics: metrics,
                             periods: periods, blocks: blocks, diagnostics: &diagnostics)
    }

    /// A ledger `discern release` wrote. It is machine-written, so a file that does not
    /// read as one is reported whole rather than by line.
    private func release(at path: String, diagnostics: inout DiagnosticLog) -> ReleaseLedger? {
        guard path.hasSuffix(".json") else {
            diagnostics.warning("ignored: releases/ holds the ledgers discern release writes, ending in .json",
                                at: SourceLocation(file: path))
            return nil
        }
        guard let text = text(of: path, diagnostics: &diagnostics) else { return nil }
        do {
            return try JSONDecoder().decode(ReleaseLedger.self, from: Data(text.utf8))
        } catch {
            diagnostics.error("not a release ledger as discern release writes it; restore it from version control "
                                + "(the audit needs what was released)", at: SourceLocation(file: path))
            return nil
        }
    }

    /// A required top-level file's text, with an error when it is absent.
    private func text(of path: String, in present: Set<String>, diagnostics: inout DiagnosticLog) -> String? {
        guard present.contains(path) else {
            diagnostics.report(.error("missing \(path); every content folder needs one (see the README's content format)",
                                      at: SourceLocation(file: path)))
            return nil
        }
        return text(of: path, diagnostics: &diagnostics)
    }

    /// The largest file of each kind read, so memory stays bounded and a mistaken
    /// export is refused with a message instead of exhausting the machine.
    static func sizeLimit(for path: String) -> Int {
        if path.hasPrefix("data/") { return 64 << 20 }
        if path.hasPrefix("narratives/") { return 1 << 20 }
        return 4 << 20
    }

    func text(of path: String, diagnostics: inout DiagnosticLog) -> String? {
        let limit = Self.sizeLimit(for: path)
        if let size = source.size(path), size > limit {
            diagnostics.report(.error(
                "file is \(size >> 20) MB; Discern reads files of this kind up to \(limit >> 20) MB. "
                    + (path.hasPrefix("data/") ? "Split the data into several files" : "Shorten it"),
                at: SourceLocation(file: path)))
            return nil
        }
        let bytes: [UInt8]
        do {
            bytes = try source.read(path)
        } catch {
            diagnostics.report(.error("cannot read file: \(error.localizedDescription)", at: SourceLocation(file: path)))
            return nil
        }
        return TextDecoding.decode(bytes, file: path, diagnostics: &diagnostics)
    }
}
