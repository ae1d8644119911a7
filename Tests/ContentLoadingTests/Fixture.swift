import ContentLoading
import ReportModel

/// A small valid content folder; tests replace or add files to it.
enum Fixture {
    static let site = """
        title: Test report
        organization: Acme
        """

    static let teams = """
        teams:
          - id: eng
            name: Engineering
          - id: platform
            name: Platform
            parent: eng
            headcount: 12
          - id: payments
            name: Payments
            parent: eng
            headcount: 9
          - id: support
            name: Support
            headcount: 20
        """

    static let metrics = """
        metrics:
          - id: cycle_time
            name: Cycle time
            category: outcome
            unit: days
            better: lower
            aggregate: weighted_mean
          - id: csat
            name: Customer satisfaction
            category: outcome
            unit: "%"
            better: higher
            aggregate: mean
        """

    static let base: [String: String] = [
        "site.yaml": site + "\n",
        "teams.yaml": teams + "\n",
        "metrics.yaml": metrics + "\n",
    ]

    /// Loads the base folder with `files` added or replaced.
    static func load(_ files: [String: String] = [:]) -> ContentLoad {
        ContentLoader(source: .memory(text: base.merging(files) { $1 })).load()
    }

    static func load(bytes files: [String: [UInt8]]) -> ContentLoad {
        let all = base.mapValues { Array($0.utf8) }.merging(files) { $1 }
        return ContentLoader(source: .memory(all)).load()
    }

    /// Every diagnostic as `path:line:column: severity: message`.
    static func messages(_ files: [String: String] = [:]) -> [String] {
        load(files).diagnostics.map(\.description)
    }
}
