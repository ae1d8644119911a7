import Testing
import ReportModel
@testable import Analysis

@Suite("Roll-ups to groups and the organization")
struct RollUpTests {
    /// org ─┬─ tools (group) ─┬─ a (10 people) = 1
    ///      │                 └─ b (30 people) = 3
    ///      └─ c (20 people) = 6
    func rolled(_ aggregate: Metric.Aggregation) -> RollUp {
        var model = ModelBuilder()
        model.team("tools")
        model.team("a", parent: "tools", headcount: 10)
        model.team("b", parent: "tools", headcount: 30)
        model.team("c", headcount: 20)
        model.metric("m", aggregate)
        model.value("m", "a", 1, n: 8)
        model.value("m", "b", 3, n: 25)
        model.value("m", "c", 6, n: 15)
        return RollUp(content: model.content)
    }

    @Test("each aggregate rule gives the right group and organization value",
          arguments: [
              (Metric.Aggregation.sum, 4.0, 10.0),
              (.mean, 2.0, 10.0 / 3),
              (.weightedMean, 2.5, 220.0 / 60),
              (.median, 2.0, 3.0),
              (.min, 1.0, 1.0),
              (.max, 3.0, 6.0),
          ])
    func rules(aggregate: Metric.Aggregation, group: Double, organization: Double) throws {
        let rollUp = rolled(aggregate)
        let groupValue = try #require(rollUp.cell(.team("tools"), "m", q1)?.value)
        let orgValue = try #require(rollUp.cell(.organization, "m", q1)?.value)
        #expect(abs(groupValue - group) < 1e-12)
        #expect(abs(orgValue - organization) < 1e-12)
    }

    @Test("a roll-up says how many contributed, and sums n when every member has one")
    func provenance() {
        let rollUp = rolled(.mean)
        #expect(rollUp.cell(.team("tools"), "m", q1)?.source == .rolledUp(contributors: 2))
        #expect(rollUp.cell(.organization, "m", q1)?.source == .rolledUp(contributors: 3))
        #expect(rollUp.cell(.organization, "m", q1)?.n == 48)
        #expect(rollUp.cell(.team("a"), "m", q1)?.source == .measured)
    }

    @Test("a value given for a group takes the roll-up's place, and its parent uses it")
    func givenValue() {
        var model = ModelBuilder()
        model.team("tools")
        model.team("a", parent: "tools", headcount: 10)
        model.team("c", headcount: 20)
        model.metric("m", .sum)
        model.value("m", "a", 1)
        model.value("m", "tools", 100)
        model.value("m", "c", 6)
        let rollUp = RollUp(content: model.content)
        #expect(rollUp.cell(.team("tools"), "m", q1) == RollUp.Cell(value: 100, n: nil, source: .given))
        #expect(rollUp.cell(.organization, "m", q1)?.value == 106)
    }

    @Test("missing values are left out, never counted as zero")
    func missing() {
        var model = ModelBuilder()
        model.team("a", headcount: 10)
        model.team("b", headcount: 10)
        model.metric("m", .mean)
        model.value("m", "a", 4)
        let rollUp = RollUp(content: model.content)
        #expect(rollUp.cell(.organization, "m", q1)?.value == 4)
        #expect(rollUp.cell(.team("b"), "m", q1) == nil)
        #expect(rollUp.cell(.organization, "m", q2) == nil)
    }

    @Test("n is unknown for a roll-up when a member's n is unknown")
    func partialN() {
        var model = ModelBuilder()
        model.team("a", headcount: 10)
        model.team("b", headcount: 10)
        model.metric("m")
        model.value("m", "a", 4, n: 9)
        model.value("m", "b", 5)
        #expect(RollUp(content: model.content).cell(.organization, "m", q1)?.n == nil)
    }
}
