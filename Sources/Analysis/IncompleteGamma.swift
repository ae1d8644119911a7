#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The regularized lower incomplete gamma function P(a, x) and its inverse in x: the
/// gamma distribution's CDF and quantile (scale 1), which give Garwood's exact interval
/// for a count. χ²(ν) quantiles are twice gamma(ν/2) quantiles.
///
/// P by its power series below x = a + 1 and by the continued fraction for Q = 1 − P
/// above (modified Lentz), as in Numerical Recipes (3rd ed., §6.2); the inverse by
/// Halley's method from NR's starting guess (Wilson–Hilferty for a > 1), iterated to
/// full double precision. Tests hold it to scipy's `gamma.ppf` within 1e-10, relative.
enum IncompleteGamma {
    /// P(a, x) for a > 0, x ≥ 0.
    static func lower(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0, "the shape must be positive")
        guard x > 0 else { return 0 }
        guard x.isFinite else { return 1 }
        return x < a + 1 ? series(a, x) : 1 - continuedFraction(a, x)
    }

    /// The x with P(a, x) = p, for a > 0 and 0 ≤ p ≤ 1.
    static func inverseLower(_ a: Double, _ p: Double) -> Double {
        precondition(a > 0 && (0...1).contains(p), "shape must be positive and p a probability")
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        let logGamma: Double = lgamma(a)
        let a1 = a - 1
        let logA1 = a > 1 ? log(a1) : 0
        let scale = a > 1 ? exp(a1 * (logA1 - 1) - logGamma) : 0
        var x: Double
        if a > 1 {
            // Wilson–Hilferty: the cube root of a gamma variable is nearly normal.
            let tail = p < 0.5 ? p : 1 - p
            let t = (-2 * log(tail)).squareRoot()
            var normal = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
            if p < 0.5 { normal = -normal }
            x = max(1e-3, a * pow(1 - 1 / (9 * a) - normal / (3 * a.squareRoot()), 3))
        } else {
            let t = 1 - a * (0.253 + a * 0.12)
            x = p < t ? pow(p / t, 1 / a) : 1 - log(1 - (p - t) / (1 - t))
        }
        for _ in 0..<100 {
            if x <= 0 { return 0 }
            let error = lower(a, x) - p
            // The density at x, written to avoid overflow for large a.
            let density = a > 1 ? scale * exp(-(x - a1) + a1 * (log(x) - logA1)) : exp(-x + a1 * log(x) - logGamma)
            guard density > 0 else { break }
            let newton = error / density
            let step = newton / (1 - 0.5 * min(1, newton * (a1 / x - 1)))
            x -= step
            if x <= 0 { x = 0.5 * (x + step) }
            if abs(step) <= 1e-15 * x { break }
        }
        return x
    }

    private static func prefactor(_ a: Double, _ x: Double) -> Double {
        exp(-x + a * log(x) - (lgamma(a) as Double))
    }

    private static func series(_ a: Double, _ x: Double) -> Double {
        var denominator = a
        var term = 1 / a
        var sum = term
        for _ in 0..<10_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        return sum * prefactor(a, x)
    }

    private static func continuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = Double.leastNormalMagnitude / Double.ulpOfOne
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-17 { break }
        }
        return prefactor(a, x) * h
    }
}
