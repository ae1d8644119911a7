import Testing
import TestSupport
import ReportModel
@testable import Analysis

/// Min, max and median publish one contributor's exact value: a group's `max` that
/// equals none of its visible members' values is a hidden member's value. Such a
/// roll-up is published only when every contributor's value is.
@Suite("Privacy: min, max and median over hidden contributors")
struct OrderStatisticSuppressionTests {
    /// eng = {tiny (3 people, suppressed), big (10), mid (8)}: complementary suppression
    /// hides mid, so two of the three contributors are concealed.
    func model(_ aggregate: Metric.Aggregation) -> ModelBuilder {
        var model = ModelBuilder()
        model.team("eng")
        model.team("tiny", parent: "eng", headcount: 3)
        model.team("big", parent: "eng", headcount: 10)
        model.team("mid", parent: "eng", headcount: 8)
        model.team("ops", headcount: 9)
        model.metric("m", aggregate)
        model.value("m", "tiny", 50)
        model.value("m", "big", 10)
        model.value("m", "mid", 20)
        model.value("m", "ops", 30)
        return model
    }

    @Test("a group's order statistic over a hidden member is not published", arguments: [Metric.Aggregation.min, .max, .median])
    func hiddenMember(aggregate: Metric.Aggregation) throws {
        let report = model(aggregate).report
        // The attack: with max, eng reads 50, which neither big (10) nor any other
        // published value is, so 50 is tiny's or mid's own answer.
        #expect(report.rollUp.cell(.team("eng"), "m", q1) != nil)
        #expect(report.value("m", for: .team("eng"), in: q1) == nil)
        #expect(report.reading("m", for: .team("eng"), in: q1)?.isSuppressed == true)
        #expect(report.value("m", for: .organization, in: q1) == nil, "the organization's contributors include tiny too")
    }

    @Test("an order statistic whose contributors are all published is published")
    func allVisible() {
        var model = ModelBuilder()
        model.team("eng")
        model.team("a", parent: "eng", headcount: 10)
        model.team("b", parent: "eng", headcount: 8)
        model.metric("m", .max)
        model.value("m", "a", 10)
        model.value("m", "b", 20)
        #expect(model.report.value("m", for: .team("eng"), in: q1) == 20)
    }

    @Test("a member hidden for few respondents conceals it too")
    func fewRespondents() {
        var model = ModelBuilder()
        model.team("a", headcount: 20)
        model.team("b", headcount: 20)
        model.team("c", headcount: 20)
        model.metric("m", .min)
        model.value("m", "a", 1, n: 3)
        model.value("m", "b", 5, n: 12)
        model.value("m", "c", 7, n: 12)
        let report = model.report
        #expect(report.value("m", for: .team("a"), in: q1) == nil)
        #expect(report.value("m", for: .organization, in: q1) == nil)
    }

    @Test("random trees: every published min, max or median has only published contributors",
          arguments: [Metric.Aggregation.min, .max, .median])
    func randomTrees(aggregate: Metric.Aggregation) {
        var random = SplitMix64(seed: 0x05D_57A7 &+ UInt64(aggregate.rawValue.count))
        var checked = 0
        for _ in 0..<250 {
            let report = RandomOrganization.make(aggregate: aggregate, using: &random).report
            for scope in [Scope.organization] + report.organization.teams.filter({ report.organization.isGroup($0.id) }).map({ .team($0.id) }) {
                guard report.value("m", for: scope, in: q1) != nil,
                      case .rolledUp = report.rollUp.cell(scope, "m", q1)?.source else { continue }
                let contributors = report.rollUp.contributors(of: scope, metric: "m", period: q1, in: report.organization)
                for contributor in contributors {
                    #expect(report.value("m", for: contributor.scope, in: q1) != nil,
                            "\(scope) publishes its \(aggregate.rawValue) over hidden \(contributor.scope)")
                }
                checked += 1
            }
        }
        #expect(checked > 50, "the random trees publish enough roll-ups to test")
    }
}

@Suite("Privacy: the n of a value given for a group")
struct GivenCountTests {
    @Test("a given value's n is hidden when it includes a suppressed team")
    func givenN() throws {
        // eng's n = 21 is given; big's 10 and mid's 8 stay visible (a hidden value's count
        // is shown), so tiny's n would be 21 − 10 − 8 = 3.
        var model = ModelBuilder()
        model.team("eng")
        model.team("tiny", parent: "eng", headcount: 3)
        model.team("big", parent: "eng", headcount: 10)
        model.team("mid", parent: "eng", headcount: 8)
        model.metric("m")
        model.value("m", "tiny", 4, n: 3)
        model.value("m", "big", 3, n: 10)
        model.value("m", "mid", 2, n: 8)
        model.value("m", "eng", 3, n: 21)
        let report = model.report
        let eng = try #require(report.reading("m", for: .team("eng"), in: q1))
        #expect(eng.n == nil)
        #expect(eng.includesUnlistedTeams)
        #expect(report.reading("m", for: .team("big"), in: q1)?.n == 10)
    }

    @Test("a given value's n stays when every team in the group may be shown")
    func givenNVisible() {
        var model = ModelBuilder()
        model.team("eng")
        model.team("big", parent: "eng", headcount: 10)
        model.team("mid", parent: "eng", headcount: 8)
        model.metric("m")
        model.value("m", "big", 3, n: 10)
        model.value("m", "mid", 2, n: 8)
        model.value("m", "eng", 3, n: 18)
        #expect(model.report.reading("m", for: .team("eng"), in: q1)?.n == 18)
    }
}
