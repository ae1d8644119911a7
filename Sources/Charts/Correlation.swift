import Formatting
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a scatter may say about how two metrics go together across teams: Pearson's r
/// with its 95% interval by Fisher's z, given only from enough teams, and words for it
/// that claim no more than the interval allows.
public enum Correlation: Sendable, Equatable {
    /// Fewer teams than `min_teams_for_correlation`: r is not given.
    case tooFewTeams(count: Int, needed: Int)
    /// r is not defined: every team has the same x, or the same y.
    case undefined(count: Int)
    /// r from `count` teams, with its 95% interval.
    case estimated(r: Double, lower: Double, upper: Double, count: Int)

    /// The fewest teams Fisher's interval can be worked out from: its standard error is
    /// 1/√(n − 3).
    public static let fewestTeams = 4

    /// How strong the relationship is, read from the end of the interval nearest zero, so
    /// that the words never claim more than the data allow.
    public enum Strength: Sendable, Equatable {
        /// The interval, as written, holds zero (or r is not given).
        case unclear
        case weak, moderate, strong
    }

    /// - Parameters:
    ///   - r: Pearson's r of the teams shown, nil when it is not defined.
    ///   - count: the teams shown.
    ///   - needed: the fewest teams for r to be given; never fewer than `fewestTeams`.
    public init(r: Double?, count: Int, needed: Int) {
        let needed = max(needed, Self.fewestTeams)
        guard count >= needed else {
            self = .tooFewTeams(count: count, needed: needed)
            return
        }
        guard let r, r.isFinite else {
            self = .undefined(count: count)
            return
        }
        let interval = Self.interval(r: r, count: count)
        self = .estimated(r: r, lower: interval.lower, upper: interval.upper, count: count)
    }

    /// The 95% interval of r from `count` pairs by Fisher's z: z = atanh r has standard
    /// error 1/√(n − 3), and z ± 1.96 se is turned back with tanh. `count` is at least 4.
    static func interval(r: Double, count: Int) -> (lower: Double, upper: Double) {
        // The normal distribution's 97.5th percentile, as scipy.stats.norm.ppf(0.975) gives it.
        let critical = 1.959963984540054
        let clamped = min(max(r, -1), 1)
        let z = atanh(clamped), se = 1 / Double(count - 3).squareRoot()
        // atanh(±1) is infinite, and tanh of it ±1: a perfect r has the interval [r, r].
        return (tanh(z - critical * se), tanh(z + critical * se))
    }

    /// The teams r is worked out from.
    public var count: Int {
        switch self {
        case .tooFewTeams(let count, _), .undefined(let count), .estimated(_, _, _, let count): count
        }
    }

    /// r when it is given.
    public var r: Double? {
        if case .estimated(let r, _, _, _) = self { r } else { nil }
    }

    /// Whether a chart may draw its fitted line and a page may quote r.
    public var isGiven: Bool { r != nil }

    /// The strength the interval supports. The bounds are judged as they are written, to
    /// two decimals, so that the words and the numbers beside them agree.
    public var strength: Strength {
        guard case .estimated(_, let lower, let upper, _) = self else { return .unclear }
        let low = Self.rounded(lower), high = Self.rounded(upper)
        guard low > 0 || high < 0 else { return .unclear }
        let nearest = min(abs(low), abs(high))
        return nearest < 0.3 ? .weak : nearest < 0.6 ? .moderate : .strong
    }

    /// Whether the relationship is positive; nil when it is unclear.
    public var isPositive: Bool? {
        guard strength != .unclear, let r else { return nil }
        return r > 0
    }

    /// `r = 0.80, 95% interval 0.35 to 0.95`, `r is not defined`, or nil when too few
    /// teams: how charts and pages quote r.
    public var quoted: String? {
        switch self {
        case .tooFewTeams: nil
        case .undefined: "r is not defined"
        case .estimated(let r, let lower, let upper, _):
            "r = \(Self.text(r)), 95% interval \(Self.text(lower)) to \(Self.text(upper))"
        }
    }

    /// `a strong positive relationship`, `no clear relationship`: what the interval
    /// supports, in words.
    public var words: String {
        switch self {
        case .tooFewTeams(let count, let needed):
            "too few teams to say anything about a relationship (\(count) team\(count == 1 ? "" : "s"); r is given from \(needed))"
        case .undefined:
            "no measurable relationship"
        case .estimated:
            switch strength {
            case .unclear: "no clear relationship"
            case .weak, .moderate, .strong:
                "\(strength == .weak ? "a weak" : strength == .moderate ? "a moderate" : "a strong") "
                    + "\(isPositive == true ? "positive" : "negative") relationship"
            }
        }
    }

    /// r or a bound as written: two decimals, with the minus sign.
    static func text(_ value: Double) -> String {
        DecimalText.signed(value, decimals: 2)
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 100).rounded(.toNearestOrAwayFromZero) / 100
    }
}
