import ReportModel
import Testing
@testable import Analysis

/// The memo a watched build keeps of rule 6: an analysis of edited content audits only the
/// chains (a metric, or a whole, over its quarters) whose inputs changed, and ends where a
/// fresh analysis would.
@Suite("The audit memo")
struct AuditMemoTests {
    /// Two metrics with the same teams, each one chain of two quarters that rule 6 must
    /// work on (see StablePatternTests).
    static func twoMetrics() -> ModelBuilder {
        var model = StablePatternTests.swappingCounts()
        model.metrics.append(Metric(id: "other", name: "Other", category: .outcome, unit: "%", aggregate: .weightedMean,
                                    format: .percent))
        for observation in model.observations {
            model.value("other", observation.scope.description, observation.value, n: observation.n,
                        period: observation.period.description)
        }
        return model
    }

    static func expectSame(_ reused: Report, _ fresh: Report) {
        #expect(reused.suppression.hiddenValues == fresh.suppression.hiddenValues)
        #expect(reused.suppression.unprotectable.map(\.key) == fresh.suppression.unprotectable.map(\.key))
        #expect(reused.diagnostics == fresh.diagnostics)
    }

    @Test("with nothing changed, every chain's outcome is reused")
    func unchanged() {
        let content = Self.twoMetrics().content
        let first = Report(content: content)
        #expect(first.auditedChainCount == 2 && first.reusedChainCount == 0)
        #expect(first.suppression.hiddenValues.values.contains(.complementary), "rule 6 has work to do")
        let again = Report(content: content, reusing: first.auditMemo)
        #expect(again.auditedChainCount == 0 && again.reusedChainCount == 2)
        Self.expectSame(again, first)
    }

    @Test("after one metric's observations change, only its chain is audited, and the result is a fresh analysis's")
    func oneMetricChanged() {
        let model = Self.twoMetrics()
        let first = Report(content: model.content)
        var edited = model
        // C2 now answers for fewer people in the second quarter than C1 did in the first,
        // and Tiny's value moves: a different table for rule 6.
        edited.observations = model.observations.map { observation in
            guard observation.metric == "other", observation.period == q2,
                  observation.scope == .team("tiny") || observation.scope == .team("c2") else { return observation }
            let value = observation.scope == .team("tiny") ? 95 : observation.value
            return Observation(period: q2, scope: observation.scope, metric: "other", value: value,
                               n: observation.scope == .team("c2") ? 5 : observation.n)
        }
        let reused = Report(content: edited.content, reusing: first.auditMemo)
        #expect(reused.auditedChainCount == 1 && reused.reusedChainCount == 1)
        Self.expectSame(reused, Report(content: edited.content))
    }

    @Test("a memo is never used for other settings or another organization, whatever it was made from")
    func otherInputs() {
        let model = Self.twoMetrics()
        let first = Report(content: model.content)
        var stricter = model.content
        stricter.site.protection = 0.3
        let protected = Report(content: stricter, reusing: first.auditMemo)
        #expect(protected.auditedChainCount == 2 && protected.reusedChainCount == 0)
        Self.expectSame(protected, Report(content: stricter))

        var bigger = model
        bigger.teams = model.teams.map { team in
            team.id == "big" ? Team(id: team.id, name: team.name, parent: team.parent, headcount: 12) : team
        }
        let regrown = Report(content: bigger.content, reusing: first.auditMemo)
        #expect(regrown.auditedChainCount == 2 && regrown.reusedChainCount == 0)
        Self.expectSame(regrown, Report(content: bigger.content))
    }
}
