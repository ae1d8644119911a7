import Testing
import Formatting
import ReportModel
@testable import Analysis

@Suite("Better or worse only beyond noise")
struct NoiseTests {
    @Test("an interval of the difference that includes zero, or a move under min_change, is no clear change")
    func rule() {
        #expect(Change(from: 5, to: 4.9, better: .lower, noise: .minChange(0.2)).assessment == .unclear)
        // 3.5 − 3.3 is 0.2000000000000002 in binary, 3.4 − 3.2 is 0.1999999999999997: both are the
        // smallest change that matters, so both count.
        #expect(Change(from: 3.3, to: 3.5, better: .higher, noise: .minChange(0.2)).assessment == .better)
        #expect(Change(from: 3.4, to: 3.2, better: .higher, noise: .minChange(0.2)).assessment == .worse)
        #expect(Change(from: 40, to: 45, better: .higher, noise: .interval(Interval(low: -1, high: 11))).assessment == .unclear)
        #expect(Change(from: 40, to: 45, better: .lower, noise: .interval(Interval(low: 1, high: 9))).assessment == .worse)
        #expect(Change(from: 40, to: 45, better: .higher, noise: .unmeasured).assessment == .unclear)
        #expect(Change(from: 40, to: 40.1, better: .higher, noise: .census).assessment == .better)
        #expect(Change(from: 40, to: 40.1, better: .higher).assessment == .better)
        #expect(Change(from: 40, to: 40, better: .higher, noise: .unmeasured).assessment == .unchanged)
        #expect(Change(from: 40, to: 70, better: .neutral, noise: .minChange(1)).assessment == .neutral)
    }

    @Test("words and classes: the arrow is the direction, the words and colour the judgment")
    func words() {
        let metric = Metric(id: "lead", name: "Lead time", category: .outcome, unit: "days", better: .lower, decimals: 1)
        let small = Change(from: 2.8, to: 2.7, better: .lower, noise: .minChange(0.2))
        #expect(ValueFormatter.change(small, for: metric).text == "−0.1 days (no clear change)")
        #expect(ValueFormatter.classes(of: small, for: metric) == "delta delta-unclear delta-down")
        let fall = Change(from: 3.3, to: 2.7, better: .lower, noise: .minChange(0.2))
        #expect(ValueFormatter.change(fall, for: metric).text == "−0.6 days (better)")
        #expect(ValueFormatter.classes(of: fall, for: metric) == "delta delta-better delta-down")
        let rise = Change(from: 2.7, to: 3.3, better: .lower)
        #expect(ValueFormatter.classes(of: rise, for: metric) == "delta delta-worse delta-up")
    }

    func survey(_ uncertainty: Metric.Uncertainty?, minChange: Double? = nil) -> ModelBuilder {
        var model = ModelBuilder()
        model.team("a", headcount: 90)
        model.team("b", headcount: 90)
        model.metrics.append(Metric(id: "agree", name: "Agree", category: .sentiment, unit: "%", better: .higher,
                                    aggregate: .weightedMean, format: .percent, decimals: 0,
                                    uncertainty: uncertainty, minChange: minChange))
        return model
    }

    @Test("two survey shares are judged by Newcombe's interval from the published n")
    func shares() throws {
        // Newcombe's example a, turned round: 48/80 = 60% then 56/70 = 80%: 0.0524 to 0.3339.
        var model = survey(.wilson)
        model.value("agree", "a", 60, n: 80, period: "2026-Q1")
        model.value("agree", "a", 80, n: 70, period: "2026-Q2")
        // A one-point move in a 30-person survey.
        model.value("agree", "b", 50, n: 30, period: "2026-Q1")
        model.value("agree", "b", 51, n: 30, period: "2026-Q2")
        let report = model.report
        let clear = try #require(report.change("agree", for: .team("a"), in: q2))
        #expect(clear.assessment == .better)
        let difference = try #require(clear.difference)
        #expect(abs(difference.low - 5.24314724) < 1e-6 && abs(difference.high - 33.3872654) < 1e-6)
        #expect(try #require(report.change("agree", for: .team("b"), in: q2)).assessment == .unclear)
        // Wilson for 80% of 70: 69.18% to 87.70%, so ± 11 (the longer side, 80 − 69.18, rounds to 11).
        let interval = try #require(report.interval("agree", for: .team("a"), in: q2))
        #expect(abs(interval.low - 69.18335550) < 1e-6)
        #expect(report.margin("agree", for: .team("a"), in: q2) == 11)
    }

    @Test("without an n a Wilson metric falls back to min_change, and without that calls nothing clear")
    func missingN() throws {
        var model = survey(.wilson)
        model.value("agree", "a", 60, period: "2026-Q1")
        model.value("agree", "a", 80, period: "2026-Q2")
        #expect(try #require(model.report.change("agree", for: .team("a"), in: q2)).noise == .unmeasured)
        #expect(model.report.interval("agree", for: .team("a"), in: q2) == nil)
        var declared = survey(.wilson, minChange: 5)
        declared.observations = model.observations
        #expect(try #require(declared.report.change("agree", for: .team("a"), in: q2)).assessment == .better)
    }

    @Test("counts are judged by √(k₁ + k₂), and given intervals by their implied standard errors")
    func countsAndGiven() throws {
        var model = ModelBuilder()
        model.team("a", headcount: 9)
        model.metrics.append(Metric(id: "incidents", name: "Incidents", category: .quality, unit: "incidents",
                                    better: .lower, aggregate: .sum, format: .integer, uncertainty: .poisson))
        model.metrics.append(Metric(id: "score", name: "Score", category: .outcome, unit: "points",
                                    better: .higher, aggregate: .mean, decimals: 1, uncertainty: .given))
        model.value("incidents", "a", 4, period: "2026-Q1")
        model.value("incidents", "a", 1, period: "2026-Q2")
        model.observations.append(Observation(period: q1, scope: .team("a"), metric: "score", value: 50,
                                              spread: .interval(low: 46, high: 54)))
        model.observations.append(Observation(period: q2, scope: .team("a"), metric: "score", value: 58, n: 25,
                                              spread: .standardDeviation(10)))
        let report = model.report
        // −3 ± 1.96·√5 = −3 ± 4.38: within noise.
        #expect(try #require(report.change("incidents", for: .team("a"), in: q2)).assessment == .unclear)
        let garwood = try #require(report.interval("incidents", for: .team("a"), in: q2))
        #expect(abs(garwood.high - 5.571643390938898) < 1e-9)
        // se 4/1.96 and 10/√25 = 2: 8 ± 1.96·√(4.165 + 4) = 8 ± 5.60: better.
        let score = try #require(report.change("score", for: .team("a"), in: q2))
        #expect(score.assessment == .better)
        #expect(abs(try #require(score.difference).halfWidth - 1.959963984540054 * ((4 / 1.959963984540054) * (4 / 1.959963984540054) + 4).squareRoot()) < 1e-9)
    }
}
