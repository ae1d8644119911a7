import Analysis
import ContentLoading
import Foundation
import ReportModel
import Site

/// Runs one input through the pipeline the way a build would, on one input surface.
/// The property is the same for all: the input loads and renders, or yields
/// diagnostics; it never crashes or hangs. Nothing is written to disk.
enum FuzzHarness {
    enum Surface: String, CaseIterable {
        /// A data file in CSV.
        case csv
        /// A data file in JSON.
        case json
        /// site.yaml, teams.yaml or metrics.yaml, chosen by the first byte.
        case yaml
        /// A narrative with blocks and live values.
        case markdown
    }

    /// A small valid content folder that each input is added to.
    static let base: [String: [UInt8]] = [
        "site.yaml": "title: Fuzz\norganization: Acme\n",
        "teams.yaml": "teams:\n  - {id: eng, name: Engineering}\n  - {id: web, name: Web, parent: eng, headcount: 8}\n  - {id: api, name: API, parent: eng, headcount: 9}\n  - {id: tiny, name: Tiny, parent: eng, headcount: 2}\n  - {id: ops, name: Ops, headcount: 12}\n",
        "metrics.yaml": "metrics:\n  - {id: cycle_time, name: Cycle time, category: outcome, unit: days, better: lower, aggregate: weighted_mean, baseline: 2026-Q1, target: 3}\n  - {id: wau, name: WAU, category: usage, unit: '%', better: neutral, aggregate: mean, format: percent}\n",
        "data/values.csv": "period,team,cycle_time,wau\n2026-Q1,web,4,50\n2026-Q1,api,5,60\n2026-Q1,tiny,9,90\n2026-Q1,ops,3,40\n2026-Q2,web,3.5,55\n2026-Q2,api,4.5,65\n2026-Q2,ops,3,45\n",
    ].mapValues { Array($0.utf8) }

    static let theme: Theme = {
        var diagnostics = DiagnosticLog()
        guard let theme = Theme.load(builtIn: .default, diagnostics: &diagnostics)
        else { fatalError("the built-in default theme does not load: \(diagnostics.all)") }
        return theme
    }()

    static func run(_ surface: Surface, _ input: [UInt8]) {
        var files = base
        switch surface {
        case .csv: files["data/fuzz.csv"] = input
        case .json: files["data/fuzz.json"] = input
        case .markdown: files["narratives/org/2026-Q2.md"] = input
        case .yaml:
            let target = ["site.yaml", "teams.yaml", "metrics.yaml"][Int(input.first ?? 0) % 3]
            files[target] = Array(input.dropFirst())
        }
        let load = ContentLoader(source: .memory(files)).load()
        let report = Report(content: load.content)
        SiteBuilder(report: report, theme: theme).renderNarrativePages()
    }
}
