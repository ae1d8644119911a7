import ContentLoading
import ReportModel
import Testing

/// `site.yaml` switches a rule off only with a reason, which readers will see.
@Suite struct LintSettingsTests {
    private func load(_ lints: String) -> ContentLoad {
        ContentLoader(source: .memory(text: LintFixture.base.merging(
            ["site.yaml": LintFixture.site + "\n" + lints + "\n"]) { $1 })).load()
    }

    @Test func aRuleSwitchedOffKeepsItsReason() {
        let load = load("lints:\n  off:\n    D104: Baselines are set once the 2026 survey closes.")
        #expect(load.diagnostics.map(\.description) == [])
        #expect(load.content.site.lintsOff == ["D104": "Baselines are set once the 2026 survey closes."])
    }

    @Test func aRuleMayBeNamedByItsName() {
        let load = load("lints:\n  off:\n    no-baseline: Baselines come with the 2026 survey.")
        #expect(load.diagnostics.map(\.description) == [])
        #expect(load.content.site.lintsOff == ["D104": "Baselines come with the 2026 survey."])
    }

    @Test func aRuleSwitchedOffWithoutAReasonIsAnError() {
        let load = load("lints:\n  off:\n    D104:\n    D102: \"  \"")
        #expect(load.diagnostics.map(\.description) == [
            "site.yaml:5:5: error: lint rule D104 is switched off without a reason; write `D104: <why>`, which the methodology page shows",
            "site.yaml:6:5: error: lint rule D102 is switched off without a reason; write `D102: <why>`, which the methodology page shows",
        ])
        #expect(load.content.site.lintsOff.isEmpty)
    }

    @Test func anUnknownRuleIsAnErrorWithAHintOrTheRuleList() {
        #expect(load("lints:\n  off:\n    D1O4: typo").diagnostics.map(\.description) == [
            "site.yaml:5:5: error: unknown lint rule 'D1O4'; did you mean 'D104'?",
        ])
        #expect(load("lints:\n  off:\n    everything: too noisy").diagnostics.map(\.description) == [
            "site.yaml:5:5: error: unknown lint rule 'everything'; the rules are D101, D102, D103, D104, D105, D106, D107, D108, D109",
        ])
    }
}
