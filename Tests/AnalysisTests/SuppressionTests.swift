import Testing
import ReportModel
@testable import Analysis

@Suite("Privacy: small groups, few respondents, and no subtraction")
struct SuppressionTests {
    @Test("a team below the minimum group size is invisible, yet counts toward its group")
    func smallTeam() {
        var model = ModelBuilder()
        model.team("eng")
        model.team("tiny", parent: "eng", headcount: 3)
        model.team("big", parent: "eng", headcount: 10)
        model.team("mid", parent: "eng", headcount: 8)
        model.metric("m", .sum)
        model.value("m", "tiny", 1)
        model.value("m", "big", 10)
        model.value("m", "mid", 100)
        let report = model.report
        #expect(report.suppression.suppressedTeams == ["tiny"])
        #expect(!report.isVisible(.team("tiny")))
        #expect(report.reading("m", for: .team("tiny"), in: q1) == nil)
        #expect(!report.visibleTeams.map(\.id).contains("tiny"))
        #expect(report.value("m", for: .team("eng"), in: q1) == 111)
    }

    @Test("one suppressed member hides the next-smallest sibling too")
    func complementary() {
        var model = ModelBuilder()
        model.team("eng")
        model.team("tiny", parent: "eng", headcount: 3)
        model.team("big", parent: "eng", headcount: 10)
        model.team("mid", parent: "eng", headcount: 8)
        model.metric("m", .sum)
        for id in ["tiny", "big", "mid"] { model.value("m", id, 1) }
        let report = model.report
        #expect(report.reading("m", for: .team("mid"), in: q1)?.suppression == .complementary)
        #expect(report.reading("m", for: .team("mid"), in: q1)?.value == nil)
        #expect(report.value("m", for: .team("big"), in: q1) == 1)
        #expect(report.value("m", for: .team("eng"), in: q1) == 3)
    }

    @Test("two hidden members that together are too small hide a third")
    func hiddenRemainderTooSmall() {
        var model = ModelBuilder()
        model.team("a", headcount: 2)
        model.team("b", headcount: 2)
        model.team("c", headcount: 10)
        model.team("d", headcount: 12)
        model.metric("m", .sum)
        for id in ["a", "b", "c", "d"] { model.value("m", id, 1) }
        let report = model.report
        #expect(report.reading("m", for: .team("c"), in: q1)?.suppression == .complementary)
        #expect(report.value("m", for: .team("d"), in: q1) == 1)
        #expect(report.value("m", for: .organization, in: q1) == 4)
    }

    @Test("when no sibling team can be hidden, the group's own value is hidden, and its parent protects it")
    func hideGroupValue() {
        var model = ModelBuilder()
        model.team("eng")
        model.team("tiny", parent: "eng", headcount: 3)
        model.team("sub", parent: "eng")
        model.team("x", parent: "sub", headcount: 6)
        model.team("y", parent: "sub", headcount: 7)
        model.team("ops", headcount: 9)
        model.metric("m", .sum)
        for id in ["tiny", "x", "y", "ops"] { model.value("m", id, 1) }
        let report = model.report
        // Hiding `sub` would not help: x and y are published and add up to it.
        #expect(report.value("m", for: .team("sub"), in: q1) == 2)
        #expect(report.reading("m", for: .team("eng"), in: q1)?.suppression == .complementary)
        // eng is now hidden with a suppressed team inside; ops is hidden so org − ops ≠ eng.
        #expect(report.reading("m", for: .team("ops"), in: q1)?.suppression == .complementary)
        #expect(report.value("m", for: .organization, in: q1) == 4)
    }

    @Test("a value with few respondents is hidden and its count stays visible")
    func fewPeople() throws {
        var model = ModelBuilder()
        model.team("a", headcount: 20)
        model.team("b", headcount: 20)
        model.team("c", headcount: 20)
        model.metric("survey")
        model.metric("strict", minN: 10)
        model.value("survey", "a", 3.1, n: 4)
        model.value("survey", "b", 3.5, n: 12)
        model.value("survey", "c", 3.9, n: 15)
        model.value("strict", "b", 3.5, n: 8)
        let report = model.report
        let hidden = try #require(report.reading("survey", for: .team("a"), in: q1))
        #expect(hidden.value == nil)
        #expect(hidden.n == 4)
        #expect(hidden.suppression == .fewPeople(minimum: 5))
        #expect(report.reading("strict", for: .team("b"), in: q1)?.suppression == .fewPeople(minimum: 10))
        #expect(report.reading("survey", for: .team("b"), in: q1)?.suppression == .complementary)
        #expect(report.value("survey", for: .team("c"), in: q1) == 3.9)
    }

    @Test("changes and targets are never computed from a hidden value")
    func noDerivedNumbers() {
        var model = ModelBuilder()
        model.team("a", headcount: 20)
        model.team("b", headcount: 20)
        model.metric("m", target: 1)
        model.value("m", "a", 3, n: 4, period: "2025-Q4")
        model.value("m", "a", 3, n: 12)
        model.value("m", "b", 3, n: 12)
        let report = model.report
        #expect(report.change("m", for: .team("a"), in: q1) == nil)
        #expect(report.targetGap("m", for: .team("a"), in: q1) != nil)
    }
}

@Suite("Privacy: values given for a group directly")
struct GivenValueSuppressionTests {
    @Test("a value given for the organization cannot be used to subtract back a hidden team")
    func givenOrganizationValue() {
        // Review finding: c = (23·org − 10a − 10b) / 3 when org is given as the mean of the same answers.
        var model = ModelBuilder()
        model.team("a", headcount: 20)
        model.team("b", headcount: 20)
        model.team("c", headcount: 20)
        model.metric("m")
        model.value("m", "a", 80, n: 10)
        model.value("m", "b", 60, n: 10)
        model.value("m", "c", 20, n: 3)
        model.value("m", "org", 63.478, n: 23)
        let report = model.report
        #expect(report.reading("m", for: .team("c"), in: q1)?.suppression == .fewPeople(minimum: 5))
        let open = ["a", "b"].filter { report.value("m", for: .team($0), in: q1) != nil }
        #expect(open.count < 2 || report.value("m", for: .organization, in: q1) == nil)
    }
}

@Suite("Privacy: counts that would reveal a suppressed team")
struct CountDerivationTests {
    func model() -> ModelBuilder {
        var model = ModelBuilder()
        model.team("g1")
        model.team("a", parent: "g1", headcount: 10)
        model.team("b", parent: "g1", headcount: 8)
        model.team("tiny", parent: "g1", headcount: 3)
        model.team("c", headcount: 12)
        model.metric("m", .sum)
        for (id, n) in [("a", 10), ("b", 8), ("tiny", 3), ("c", 12)] { model.value("m", id, 1, n: n) }
        return model
    }

    @Test("a roll-up including a suppressed team shows no n, and says so instead of counting teams")
    func noCounts() throws {
        let report = model().report
        let group = try #require(report.reading("m", for: .team("g1"), in: q1))
        #expect(group.n == nil)
        #expect(group.includesUnlistedTeams)
        #expect(report.reading("m", for: .team("a"), in: q1)?.n == 10, "a team's own count stays visible")
    }

    @Test("headcounts shown leave out suppressed teams")
    func headcounts() {
        let report = model().report
        #expect(report.visibleHeadcount(of: .team("g1")) == 18)
        #expect(report.visibleHeadcount(of: .organization) == 30)
        #expect(report.organization.headcount(of: .team("g1")) == 21, "roll-ups still weigh every team")
    }

    @Test("a quarter in which only a suppressed team has data is not listed")
    func quarters() {
        var model = model()
        model.value("m", "tiny", 5, n: 3, period: "2026-Q2")
        let report = model.report
        #expect(report.periods == [q1])
    }
}
