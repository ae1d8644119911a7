import Testing
@testable import Analysis

/// Reference figures, and where they come from:
/// - Newcombe (Statistics in Medicine 1998, 17:873–890), Table II, method 10 (hybrid
///   score), to four places: 56/70 − 48/80 = 0.2000, 0.0524 to 0.3339, and the paper's
///   other examples 9/10 − 3/10, 6/7 − 2/7 and 5/56 − 0/29. Every figure was also computed
///   independently with scipy 1.x from the published formulas (Wilson limits from
///   `scipy.stats.norm.ppf(0.975)`), which gives the longer decimals below.
/// - Wilson limits: the same scipy computation.
/// - Garwood limits: `scipy.stats.chi2.ppf(0.025, 2k) / 2` and `chi2.ppf(0.975, 2k + 2) / 2`.
/// - P(a, x) and its inverse: `scipy.special.gammainc` and `gammaincinv`.
@Suite("95% intervals")
struct IntervalTests {
    func close(_ a: Double, _ b: Double, relative: Double = 1e-10) -> Bool {
        abs(a - b) <= relative * max(1, abs(b))
    }

    @Test("Wilson's interval matches scipy's computation of the published formula")
    func wilson() throws {
        let cases: [(Double, Int, Double, Double)] = [
            (56.0 / 70, 70, 0.6918335550, 0.8769526075),
            (48.0 / 80, 80, 0.4904546501, 0.7003817240),
            (0, 10, 0, 0.2775327999),
            (1, 10, 0.7224672001, 1),
            (0.5, 30, 0.3315412564, 0.6684587436),
            (1.0 / 29, 29, 0.0061132143, 0.1717552188),
        ]
        for (p, n, low, high) in cases {
            let interval = try #require(Interval.wilson(share: p, n: n))
            #expect(abs(interval.low - low) < 1e-9, "low of \(p) of \(n)")
            #expect(abs(interval.high - high) < 1e-9, "high of \(p) of \(n)")
        }
        #expect(Interval.wilson(share: 0.5, n: 0) == nil)
        #expect(Interval.wilson(share: 1.2, n: 10) == nil)
    }

    @Test("Newcombe's method 10 reproduces his Table II")
    func newcombe() throws {
        // (x1, n1, x2, n2, low, high): the paper's p1 − p2 is our `to − from`.
        let cases: [(Int, Int, Int, Int, Double, Double)] = [
            (56, 70, 48, 80, 0.0524314724, 0.3338726540),
            (9, 10, 3, 10, 0.1705227239, 0.8090179735),
            (6, 7, 2, 7, 0.0582279275, 0.8062496375),
            (5, 56, 0, 29, -0.0381371479, 0.1925600139),
        ]
        for (x1, n1, x2, n2, low, high) in cases {
            let interval = try #require(Interval.newcombe(from: Double(x2) / Double(n2), n: n2,
                                                           to: Double(x1) / Double(n1), n: n1))
            #expect(abs(interval.low - low) < 1e-9, "\(x1)/\(n1) − \(x2)/\(n2)")
            #expect(abs(interval.high - high) < 1e-9, "\(x1)/\(n1) − \(x2)/\(n2)")
        }
        let first = try #require(Interval.newcombe(from: 0.6, n: 80, to: 0.8, n: 70))
        #expect((first.low * 10_000).rounded() / 10_000 == 0.0524)
        #expect((first.high * 10_000).rounded() / 10_000 == 0.3339)
        #expect(first.excludes(0))
    }

    @Test("Garwood's exact interval matches scipy's chi-square quantiles")
    func garwood() throws {
        let cases: [(Double, Double, Double)] = [
            (0, 0, 3.6888794541139354),
            (1, 0.025317807984289876, 5.571643390938898),
            (2, 0.24220927854396496, 7.22468766772396),
            (5, 1.6234863901184207, 11.66833207932267),
            (10, 4.7953886961324335, 18.39035604201778),
            (37, 26.05141456710603, 50.999626141930825),
            (100, 81.36399125092314, 121.62679379242638),
            (1000, 938.9730184076952, 1063.952136016302),
        ]
        for (k, low, high) in cases {
            let interval = try #require(Interval.poisson(count: k))
            #expect(close(interval.low, low), "low of \(k): \(interval.low)")
            #expect(close(interval.high, high), "high of \(k): \(interval.high)")
        }
        #expect(Interval.poisson(count: -1) == nil)
    }

    @Test("the incomplete gamma function and its inverse match scipy")
    func incompleteGamma() {
        let values: [(Double, Double, Double)] = [
            (0.5, 0.1, 0.34527915398142317), (1, 1, 0.6321205588285577), (3, 2.5, 0.45618688411667035),
            (10, 15, 0.9301463393005901), (100, 90, 0.15822098918643007), (1000, 1050, 0.9413288886226819),
        ]
        for (a, x, p) in values {
            #expect(close(IncompleteGamma.lower(a, x), p, relative: 1e-12), "P(\(a), \(x))")
        }
        let quantiles: [(Double, Double, Double)] = [
            (0.3, 0.5, 0.07313113586695198), (1, 0.025, 0.025317807984289876), (2.5, 0.9, 4.618178449890562),
            (50, 0.975, 64.7805985929183), (1000, 0.025, 938.9730184076952), (5000, 0.975, 5139.535089943795),
        ]
        for (a, p, x) in quantiles {
            #expect(close(IncompleteGamma.inverseLower(a, p), x), "P⁻¹(\(a), \(p))")
        }
    }

    @Test("a normal interval of a difference adds variances; a given interval implies its standard error")
    func normal() {
        let difference = Interval.difference(from: 10, standardError: 3, to: 12, standardError: 4)
        // √(3² + 4²) = 5, so 2 ± 1.959963984540054 · 5.
        #expect(close(difference.low, 2 - 9.79981992270027))
        #expect(close(difference.high, 2 + 9.79981992270027))
        #expect(!difference.excludes(0))
        #expect(close(Interval(low: 8, high: 12).standardError, 4 / (2 * 1.959963984540054)))
        let fromSD = Interval.fromStandardDeviation(2, n: 16, estimate: 3)
        #expect(fromSD.map { close($0.halfWidth, 1.959963984540054 * 0.5) } == true)
        #expect(Interval.fromStandardDeviation(2, n: 1, estimate: 3) == nil)
    }
}
