import ReportModel

/// An outcome or quality metric that got worse for a scope in a quarter in which its AI
/// usage rose: what the report most needs to explain, and what usage-as-impact hides.
public struct Divergence: Hashable, Sendable {
    public let scope: Scope
    let period: Period
    /// The outcome or quality metric, and how it moved from the previous quarter.
    public let result: Metric
    public let resultChange: Change
    /// The usage metric that rose the most (by share of its starting value), and how.
    public let usage: Metric
    public let usageChange: Change
}

extension Divergence {
    /// The smallest move that counts, as a share of the previous value: survey and
    /// rate metrics wobble by a point from quarter to quarter, and a prompt for every
    /// wobble would bury the ones that matter.
    static let noticeable = 0.05

    static func isNoticeable(_ change: Change) -> Bool {
        guard let relative = change.relative else { return change.delta != 0 }
        return abs(relative) >= noticeable
    }
}

extension Report {
    /// Every divergence for a scope in a quarter, in catalog order: a move of at least
    /// `Divergence.noticeable` both ways. Only values that may be shown take part, so a
    /// hidden value never shows up here either.
    public func divergences(for scope: Scope, in period: Period) -> [Divergence] {
        let rises = metrics.filter { $0.category == .usage }.compactMap { metric -> (Metric, Change)? in
            guard let change = change(metric.id, for: scope, in: period), change.delta > 0,
                  Divergence.isNoticeable(change) else { return nil }
            return (metric, change)
        }
        // The largest rise speaks for usage; one without a relative size (from zero) counts as the largest.
        guard let rise = rises.max(by: { ($0.1.relative ?? .infinity) < ($1.1.relative ?? .infinity) }) else { return [] }
        return metrics.filter { $0.category == .outcome || $0.category == .quality }.compactMap { metric in
            guard let change = change(metric.id, for: scope, in: period), change.assessment == .worse,
                  Divergence.isNoticeable(change) else { return nil }
            return Divergence(scope: scope, period: period, result: metric, resultChange: change,
                              usage: rise.0, usageChange: rise.1)
        }
    }
}
