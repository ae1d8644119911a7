import ReportModel
import Testing
@testable import Importing

@Suite("Team-quarter roll-up")
struct QuarterlyRollUpTests {
    let q3 = Period("2025-Q3")!
    let q4 = Period("2025-Q4")!

    func cell(_ team: String, _ period: Period) -> QuarterlyRollUp.TeamQuarter {
        QuarterlyRollUp.TeamQuarter(team: team, period: period)
    }

    func metric(_ id: MetricID, _ rule: ImportedMetric.Rule) -> ImportedMetric {
        ImportedMetric(id: id, name: id.rawValue, unit: "u", aggregate: .mean, description: "d", rule: rule)
    }

    func rows(_ outcome: QuarterlyRollUp.Outcome) -> [String] {
        outcome.values.map { "\($0.period) \($0.team) \($0.metric) \(CSVNumber.format($0.value)) n=\($0.n)" }
    }

    @Test("a ratio is the sum of numerators over the sum of denominators, not a mean of ratios")
    func ratio() {
        var rollUp = QuarterlyRollUp()
        // Person 0 accepted 1 of 10, person 1 accepted 9 of 30: 10 of 40 is 25%, not (10% + 30%) / 2.
        rollUp.add("rate", 1, over: 10, in: cell("a", q3), person: 0)
        rollUp.add("rate", 9, over: 30, in: cell("a", q3), person: 1)
        for person in 2..<5 { rollUp.addMember(person, to: cell("a", q3)) }
        let outcome = rollUp.values(for: [metric("rate", .ratio(scale: 100))], minGroupSize: 2)
        #expect(rows(outcome) == ["2025-Q3 a rate 25 n=2"])
    }

    @Test("a ratio without people takes the size the feed reported, the largest in the quarter")
    func reportedSize() {
        var rollUp = QuarterlyRollUp()
        for active in [7, 8, 6] {
            rollUp.reportSize(active, of: cell("a", q3))
            rollUp.add("daily", Double(active), over: 1, in: cell("a", q3))
        }
        #expect(rows(rollUp.values(for: [metric("daily", .ratio(scale: 1))], minGroupSize: 5)) == ["2025-Q3 a daily 7 n=8"])
    }

    @Test("shares and counts are over the team-quarter's people; a declared metric with no one marked is 0")
    func shares() {
        var rollUp = QuarterlyRollUp()
        for person in 0..<8 { rollUp.addMember(person, to: cell("a", q3)) }
        rollUp.mark("share", person: 0, in: cell("a", q3))
        rollUp.mark("share", person: 0, in: cell("a", q3))
        rollUp.mark("share", person: 5, in: cell("a", q3))
        rollUp.mark("count", person: 5, in: cell("a", q3))
        rollUp.declare("unused", in: cell("a", q3))
        let outcome = rollUp.values(for: [metric("share", .share), metric("count", .people), metric("unused", .share),
                                          metric("absent", .share)], minGroupSize: 5)
        #expect(rows(outcome) == ["2025-Q3 a count 1 n=8", "2025-Q3 a share 25 n=8", "2025-Q3 a unused 0 n=8"])
    }

    @Test("the weighted median weighs each sample; exactly halfway it is the mean of the two middle values")
    func weightedMedian() {
        var rollUp = QuarterlyRollUp()
        // Sorted: 45 (1), 60 (2), 90 (1), 120 (1), 300 (1): half of 6 is reached exactly at 60.
        for (person, (minutes, merged)) in [(120.0, 1.0), (60, 2), (300, 1), (90, 1), (45, 1)].enumerated() {
            rollUp.sample("ttm", minutes, weight: merged, person: person, in: cell("a", q4))
        }
        // Sorted: 10 (3), 20 (1), 500 (1): more than half the weight is at 10.
        for (person, (minutes, merged)) in [(500.0, 1.0), (10, 3), (20, 1)].enumerated() {
            rollUp.sample("ttm", minutes, weight: merged, person: person, in: cell("b", q4))
        }
        let outcome = rollUp.values(for: [metric("ttm", .weightedMedian)], minGroupSize: 3)
        #expect(rows(outcome) == ["2025-Q4 a ttm 75 n=5", "2025-Q4 b ttm 10 n=3"])
    }

    @Test("a sum is the numerators added up, per week it is over the quarter's weeks; n is the team-quarter's size")
    func sums() {
        var rollUp = QuarterlyRollUp()
        for person in 0..<6 { rollUp.addMember(person, to: cell("a", q3)) }
        // Five events from two of the six people: the count stands for the team, so n is 6.
        for person in [0, 0, 1, 1, 1] { rollUp.add("events", 1, over: 1, in: cell("a", q3), person: person) }
        for person in [0, 0, 1, 1, 1] { rollUp.add("weekly", 1, over: 1, in: cell("a", q3), person: person) }
        rollUp.declare("none", in: cell("a", q3))
        // 2025-Q3 has 92 days: 5 events over 92/7 weeks is 35/92 = 0.38043… a week.
        let outcome = rollUp.values(for: [metric("events", .sum), metric("weekly", .sumPerWeek), metric("none", .sum)],
                                    minGroupSize: 5)
        #expect(rows(outcome) == ["2025-Q3 a events 5 n=6", "2025-Q3 a none 0 n=6", "2025-Q3 a weekly 0.3804 n=6"])
    }

    @Test("samples and ratios without people stand for the size the feed reported")
    func withoutPeople() {
        var rollUp = QuarterlyRollUp()
        rollUp.reportSize(8, of: cell("a", q3))
        for hours in [2.0, 6, 4] { rollUp.sample("ttr", hours, weight: 1, person: nil, in: cell("a", q3)) }
        rollUp.add("share", 1, over: 1, in: cell("a", q3))
        rollUp.add("share", 0, over: 1, in: cell("a", q3))
        let outcome = rollUp.values(for: [metric("ttr", .weightedMedian), metric("share", .ratio(scale: 100))],
                                    minGroupSize: 5)
        #expect(rows(outcome) == ["2025-Q3 a share 50 n=8", "2025-Q3 a ttr 4 n=8"])
    }

    @Test("team-quarters under the minimum group size give nothing and are counted; so are thin values")
    func suppression() {
        var rollUp = QuarterlyRollUp()
        for person in 0..<5 { rollUp.add("rate", 1, over: 2, in: cell("big", q3), person: person) }
        for person in 0..<4 { rollUp.add("rate", 1, over: 2, in: cell("small", q3), person: person) }
        for person in 0..<4 { rollUp.add("rate", 1, over: 2, in: cell("small", q4), person: person) }
        // Only two of big's five people merged a pull request: that value rests on too few.
        rollUp.sample("ttm", 30, weight: 1, person: 0, in: cell("big", q3))
        rollUp.sample("ttm", 50, weight: 1, person: 1, in: cell("big", q3))
        let outcome = rollUp.values(for: [metric("rate", .ratio(scale: 100)), metric("ttm", .weightedMedian)],
                                    minGroupSize: 5)
        #expect(rows(outcome) == ["2025-Q3 big rate 50 n=5"])
        #expect(outcome.leftOutTeamQuarters == 2)
        #expect(outcome.leftOutValues == 1)
        #expect(outcome.people == 5)
    }

    @Test("a value beyond what Discern accepts is counted, not written")
    func outOfRange() {
        var rollUp = QuarterlyRollUp()
        for person in 0..<5 { rollUp.add("rate", 1e15, over: 0.1, in: cell("a", q3), person: person) }
        let outcome = rollUp.values(for: [metric("rate", .ratio(scale: 1))], minGroupSize: 5)
        #expect(outcome.values.isEmpty)
        #expect(outcome.outOfRange == 1)
    }

    @Test("values are sorted by quarter, team and metric whatever order they came in")
    func order() {
        var rollUp = QuarterlyRollUp()
        for (team, period) in [("b", q4), ("a", q4), ("b", q3), ("a", q3)] {
            for person in 0..<5 {
                rollUp.add("z", 1, over: 1, in: cell(team, period), person: person)
                rollUp.add("y", 1, over: 1, in: cell(team, period), person: person)
            }
        }
        let outcome = rollUp.values(for: [metric("z", .ratio(scale: 1)), metric("y", .ratio(scale: 1))], minGroupSize: 5)
        #expect(outcome.values.map { "\($0.period) \($0.team) \($0.metric)" } == [
            "2025-Q3 a y", "2025-Q3 a z", "2025-Q3 b y", "2025-Q3 b z",
            "2025-Q4 a y", "2025-Q4 a z", "2025-Q4 b y", "2025-Q4 b z",
        ])
    }
}
