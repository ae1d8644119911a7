@testable import Importing
import Testing

/// The percentile bootstrap behind the intervals an import writes for means and medians.
/// Its generator is not numpy's, so the same resamples cannot be compared; the mechanics
/// are tested instead, and the ends against scipy's within the Monte Carlo error of
/// B = 2,000.
@Suite("percentile bootstrap")
struct PercentileBootstrapTests {
    static func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }

    static func median(_ values: [Double]) -> Double? {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static let sample = [2.1, 3.4, 1.9, 5.6, 4.2, 3.3, 2.8, 6.1, 3.9, 4.4]

    @Test("a constant sample gives a zero-width interval at its value")
    func constant() throws {
        let interval = try #require(PercentileBootstrap(seed: 7).interval(of: Array(repeating: 4.5, count: 12), statistic: Self.mean))
        #expect(interval.low == 4.5 && interval.high == 4.5)
    }

    @Test("no units, no interval")
    func empty() {
        #expect(PercentileBootstrap(seed: 7).interval(of: [Double](), statistic: Self.mean) == nil)
    }

    /// scipy 1.17.1, numpy 2.4.6: `scipy.stats.bootstrap((x,), np.mean, method='percentile')`
    /// on this sample gives 2.99 to 4.60 with 200,000 resamples; with 2,000, over 200
    /// seeds, the low end has σ 0.025 and the high end σ 0.025 (ranges 2.91–3.05 and
    /// 4.53–4.67). For np.median: 2.70 to 4.90, σ 0.068 and 0.123 (ranges 2.45–2.80 and
    /// 4.40–5.00). The tolerance is four of those σ.
    @Test("the ends agree with scipy.stats.bootstrap(method='percentile') within B = 2,000's Monte Carlo error")
    func scipyReference() throws {
        for seed: UInt64 in [1, 2, 3, 0xDEAD_BEEF] {
            let bootstrap = PercentileBootstrap(seed: seed)
            let mean = try #require(bootstrap.interval(of: Self.sample, statistic: Self.mean))
            #expect(abs(mean.low - 2.99) <= 4 * 0.025, "seed \(seed): \(mean)")
            #expect(abs(mean.high - 4.60) <= 4 * 0.025, "seed \(seed): \(mean)")
            let median = try #require(bootstrap.interval(of: Self.sample, statistic: Self.median))
            #expect(abs(median.low - 2.70) <= 4 * 0.068, "seed \(seed): \(median)")
            #expect(abs(median.high - 4.90) <= 4 * 0.123, "seed \(seed): \(median)")
        }
    }

    @Test("the interval holds the point estimate, and narrows as the sample grows (by about √4 for four times the people)")
    func containsAndNarrows() throws {
        let bootstrap = PercentileBootstrap(seed: 11)
        let small = try #require(bootstrap.interval(of: Self.sample, statistic: Self.mean))
        let large = try #require(bootstrap.interval(of: Array(repeating: Self.sample, count: 4).flatMap { $0 }, statistic: Self.mean))
        let estimate = try #require(Self.mean(Self.sample))
        #expect(small.low <= estimate && estimate <= small.high)
        #expect(large.low <= estimate && estimate <= large.high)
        let ratio = (large.high - large.low) / (small.high - small.low)
        #expect(ratio > 0.4 && ratio < 0.6, "\(ratio)")
    }

    @Test("the seed comes from the quarter, team and metric: the same key the same interval, another key another stream")
    func seeds() throws {
        let first = PercentileBootstrap(period: "2026-Q3", team: "platform", metric: "lead_time")
        let again = PercentileBootstrap(period: "2026-Q3", team: "platform", metric: "lead_time")
        #expect(first.seed == again.seed)
        #expect(first.seed != PercentileBootstrap(period: "2026-Q3", team: "payments", metric: "lead_time").seed)
        // The separator keeps ("a", "bc") and ("ab", "c") apart.
        #expect(PercentileBootstrap(period: "2026-Q3", team: "a", metric: "bc").seed
            != PercentileBootstrap(period: "2026-Q3", team: "ab", metric: "c").seed)
        #expect(first.interval(of: Self.sample, statistic: Self.mean)! == again.interval(of: Self.sample, statistic: Self.mean)!)
        // FNV-1a 64 of the empty text is its offset basis; of "a", 0xaf63dc4c8601ec8c (the published test vector).
        #expect(PercentileBootstrap.stableHash("") == 0xcbf2_9ce4_8422_2325)
        #expect(PercentileBootstrap.stableHash("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test("percentiles interpolate between order statistics at (count − 1)·p, as numpy's default does")
    func percentile() {
        // np.percentile([1, 2, 3, 4], [2.5, 97.5]) is 1.075 and 3.925.
        #expect(abs(PercentileBootstrap.percentile([1, 2, 3, 4], 0.025) - 1.075) < 1e-12)
        #expect(abs(PercentileBootstrap.percentile([1, 2, 3, 4], 0.975) - 3.925) < 1e-12)
        #expect(PercentileBootstrap.percentile([5], 0.025) == 5)
    }
}
