@testable import Lint
import ReportModel
import Testing
import TestSupport

/// Each rule fires on the one thing that breaks it, at the place a user would fix, and
/// stays quiet on the fixture that follows it.
@Suite struct LintRuleTests {
    @Test func theFixtureIsQuiet() {
        let diagnostics = LintFixture.diagnostics()
        #expect(diagnostics.map(\.description) == [])
    }

    @Test func rulesHaveStableUniqueIDs() {
        let ids = LintRule.all.map(\.id)
        #expect(ids == (1...9).map { "D10\($0)" })
        #expect(Set(LintRule.all.map(\.name)).count == ids.count)
        #expect(LintRule.all.allSatisfy { !$0.summary.isEmpty && $0.explanation.count > 80 })
        #expect(LintRule.all.filter { $0.severity == .note }.map(\.id) == ["D108", "D109"])
    }

    // MARK: D101

    @Test func usageLeadingTheHighlightsFires() {
        let narrative = LintFixture.orgNarrative.replacingFixture( "highlights: [cycle_time, weekly_active_users]", with: "highlights: [weekly_active_users]")
        #expect(LintFixture.findings(.usageLeads, ["narratives/org/2026-Q2.md": narrative]) == [
            "narratives/org/2026-Q2.md:3:13: warning: this page leads with usage ('weekly_active_users') and shows no "
                + "outcome or quality metric beside it; usage is context, not impact. Lead with an outcome [D101]",
        ])
    }

    @Test func usageLeadingTheFirstKPIsFiresAtTheFence() {
        let narrative = LintFixture.platformNarrative.replacingFixture( "metrics: [cycle_time, weekly_active_users]", with: "metrics: [weekly_active_users]")
        let found = LintFixture.findings(.usageLeads, ["narratives/teams/platform/2026-Q2.md": narrative])
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("narratives/teams/platform/2026-Q2.md:4:1: warning: this page leads with usage") == true)
    }

    @Test func usageBesideAnOutcomeIsQuiet() {
        // The fixture's org page leads with [cycle_time, weekly_active_users]; usage first
        // is fine too while an outcome stands beside it.
        let narrative = LintFixture.orgNarrative.replacingFixture( "highlights: [cycle_time, weekly_active_users]", with: "highlights: [weekly_active_users, change_failure_rate]")
        #expect(LintFixture.findings(.usageLeads, ["narratives/org/2026-Q2.md": narrative]) == [])
        #expect(LintFixture.findings(.usageLeads) == [])
    }

    // MARK: D102

    @Test func aTargetOnUsageFires() {
        let metrics = LintFixture.metrics(replacing: "format: percent\n    decimals: 0",
                                          with: "format: percent\n    decimals: 0\n    target: 90")
        let found = LintFixture.findings(.usageTarget, ["metrics.yaml": metrics])
        #expect(found.count == 1)
        #expect(found.first?.contains("usage metric 'weekly_active_users' has a target") == true)
    }

    @Test func aTargetOnAnOutcomeOrQualityMetricIsQuiet() {
        // cycle_time (an outcome) has target 2.5; change_failure_rate (quality) gets one here.
        let metrics = LintFixture.metrics(replacing: "baseline: 2026-Q1\n    format: percent",
                                          with: "baseline: 2026-Q1\n    format: percent\n    target: 10")
        let content = LintFixture.content(["metrics.yaml": metrics])
        #expect(content.metric("cycle_time")?.target == 2.5 && content.metric("cycle_time")?.category == .outcome)
        #expect(content.metric("change_failure_rate")?.target == 10 && content.metric("change_failure_rate")?.category == .quality)
        #expect(LintFixture.findings(.usageTarget, ["metrics.yaml": metrics]) == [])
    }

    // MARK: D103

    @Test func selfReportedWithoutAMeasuredOutcomeFires() {
        // Payments keeps its time saved in 2026-Q2 but loses lead time, its only measured outcome.
        let data = LintFixture.data(replacing: "2026-Q2,payments,3.8,14.0,1.8,45", with: "2026-Q2,payments,,14.0,1.8,45")
        #expect(LintFixture.findings(.selfReportedAlone, ["data/values.csv": data]) == [
            "data/values.csv:5:24: warning: 'time_saved' is self-reported and 'payments' has no system-measured outcome "
                + "in 2026-Q2; people misjudge their own gains, so add a measured outcome beside it [D103]",
        ])
    }

    @Test func selfReportedBesideAMeasuredOutcomeIsQuiet() {
        // Every team-quarter with time saved (self-reported) also has lead time (measured).
        let observations = LintFixture.content().observations
        let selfReported = observations.filter { $0.metric == "time_saved" }
        #expect(selfReported.count == 4)
        for value in selfReported {
            #expect(observations.contains { $0.metric == "cycle_time" && $0.scope == value.scope && $0.period == value.period })
        }
        #expect(LintFixture.findings(.selfReportedAlone) == [])
    }

    // MARK: D104

    @Test func anOutcomeWithoutBaselineFires() {
        let metrics = LintFixture.metrics(replacing: "better: lower\n    aggregate: weighted_mean\n    baseline: 2026-Q1\n    format: percent",
                                          with: "better: lower\n    aggregate: weighted_mean\n    format: percent")
        let found = LintFixture.findings(.noBaseline, ["metrics.yaml": metrics])
        #expect(found.count == 1)
        #expect(found.first?.contains("quality metric 'change_failure_rate' has no baseline") == true)
    }

    // MARK: D109

    @Test func aJudgedMetricWithoutANoiseRuleFires() {
        let metrics = LintFixture.metrics(replacing: "unit: days\n    uncertainty: none\n", with: "unit: days\n")
        let found = LintFixture.findings(.noNoiseRule, ["metrics.yaml": metrics])
        #expect(found.count == 1)
        #expect(found.first?.contains("metric 'cycle_time' declares neither `uncertainty:` nor `min_change:`") == true)
        let declared = LintFixture.metrics(replacing: "unit: days\n    uncertainty: none\n", with: "unit: days\n    min_change: 0.2\n")
        #expect(LintFixture.findings(.noNoiseRule, ["metrics.yaml": declared]) == [])
    }

    @Test func usageWithoutBaselineIsQuiet() {
        let usage = LintFixture.content().metric("weekly_active_users")
        #expect(usage?.category == .usage && usage?.baseline == nil, "the fixture's usage metric has no baseline")
        #expect(LintFixture.findings(.noBaseline) == [])
    }

    // MARK: D105

    @Test func usageWithoutOutcomesFires() {
        let data = LintFixture.data(replacing: "2026-Q1,support,2.0,5.0,,30", with: "2026-Q1,support,,,,30")
        #expect(LintFixture.findings(.usageWithoutOutcomes, ["data/values.csv": data]) == [
            "data/values.csv:6:20: warning: 'support' has usage data but no outcome or quality data in 2026-Q1; "
                + "usage alone cannot show impact. Add outcome or quality data (`discern import github-pulls` for pull requests, "
                + "`discern import events` for deployments, incidents or tickets; README: From your tools to a report), and measure judgment with `discern new survey` and `discern import survey` [D105]",
        ])
    }

    @Test func usageBesideQualityAloneIsQuiet() {
        let data = LintFixture.data(replacing: "2026-Q1,support,2.0,5.0,,30", with: "2026-Q1,support,,5.0,,30")
        #expect(LintFixture.findings(.usageWithoutOutcomes, ["data/values.csv": data]) == [])
    }

    // MARK: D106

    @Test func aTypedInValueFiresWhereItIsWritten() {
        let narrative = LintFixture.platformNarrative + "\nLead time fell to 3.0 days, and 60% are weekly active users.\n"
        #expect(LintFixture.findings(.bareNumber, ["narratives/teams/platform/2026-Q2.md": narrative]) == [
            "narratives/teams/platform/2026-Q2.md:9:19: warning: '3.0' is the value of Lead time here, typed in by hand; "
                + "write {{ value cycle_time }} so it stays in sync with the data [D106]",
            "narratives/teams/platform/2026-Q2.md:9:33: warning: '60%' is the value of Weekly active users here, typed "
                + "in by hand; write {{ value weekly_active_users }} so it stays in sync with the data [D106]",
        ])
    }

    @Test func numbersThatAreNotValuesAreQuiet() {
        // 60 without % is not the percentage; 3 is a small count; 2026-Q2 and Q2 are
        // quarters; 3.4 was last quarter's value; code is not prose.
        let narrative = LintFixture.platformNarrative
            + "\n60 people in 3 teams since 2026-Q2, up from 3.4 in Q1. `3.0` is in code.\n\n    3.0\n"
            + "\nA study found 60% of teams stalled.\n" // 60% is a value, but nothing here names the metric
        #expect(LintFixture.findings(.bareNumber, ["narratives/teams/platform/2026-Q2.md": narrative]) == [])
    }

    // MARK: D107

    @Test func aFrontMatterListOfPeopleFires() {
        let narrative = LintFixture.orgNarrative.replacingFixture( "title: Second quarter", with: "title: Second quarter\ntop_users: [ana, bo]")
        #expect(LintFixture.findings(.namesIndividuals, ["narratives/org/2026-Q2.md": narrative]) == [
            "narratives/org/2026-Q2.md:3:1: warning: front matter 'top_users' names or ranks people; a report "
                + "describes teams, never individuals. Remove it [D107]",
        ])
    }

    @Test func aRankingMetricFires() {
        let metrics = LintFixture.metrics + "\n" + """
              - id: prompt_leaderboard
                name: Prompt leaderboard
                category: usage
                unit: prompts
                better: neutral
                aggregate: sum

            """
        let found = LintFixture.findings(.namesIndividuals, ["metrics.yaml": metrics])
        #expect(found.count == 1)
        #expect(found.first?.contains("metric 'prompt_leaderboard' looks like a ranking or list of people") == true)
    }

    @Test func anAuthorAndCountsOfPeopleAreQuiet() {
        let narrative = LintFixture.orgNarrative.replacingFixture( "title: Second quarter", with: "title: Second quarter\nauthor: People Analytics")
        #expect(LintFixture.findings(.namesIndividuals, ["narratives/org/2026-Q2.md": narrative]) == [])
    }

    // MARK: D108

    @Test func worseWhileUsageRoseIsANote() {
        let data = LintFixture.data(replacing: "2026-Q2,payments,3.8,14.0,1.8,45", with: "2026-Q2,payments,3.8,16.5,1.8,45")
        let found = LintFixture.findings(.worseWhileUsageRose, ["data/values.csv": data])
        #expect(found.contains(
            "data/values.csv:5:22: note: Change failure rate got worse for payments in 2026-Q2 (15.0% to 16.5%) while "
                + "Weekly active users rose (40% to 45%); the narrative should say why [D108]"))
        // Only payments and what rolls it up: its group, and the organization if its total got worse.
        #expect(found.allSatisfy { $0.contains("for payments") || $0.contains("for eng") || $0.contains("for the organization") })
    }

    @Test func aNarrativeThatSpeaksOfTheMetricAddressesIt() {
        let data = LintFixture.data(replacing: "2026-Q2,platform,3.0,11.0,2.5,60", with: "2026-Q2,platform,3.0,13.0,2.5,60")
        #expect(LintFixture.findings(.worseWhileUsageRose, ["data/values.csv": data]).contains { $0.contains("for platform") })
        let narrative = LintFixture.platformNarrative + "\nFailures rose to {{ value change_failure_rate }}: a new deploy path.\n"
        #expect(!LintFixture.findings(.worseWhileUsageRose, ["data/values.csv": data,
                                                            "narratives/teams/platform/2026-Q2.md": narrative])
            .contains { $0.contains("for platform") })
    }

    @Test func worseWithoutAUsageRiseIsQuiet() {
        let data = LintFixture.data(replacing: "2026-Q2,payments,3.8,14.0,1.8,45", with: "2026-Q2,payments,3.8,16.5,1.8,40")
        #expect(!LintFixture.findings(.worseWhileUsageRose, ["data/values.csv": data]).contains { $0.contains("for payments") })
    }
}

/// The byte search D108 uses to see whether a narrative speaks of a metric.
@Suite struct MentionTests {
    @Test func findsAnIdAnywhereInTheMarkdown() {
        #expect(ReportLint.mentions("Failures: {{ value change_failure_rate }}.", "change_failure_rate"))
        #expect(ReportLint.mentions("```chart\nmetric: rework_rate", "rework_rate"), "at the very end")
        #expect(ReportLint.mentions("rework_rate first", "rework_rate"), "at the very start")
        #expect(!ReportLint.mentions("rework rate, in words", "rework_rate"))
        #expect(!ReportLint.mentions("csa", "csat"), "a needle longer than the text")
        #expect(!ReportLint.mentions("anything", ""))
    }
}
