import ReportModel

/// One value the privacy rules protect, as `discern audit` shows it to the content's
/// author: the hidden value (or the remainder of a value given for a group), what a reader
/// of everything published can narrow it to, and what they must not get inside of.
///
/// It holds a hidden value and the id of a team too small to show: for the author's own
/// terminal only, never for a page or a shared log.
public struct AuditedValue: Sendable {
    public let key: ValueKey
    /// The people a value given for `key.scope` covers beyond its teams' own values.
    public let isRemainder: Bool
    public let value: Double
    public let interval: ClosedRange<Double>
    public let required: ClosedRange<Double>
    public let isProtected: Bool

    /// How much of the protection a reader leaves: 1 or more when protected, the smaller
    /// the closer a reader gets. The tightest come first in `discern audit`.
    public var margin: Double {
        let below = required.lowerBound < value ? (value - interval.lowerBound) / (value - required.lowerBound) : .infinity
        let above = required.upperBound > value ? (interval.upperBound - value) / (required.upperBound - value) : .infinity
        return min(below, above)
    }
}

extension Report {
    /// What this build publishes of its latest quarter, for `discern release` to record;
    /// nil when nothing is published.
    public func releaseLedger(audience: String?) -> ReleaseLedger? {
        guard let period = latestPeriod else { return nil }
        return DisclosureAudit(content: content, rollUp: rollUp)
            .ledger(for: period, hidden: suppression.hiddenValues, audience: audience)
    }

    /// Every protected value, audited against the final pattern of hidden values, the
    /// tightest first.
    public func privacyAudit() -> [AuditedValue] {
        let audit = DisclosureAudit(content: content, rollUp: rollUp)
        let hidden = suppression.hiddenValues
        return audit.tables.concurrentMap { audit.audit($0, hidden: hidden) }.joined().map {
            AuditedValue(key: $0.key, isRemainder: $0.isRemainder, value: $0.value, interval: $0.interval,
                         required: $0.required, isProtected: $0.isProtected)
        }.sorted { ($0.margin, $0.key.metric.rawValue, $0.key.period, $0.key.scope) < ($1.margin, $1.key.metric.rawValue, $1.key.period, $1.key.scope) }
    }
}
