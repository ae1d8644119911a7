import ReportModel

/// How a value moved between two quarters, and whether that is good news: better or
/// worse only when the move is beyond noise (see `Noise`), "no clear change" otherwise.
public struct Change: Hashable, Sendable {
    /// Whether a move is good, given the metric's direction.
    public enum Assessment: String, Hashable, Sendable {
        case better, worse, unchanged
        /// The metric is context (`better: neutral`): moves are reported, not judged.
        case neutral
        /// The move is within noise: the 95% interval of the difference includes zero,
        /// or it is smaller than the metric's `min_change`.
        case unclear
        /// The two values are roll-ups over different teams (see `Coverage`): the move may
        /// be who reported rather than what changed, so it is reported, never judged.
        case incomparable
    }

    /// What decides whether a move is more than noise.
    public enum Noise: Hashable, Sendable {
        /// The 95% interval of the difference, `to − from`: the move is clear when it
        /// excludes zero.
        case interval(Interval)
        /// The metric's `min_change`: the move is clear when it is at least this large.
        case minChange(Double)
        /// Census data (`uncertainty: none`): every move beyond rounding is real.
        case census
        /// The metric declares an interval but one of the two cannot be made (an `n` is
        /// missing or hidden) and it has no `min_change`: no move can be called clear.
        case unmeasured
        /// The metric declares neither an interval nor `min_change`: moves are judged as
        /// they come, and report check D109 asks for a declaration.
        case undeclared
    }

    public let from: Double
    public let to: Double
    public let assessment: Assessment
    public let noise: Noise

    /// - Parameter comparable: false when the two values combine different teams, which
    ///   no judgment survives, whatever the noise.
    public init(from: Double, to: Double, better: Metric.Direction, noise: Noise = .undeclared,
                comparable: Bool = true) {
        self.from = from
        self.to = to
        self.noise = noise
        // Differences below this are rounding noise from CSV decimals, not change.
        let tolerance = 1e-9 * max(1, abs(from), abs(to))
        let delta = to - from
        let clear = switch noise {
        case .interval(let difference): difference.excludes(0)
        case .minChange(let smallest): abs(delta) >= smallest - tolerance
        case .census, .undeclared: true
        case .unmeasured: false
        }
        if !comparable {
            assessment = .incomparable
        } else if better == .neutral {
            assessment = .neutral
        } else if abs(delta) <= tolerance {
            assessment = .unchanged
        } else if !clear {
            assessment = .unclear
        } else {
            assessment = (delta > 0) == (better == .higher) ? .better : .worse
        }
    }

    /// `to - from`, in the metric's unit.
    public var delta: Double { to - from }

    /// The change as a fraction of the starting value; nil when it started at zero.
    public var relative: Double? { from == 0 ? nil : (to - from) / abs(from) }

    /// The difference's 95% interval, when one decided the judgment.
    public var difference: Interval? {
        if case .interval(let interval) = noise { return interval }
        return nil
    }
}
