import Testing
@testable import Charts

/// r's 95% interval by Fisher's z against independent reference values, and the words
/// the interval allows.
///
/// The reference values are from scipy 1.17.1 (Python 3.11):
/// `r = scipy.stats.pearsonr(x, y); r.statistic, r.confidence_interval(0.95)`, which
/// computes the interval by Fisher's z with `norm.ppf(0.975)`, the method Discern uses.
@Suite("Correlation: Fisher intervals and words")
struct CorrelationTests {
    struct Reference: Sendable, CustomTestStringConvertible {
        let name: String
        let x: [Double]
        let y: [Double]
        let r: Double
        let lower: Double
        let upper: Double
        var testDescription: String { name }
    }

    static let references: [Reference] = [
        // The sample site's Time saved (self-reported) against Weekly active users, 2026-Q3.
        Reference(name: "sample, 10 teams", x: [88, 79, 94, 90, 85, 91, 86, 80, 82, 88], y: [3.3, 2.3, 4.9, 3.9, 3.4, 3.3, 3.6, 3.3, 3.1, 3.9],
                  r: 0.8010257957797974, lower: 0.34580535916341126, upper: 0.951012089208204),
        Reference(name: "8 teams, interval holds zero", x: [1, 2, 3, 4, 5, 6, 7, 8], y: [2, 1, 4, 3, 7, 2, 5, 3],
                  r: 0.37917979599440826, lower: -0.4441759380201124, upper: 0.8553145989551074),
        Reference(name: "9 teams, negative", x: [10, 20, 30, 40, 50, 60, 70, 80, 90], y: [9.1, 8.7, 8.9, 7.2, 7.5, 6.1, 6.4, 5.0, 5.2],
                  r: -0.9595183638907294, lower: -0.9916952139442646, upper: -0.814296483633653),
        Reference(name: "4 teams, the fewest", x: [1, 2, 3, 4], y: [1, 3, 2, 4],
                  r: 0.8, lower: -0.6969534452993225, upper: 0.9956002504665856),
        // x = 0…59, y = (37·i mod 61) + 0.4·i.
        Reference(name: "60 teams", x: (0..<60).map(Double.init), y: (0..<60).map { Double($0 * 37 % 61) + 0.4 * Double($0) },
                  r: 0.4517312077712908, lower: 0.2234358768124549, upper: 0.6330423377797539),
    ]

    @Test("r and its Fisher interval match scipy's pearsonr", arguments: references)
    func matchesScipy(_ reference: Reference) throws {
        let points = zip(reference.x, reference.y).map { ScatterChart.Point(label: "t", x: $0, y: $1) }
        let chart = ScatterChart(title: "", xName: "x", yName: "y", points: points, minTeamsForCorrelation: 4)
        guard case .estimated(let r, let lower, let upper, let count) = chart.correlation else {
            Issue.record("no estimate: \(chart.correlation)")
            return
        }
        #expect(count == reference.x.count)
        #expect(abs(r - reference.r) < 1e-12)
        #expect(abs(lower - reference.lower) < 1e-12)
        #expect(abs(upper - reference.upper) < 1e-12)
    }

    @Test("the words come from the end of the interval nearest zero, and an interval holding zero is no clear relationship")
    func words() {
        func correlation(_ reference: Int) -> Correlation {
            let found = Self.references[reference]
            return ScatterChart(title: "", xName: "x", yName: "y", points: zip(found.x, found.y).map { .init(label: "t", x: $0, y: $1) },
                                minTeamsForCorrelation: 4).correlation
        }
        #expect(correlation(0).words == "a moderate positive relationship", "0.35 to 0.95: at least moderate")
        #expect(correlation(1).words == "no clear relationship")
        #expect(correlation(2).words == "a strong negative relationship")
        #expect(correlation(3).words == "no clear relationship", "r = 0.80 from 4 teams says nothing")
        #expect(correlation(4).words == "a weak positive relationship", "r = 0.45, but the interval reaches down to 0.22")
        #expect(correlation(0).quoted == "r = 0.80, 95% interval 0.35 to 0.95")
        #expect(correlation(2).quoted == "r = −0.96, 95% interval −0.99 to −0.81")
    }

    @Test("below the minimum r is not given, and the words say how many teams there are and how many are needed")
    func tooFew() {
        let few = Correlation(r: 0.96, count: 3, needed: 8)
        #expect(few == .tooFewTeams(count: 3, needed: 8))
        #expect(few.quoted == nil && few.r == nil && !few.isGiven)
        #expect(few.words == "too few teams to say anything about a relationship (3 teams; r is given from 8)")
        // Never fewer than four, whatever the caller asks: the interval needs n − 3 > 0.
        #expect(Correlation(r: 0.5, count: 3, needed: 2) == .tooFewTeams(count: 3, needed: 4))
    }

    @Test("a perfect r has the interval [r, r]; an r that is not defined says so")
    func edges() {
        #expect(Correlation(r: 1, count: 5, needed: 4) == .estimated(r: 1, lower: 1, upper: 1, count: 5))
        #expect(Correlation(r: -1, count: 5, needed: 4).words == "a strong negative relationship")
        #expect(Correlation(r: nil, count: 9, needed: 8) == .undefined(count: 9))
        #expect(Correlation(r: nil, count: 9, needed: 8).quoted == "r is not defined")
    }
}
