import Testing
import ReportModel
@testable import ContentLoading

@Suite("Uncertainty: declared in metrics.yaml, given in data, checked at exact positions")
struct UncertaintyDeclarationTests {
    static let metrics = """
        metrics:
          - id: cycle_time
            name: Cycle time
            category: outcome
            unit: days
            better: lower
            aggregate: weighted_mean
            uncertainty: given
            min_change: 0.2
          - id: csat
            name: Customer satisfaction
            category: outcome
            unit: "%"
            better: higher
            aggregate: mean
            format: percent
            uncertainty: wilson

        """

    @Test("uncertainty and min_change are read into the metric")
    func declared() {
        let load = Fixture.load(["metrics.yaml": Self.metrics])
        #expect(load.diagnostics.isEmpty)
        #expect(load.content.metrics.map(\.uncertainty) == [.given, .wilson])
        #expect(load.content.metrics.map(\.minChange) == [0.2, nil])
    }

    @Test("a wrong uncertainty, a method that does not fit the metric, and a min_change of zero are errors")
    func invalid() {
        let yaml = Self.metrics
            .replacingOccurrences(of: "uncertainty: given", with: "uncertainty: bootstrap")
            .replacingOccurrences(of: "min_change: 0.2", with: "min_change: 0")
            .replacingOccurrences(of: "format: percent", with: "format: number")
        #expect(yaml != Self.metrics)
        #expect(Fixture.messages(["metrics.yaml": yaml]) == [
            "metrics.yaml:8:18: error: 'uncertainty' must be one of wilson, poisson, given, none, found 'bootstrap'",
            "metrics.yaml:9:17: error: 'min_change' must be more than 0: the smallest change, in the metric's unit, that matters",
            "metrics.yaml:17:18: error: 'uncertainty: wilson' is for a share of people written as a percentage; this metric's format is number, not percent. Use 'given' with the data's own intervals, or 'none'",
        ])
        let counts = Self.metrics.replacingOccurrences(of: "uncertainty: wilson", with: "uncertainty: poisson")
        #expect(Fixture.messages(["metrics.yaml": counts]) == [
            "metrics.yaml:17:18: error: 'uncertainty: poisson' is for a count of events, which rolls up by sum; this metric rolls up by mean. Use 'given' with the data's own intervals, or 'none'",
        ])
    }

    @Test("long-form CSV and JSON carry ci_low and ci_high, or sd with n")
    func given() {
        let csv = "period,team,metric,value,n,ci_low,ci_high,sd\n2026-Q1,platform,cycle_time,3.5,,3.1,3.9,\n2026-Q2,platform,cycle_time,3.2,25,,,1.5\n"
        let json = #"[{"period": "2026-Q3", "team": "platform", "metric": "cycle_time", "value": 3, "ci_low": 2.5, "ci_high": 3.25}]"#
        let load = Fixture.load(["metrics.yaml": Self.metrics, "data/v.csv": csv, "data/v.json": json])
        #expect(load.diagnostics.isEmpty)
        #expect(load.content.observations.map(\.spread) == [
            .interval(low: 3.1, high: 3.9), .standardDeviation(1.5), .interval(low: 2.5, high: 3.25),
        ])
    }

    @Test("a half interval, a value outside its interval, sd without n, and intervals for an undeclared metric are reported")
    func givenProblems() {
        let csv = """
            period,team,metric,value,n,ci_low,ci_high,sd
            2026-Q1,platform,cycle_time,3.5,,3.1,,
            2026-Q2,platform,cycle_time,4.5,,3.1,3.9,
            2026-Q3,platform,cycle_time,3.2,,,,1.5
            2026-Q4,platform,cycle_time,3.2,9,,,-1
            2026-Q1,support,csat,80,40,75,85,

            """
        #expect(Fixture.messages(["metrics.yaml": Self.metrics, "data/v.csv": csv]) == [
            "data/v.csv:2:34: error: an interval needs both ci_low and ci_high; ci_high is missing",
            "data/v.csv:3:34: error: the value is outside its interval, 3.1 to 3.9; ci_low ≤ value ≤ ci_high",
            "data/v.csv:4:36: error: sd needs the row's n (2 or more people) to make an interval",
            "data/v.csv:5:37: error: sd must be zero or more, found '-1'",
            "data/v.csv:6:28: warning: 'csat' is not declared 'uncertainty: given' in metrics.yaml, so its ci_low, ci_high and sd are ignored; declare it given to use them",
        ])
        let json = #"""
            [{"period": "2026-Q1", "team": "platform", "metric": "cycle_time", "value": 3, "ci_low": "2"},
             {"period": "2026-Q2", "team": "platform", "metric": "cycle_time", "value": 3, "n": 30, "sd": 1, "ci_low": 2, "ci_high": 4}]
            """#
        #expect(Fixture.messages(["metrics.yaml": Self.metrics, "data/v.json": json]) == [
            "data/v.json:1:90: error: ci_low must be a number, found a string",
            "data/v.json:2:95: error: give ci_low and ci_high, or sd with n, not both",
        ])
        #expect(Fixture.messages(["metrics.yaml": Self.metrics, "data/w.csv": "period,team,cycle_time,sd\n"]) == [
            "data/w.csv:1:24: error: 'sd' belongs to long-form data (period, team, metric, value, n, sd), where it is clear which value it goes with",
        ])
    }
}
