import Testing
import ReportModel
@testable import Analysis

@Suite("Changes, baselines and targets")
struct ChangeTests {
    @Test("a change is judged by the metric's direction")
    func assessment() {
        #expect(Change(from: 5, to: 4, better: .lower).assessment == .better)
        #expect(Change(from: 5, to: 6, better: .lower).assessment == .worse)
        #expect(Change(from: 5, to: 6, better: .higher).assessment == .better)
        #expect(Change(from: 5, to: 5, better: .higher).assessment == .unchanged)
        #expect(Change(from: 0.1 + 0.2, to: 0.3, better: .higher).assessment == .unchanged)
        #expect(Change(from: 40, to: 70, better: .neutral).assessment == .neutral)
    }

    @Test("delta and relative change")
    func arithmetic() {
        let change = Change(from: 4, to: 3, better: .lower)
        #expect(change.delta == -1)
        #expect(change.relative == -0.25)
        #expect(Change(from: 0, to: 3, better: .higher).relative == nil)
        #expect(Change(from: -2, to: -1, better: .higher).relative == 0.5)
    }

    @Test("targets are met from the right side")
    func targets() {
        #expect(TargetGap(target: 3, value: 2.5, better: .lower).isMet == true)
        #expect(TargetGap(target: 3, value: 3.5, better: .lower).isMet == false)
        #expect(TargetGap(target: 80, value: 85, better: .higher).isMet == true)
        #expect(TargetGap(target: 80, value: 85, better: .higher).distance == 5)
        #expect(TargetGap(target: 80, value: 85, better: .neutral).isMet == nil)
    }

    func report() -> Report {
        var model = ModelBuilder()
        model.team("a", headcount: 10)
        model.team("b", headcount: 12)
        model.metric("cycle", .weightedMean, better: .lower, target: 3, baseline: "2025-Q3")
        for (period, a, b) in [("2025-Q3", 5.0, 6.0), ("2025-Q4", 4.5, 6.0), ("2026-Q1", 4.0, 5.5)] {
            model.value("cycle", "a", a, period: period)
            model.value("cycle", "b", b, period: period)
        }
        return model.report
    }

    @Test("the report gives change from the previous quarter and from the baseline")
    func reportChanges() throws {
        let report = report()
        let previous = try #require(report.change("cycle", for: .team("a"), in: q1))
        #expect(previous.from == 4.5 && previous.to == 4 && previous.assessment == .better)
        let baseline = try #require(report.changeFromBaseline("cycle", for: .team("b"), in: q1))
        #expect(baseline.from == 6 && baseline.to == 5.5)
        let orgBaseline = try #require(report.changeFromBaseline("cycle", for: .organization, in: q1))
        // (10·5 + 12·6) / 22 = 5.545…, shown (and so compared) as 5.5.
        #expect(orgBaseline.from == 5.5)
        #expect(report.change("cycle", for: .team("a"), in: Period("2025-Q3")!) == nil)
    }

    @Test("the report gives the distance to target")
    func reportTarget() throws {
        let gap = try #require(report().targetGap("cycle", for: .team("a"), in: q1))
        #expect(gap.distance == 1)
        #expect(gap.isMet == false)
    }
}

/// A change shown beside two values says no more than they do: it is their difference as
/// shown. From exact values, "−0.6" beside 5.1 and 4.6 would tell a reader that the first
/// was at least 5.1 and the second under 4.6, narrowing both past their rounding.
@Suite("Changes say no more than the values beside them")
struct ChangeDisclosureTests {
    @Test("the change between two quarters is the difference of the values as shown")
    func shownDifference() throws {
        var model = ModelBuilder()
        model.team("a", headcount: 9)
        model.metrics.append(Metric(id: "m", name: "m", category: .outcome, unit: "days", better: .lower,
                                    aggregate: .mean, decimals: 1))
        model.value("m", "a", 5.14)
        model.value("m", "a", 4.56, period: "2026-Q2")
        let change = try #require(model.report.change("m", for: .team("a"), in: q2))
        #expect(abs(change.delta - (4.6 - 5.1)) < 1e-9, "\(change.delta)")
        #expect(change.from == 5.1 && change.to == 4.6)
    }
}
