/// A 95% interval around an estimate: where the true value plausibly lies, given the
/// noise in how it was measured (sampling for a survey share, chance for a count).
///
/// Every interval in Discern is at 95%, the level readers expect when nothing is said.
/// The constructors follow the published methods the README's design notes name:
/// Wilson's score interval for a share, Garwood's exact interval for a count, Newcombe's
/// hybrid score interval for the difference of two shares, and the normal interval
/// (estimate ± 1.96 standard errors) for means and for differences of counts and means.
public struct Interval: Hashable, Sendable {
    public let low: Double
    public let high: Double

    /// The two-sided 95% point of the standard normal, Φ⁻¹(0.975), to double precision
    /// (scipy.stats.norm.ppf(0.975) = 1.959963984540054).
    public static let z: Double = 1.959963984540054

    public init(low: Double, high: Double) {
        self.low = min(low, high)
        self.high = max(low, high)
    }

    /// `estimate ± 1.96 · standardError`.
    public init(estimate: Double, standardError: Double) {
        self.init(low: estimate - Self.z * standardError, high: estimate + Self.z * standardError)
    }

    /// Half the width: the `± x` a card prints.
    public var halfWidth: Double { (high - low) / 2 }

    /// The standard error a normal 95% interval of this width implies, `(high − low) / (2 · 1.96)`:
    /// how a given or asymmetric interval enters the normal interval of a difference.
    public var standardError: Double { (high - low) / (2 * Self.z) }

    /// Whether the interval lies wholly on one side of `value` (a difference's interval
    /// that excludes zero is a change beyond noise).
    public func excludes(_ value: Double) -> Bool { value < low || value > high }

    /// The interval of `estimate` from a standard deviation over `n` people: se = sd / √n.
    /// Nil for n < 2 or a negative or non-finite sd.
    public static func fromStandardDeviation(_ sd: Double, n: Int, estimate: Double) -> Interval? {
        guard n >= 2, sd.isFinite, sd >= 0 else { return nil }
        return Interval(estimate: estimate, standardError: sd / Double(n).squareRoot())
    }

    /// The normal interval of `to − from` for two independent estimates with these
    /// standard errors: `(to − from) ± 1.96 · √(se₁² + se₂²)`.
    public static func difference(from: Double, standardError seFrom: Double,
                                  to: Double, standardError seTo: Double) -> Interval {
        Interval(estimate: to - from, standardError: (seFrom * seFrom + seTo * seTo).squareRoot())
    }
}
