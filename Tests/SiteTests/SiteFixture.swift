import Analysis
import ContentLoading
import Foundation
import ReportModel
import TestSupport
@testable import Site

/// Builds a content fixture with the repository's default theme into a fresh folder.
struct SiteFixture {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func theme() -> Theme {
        var diagnostics = DiagnosticLog()
        let theme = Theme.load(from: repository.appendingPathComponent("Themes/default"), label: "Themes/default",
                               diagnostics: &diagnostics)
        precondition(diagnostics.isEmpty, "\(diagnostics.all)")
        return theme!
    }

    static func report(_ fixture: String) -> (Report, [Diagnostic]) {
        let load = ContentLoader(source: .fixture(fixture)).load()
        return (Report(content: load.content), load.diagnostics)
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("discern-site-\(UUID().uuidString)")
    }

    /// Builds into a new folder; returns it with what the build said. Content with errors
    /// is not built, as `discern build` does not build it: a narrative's errors are found
    /// at load.
    static func build(_ fixture: String, options: BuildOptions = BuildOptions(), into folder: URL? = nil) throws
        -> (folder: URL, summary: SiteBuilder.Summary?, diagnostics: [Diagnostic]) {
        let (report, loadDiagnostics) = self.report(fixture)
        let output = folder ?? temporaryFolder()
        if loadDiagnostics.hasErrors { return (output, nil, loadDiagnostics) }
        var diagnostics = DiagnosticLog()
        let summary = try SiteBuilder(report: report, theme: theme(), options: options).build(into: output, diagnostics: &diagnostics)
        return (output, summary, loadDiagnostics + diagnostics.all)
    }

    /// Every file below a folder, as sorted relative paths.
    static func files(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path + "/"
        let walker = FileManager.default.enumerator(atPath: folder.path)
        var paths: [String] = []
        while let path = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: base + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { paths.append(path) }
        }
        return paths.sorted()
    }

    /// The standalone chart files of a built site ending in `suffix` (`.svg`, `.csv`), as
    /// sorted relative paths: the files named as `ChartPlacement` names them, wherever
    /// they are.
    static func chartFiles(in folder: URL, _ suffix: String) -> [String] {
        files(in: folder).filter { path in
            path.hasSuffix(suffix) && ChartPlacement.isFileName(String(path.split(separator: "/").last ?? ""))
        }
    }

    static func read(_ folder: URL, _ path: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    /// A small organization: one group of two teams, a third team, and a team too small to show.
    static let small = """
        -- site.yaml --
        title: Impact
        organization: Acme
        -- teams.yaml --
        teams:
          - {id: eng, name: Engineering}
          - {id: web, name: Web, parent: eng, headcount: 8}
          - {id: api, name: API, parent: eng, headcount: 9}
          - {id: tiny, name: Tinyteamname, parent: eng, headcount: 2}
          - {id: ops, name: Operations, headcount: 12}
        -- metrics.yaml --
        metrics:
          - {id: cycle_time, name: Cycle time, category: outcome, unit: days, better: lower, aggregate: weighted_mean, baseline: 2026-Q1, target: 3}
          - {id: wau, name: Weekly active users, category: usage, unit: "%", better: neutral, aggregate: weighted_mean, format: percent, decimals: 0}
        -- data/values.csv --
        period,team,cycle_time,wau
        2026-Q1,web,4.0,50
        2026-Q1,api,5.0,60
        2026-Q1,tiny,9.5,90
        2026-Q1,ops,3.0,40
        2026-Q2,web,3.5,55
        2026-Q2,api,4.5,65
        2026-Q2,tiny,9.75,95
        2026-Q2,ops,3.0,45
        -- narratives/org/2026-Q2.md --
        ---
        title: "Acme in {{ value cycle_time }}"
        summary: Cycle time moved {{ delta cycle_time }}.
        highlights: [cycle_time]
        ---
        ## Outcomes

        Cycle time is {{ value cycle_time }}, {{ delta cycle_time }}; target {{ target cycle_time }}.

        ```table
        metric: cycle_time
        periods: [2026-Q1, 2026-Q2]
        ```

        ```chart
        type: line
        metric: cycle_time
        ```
        -- narratives/teams/ops/2026-Q2.md --
        Ops is at {{ value cycle_time }} from {{ baseline cycle_time }}.
        """
}
