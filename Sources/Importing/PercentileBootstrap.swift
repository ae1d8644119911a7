/// The 95% percentile bootstrap an import gives a median or a mean (B. Efron and
/// R. J. Tibshirani, *An Introduction to the Bootstrap*, 1993, ch. 13): resample the
/// units behind the value with replacement, recompute the statistic each time, and take
/// the 2.5th and 97.5th percentiles of what comes out.
///
/// It is deterministic: the generator is SplitMix64 seeded from a stable hash of the
/// value's quarter, team and metric, and the units are put in an order of their own
/// contents first, so the same records give the same interval whatever order they were
/// read in and whatever else the import holds.
struct PercentileBootstrap: Sendable {
    /// Efron and Tibshirani ask for at least 1,000 resamples for a percentile interval,
    /// against 200 for a standard error, because the ends rest on the tails. At 2,000 the
    /// Monte Carlo error of each end is about 1/60 of the interval's width for a mean
    /// (scipy.stats.bootstrap: σ of an end 0.025 against a width of 1.6 for
    /// PercentileBootstrapTests' sample), and it costs 2,000 passes over a team-quarter's
    /// units, a few hundred at most.
    static let resamples = 2_000

    /// The two tails, for a 95% interval.
    static let tail = 0.025

    var seed: UInt64

    /// Seeded from a quarter, team and metric, so a value's interval does not depend on
    /// which values were computed before it.
    init(period: String, team: String, metric: String) {
        seed = Self.stableHash("\(period)\u{1F}\(team)\u{1F}\(metric)")
    }

    init(seed: UInt64) { self.seed = seed }

    /// The interval of `statistic` over `units`, which the caller has put in an order of
    /// their contents; nil without units or when no resample gives a finite statistic.
    func interval<Unit>(of units: [Unit], statistic: ([Unit]) -> Double?) -> (low: Double, high: Double)? {
        guard !units.isEmpty else { return nil }
        var generator = SplitMix64(seed: seed)
        var estimates: [Double] = []
        estimates.reserveCapacity(Self.resamples)
        var resample = units
        for _ in 0..<Self.resamples {
            for index in resample.indices {
                resample[index] = units[generator.index(below: units.count)]
            }
            if let estimate = statistic(resample), estimate.isFinite { estimates.append(estimate) }
        }
        guard !estimates.isEmpty else { return nil }
        estimates.sort()
        return (Self.percentile(estimates, Self.tail), Self.percentile(estimates, 1 - Self.tail))
    }

    /// The `p` quantile of sorted values, interpolated linearly between order statistics
    /// at (count − 1)·p: numpy's default, which scipy.stats.bootstrap uses.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        let position = Double(sorted.count - 1) * p
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return sorted[below] + (sorted[above] - sorted[below]) * fraction
    }

    /// FNV-1a, 64-bit, over UTF-8: stable across runs and platforms, unlike `Hasher`.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// SplitMix64 (G. Steele, D. Lea and C. Flood, OOPSLA 2014; the constants of Vigna's
/// reference C): a small generator whose stream is fixed by its seed on every platform.
/// Private, as TestSupport has its own for generating test inputs.
private struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform index in 0..<count, by Lemire's multiply-shift with rejection, so no
    /// index is favoured and the result is the same everywhere (Swift's own
    /// `Int.random(in:using:)` does not promise a fixed algorithm).
    mutating func index(below count: Int) -> Int {
        let bound = UInt64(count)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }
}
