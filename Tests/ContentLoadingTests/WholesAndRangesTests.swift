import Testing
import ReportModel
@testable import ContentLoading

/// `wholes:` and `range:` in metrics.yaml, and `privacy.protection` in site.yaml: what
/// the privacy audit reads about what a reader knows before reading any value.
@Suite("Wholes, ranges and protection")
struct WholesAndRangesTests {
    static let shares = Fixture.metrics + """

          - {id: low, name: Low, category: judgment, unit: "%", better: lower, aggregate: weighted_mean, format: percent}
          - {id: high, name: High, category: judgment, unit: "%", better: higher, aggregate: weighted_mean, format: percent}
          - {id: total_prs, name: PRs, category: outcome, unit: PRs, better: higher, aggregate: sum, format: integer}
        """

    @Test("a whole lists its parts and total; a part's feasible range comes from its format")
    func whole() {
        let load = Fixture.load(["metrics.yaml": Self.shares + "\nwholes:\n  - {id: level, total: 100, parts: [low, high]}\n"])
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
        #expect(load.content.wholes.map(\.parts) == [["low", "high"]])
        #expect(load.content.wholes.first?.total == 100)
        #expect(load.content.metric("low")?.feasibleRange == 0...100)
        #expect(load.content.metric("total_prs")?.feasibleRange == 0...Double.infinity)
        #expect(load.content.metric("cycle_time")?.feasibleRange == -Double.infinity...Double.infinity)
    }

    @Test("a whole's parts must be known metrics, in one whole each, rolled up as shares")
    func wholeErrors() {
        let wholes = """

            wholes:
              - {id: a, parts: [low, hgih]}
              - {id: b, parts: [low, total_prs, high]}
            """
        let load = Fixture.load(["metrics.yaml": Self.shares + wholes + "\n"])
        #expect(Fixture.messages(["metrics.yaml": Self.shares + wholes + "\n"]) == [
            "metrics.yaml:18:5: error: whole 'a' needs at least two parts",
            "metrics.yaml:18:26: error: unknown metric 'hgih' in whole 'a'; did you mean 'high'?",
            "metrics.yaml:19:26: error: 'total_prs' rolls up by sum; the parts of a whole are shares, which roll up by mean or weighted_mean so that a group's parts add up to the total too",
        ])
        // A whole refused claims no part: 'low' is free for the next.
        #expect(load.content.wholes.map(\.parts) == [["low", "high"]])
    }

    @Test("a declared range is two numbers, lowest first, and replaces the format's")
    func ranges() {
        let good = Fixture.metrics.replacingOccurrences(of: "    unit: days\n", with: "    unit: days\n    range: [0, 90]\n")
        #expect(good != Fixture.metrics)
        #expect(Fixture.load(["metrics.yaml": good + "\n"]).content.metric("cycle_time")?.feasibleRange == 0...90)
        for (range, message) in [("[5, 1]", "'range' must start below where it ends, found [5.0, 1.0]"),
                                 ("[1, 2, 3]", "'range' must be two numbers, [lowest, highest]"),
                                 ("[a, 2]", "'range' must be two numbers, [lowest, highest]")] {
            let bad = Fixture.metrics.replacingOccurrences(of: "    unit: days\n", with: "    unit: days\n    range: \(range)\n")
            #expect(Fixture.messages(["metrics.yaml": bad + "\n"]) == ["metrics.yaml:6:12: error: \(message)"])
        }
    }

    @Test("privacy.protection is a percentage from 1 to 50, 10 by default")
    func protection() {
        #expect(Fixture.load().content.site.protection == 0.10)
        let site = Fixture.site + "\nprivacy:\n  protection: 15\n"
        #expect(Fixture.load(["site.yaml": site]).content.site.protection == 0.15)
        #expect(Fixture.messages(["site.yaml": Fixture.site + "\nprivacy:\n  protection: 80\n"]) == [
            "site.yaml:4:15: error: protection is a percentage of a hidden value, from 1 to 50; found 80.0",
        ])
    }
}

extension WholesAndRangesTests {
    @Test("a metric is a part of one whole at most")
    func twice() {
        let wholes = "\nwholes:\n  - {id: a, parts: [low, high]}\n  - {id: b, parts: [high, low]}\n"
        #expect(Fixture.messages(["metrics.yaml": Self.shares + wholes]) == [
            "metrics.yaml:19:5: error: whole 'b' needs at least two parts",
            "metrics.yaml:19:21: error: 'high' is already a part of whole 'a'; a metric is a part of one whole at most",
            "metrics.yaml:19:27: error: 'low' is already a part of whole 'a'; a metric is a part of one whole at most",
        ])
    }
}
