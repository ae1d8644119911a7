import ContentLoading
import ReportModel
import Testing
@testable import Importing

@Suite("What an import writes loads as content")
struct MetricsFragmentTests {
    static let teams = """
        teams:
          - {id: engineering, name: Engineering}
          - {id: platform, name: Platform, parent: engineering, headcount: 8}
          - {id: payments, name: Payments, parent: engineering, headcount: 7}
          - {id: mobile, name: Mobile, parent: engineering, headcount: 3}

        """

    func imports() throws -> [(String, UsageImport)] {
        let legacy = try ["platform-eng/2025-09-30.json", "platform-eng/2025-10-02.json", "payments-squad.json"]
            .map { try ImportFixture.file("github-copilot-legacy/\($0)") }
        let github = try ["2025-09-29", "2025-09-30", "2025-10-01", "2025-10-02"]
            .map { try ImportFixture.file("github-copilot/users-1-day-\($0).ndjson") }
        let m365 = try ["copilot-usage-2025-09-30.csv", "copilot-usage-2025-10-31.csv"]
            .map { try ImportFixture.file("m365-copilot/\($0)") }
        return [
            ("legacy", UsageImporter(source: .githubCopilotLegacy, files: legacy,
                                     mapping: try ImportFixture.file("github-copilot-legacy/github-teams.csv")).run()),
            ("github", UsageImporter(source: .githubCopilot, files: github,
                                     mapping: try ImportFixture.file("github-copilot/logins.csv")).run()),
            ("m365", UsageImporter(source: .m365Copilot, files: m365,
                                   mapping: try ImportFixture.file("m365-copilot/people.csv")).run()),
            ("viva", UsageImporter(source: .viva, files: [try ImportFixture.file("viva/person-query.csv")],
                                   mapping: try ImportFixture.file("viva/people.csv")).run()),
        ]
    }

    @Test("each fragment pasted under metrics: and each CSV in data/ load without a single diagnostic")
    func loads() throws {
        for (name, result) in try imports() {
            #expect(!result.diagnostics.hasErrors, "\(name)")
            let source = ContentSource.memory(text: [
                "site.yaml": "title: T\norganization: Northwind\n",
                "teams.yaml": Self.teams,
                "metrics.yaml": "metrics:\n" + result.metricsFragment,
                "data/\(name).csv": result.csv,
            ])
            let load = ContentLoader(source: source).load()
            #expect(load.diagnostics.map(\.description) == [], "\(name)")
            #expect(load.content.metrics.map(\.id) == result.metrics.map(\.id), "\(name)")
            #expect(load.content.observations.count == result.values.count, "\(name)")
            #expect(load.content.metrics.allSatisfy { $0.category == .usage || $0.id == "pr_median_minutes_to_merge" })
        }
    }

    @Test("all four sources together declare each metric id once")
    func distinctIDs() throws {
        let ids = CopilotLegacyFeed.metrics.map(\.id) + CopilotUsageFeed.metrics.map(\.id) + M365CopilotReport.metrics.map(\.id)
            + [VivaPersonQuery.activeShare.id, VivaPersonQuery.activeDays.metric.id, VivaPersonQuery.actions.metric.id,
               VivaPersonQuery.assistedHours.metric.id]
        #expect(Set(ids).count == ids.count)
    }

    @Test("text is double-quoted with escapes, so any unit or name is valid YAML")
    func quoting() {
        #expect(MetricsFragment.quoted("%") == "\"%\"")
        #expect(MetricsFragment.quoted("say \"hi\" \\ now\n") == "\"say \\\"hi\\\" \\\\ now\\n\"")
        #expect(MetricsFragment.quoted("bell\u{7}") == "\"bell\\x07\"")
    }

    @Test("an outcome gets the first imported quarter as its baseline, marked for review; usage gets none")
    func baseline() throws {
        // No feed imports an outcome today; the fragment still gives one a baseline to review.
        let outcome = ImportedMetric(id: "pr_median_minutes_to_merge", name: "Median time to merge", category: .outcome,
                                     unit: "minutes", better: .lower, aggregate: .median, format: .integer,
                                     description: "Median minutes from opening to merging.", rule: .weightedMedian)
        let usage = CopilotLegacyFeed.metrics[2]
        let fragment = MetricsFragment.yaml(for: [outcome, usage], source: .githubCopilot, firstPeriod: Period("2025-Q3"))
        #expect(fragment.components(separatedBy: "baseline:").count == 2, "one baseline, the outcome's")
        #expect(fragment.contains("""
                aggregate: \(outcome.aggregate.rawValue)
                baseline: 2025-Q3   # the first quarter imported; use the quarter before AI tools arrived
            """))
        #expect(!MetricsFragment.yaml(for: [outcome], source: .githubCopilot).contains("baseline:"), "no data, no baseline")
    }

    @Test("an entry reads as the README documents metrics")
    func entry() {
        let fragment = MetricsFragment.yaml(for: [CopilotLegacyFeed.metrics[2]], source: .githubCopilotLegacy)
        #expect(fragment.hasPrefix("# Metrics from `discern import github-copilot-legacy`"))
        #expect(fragment.contains("""
              - id: copilot_suggestion_acceptance_rate
                name: "Copilot suggestion acceptance rate"
                category: usage
                unit: "% of suggestions shown"
                better: neutral
                aggregate: weighted_mean
                format: percent
                decimals: 1
                description: "Code completions accepted
            """))
    }
}
