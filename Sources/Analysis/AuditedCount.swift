import ReportModel

/// One count the privacy rules protect, as `discern audit` shows it to the content's
/// author: a hidden `n` or the headcount of a team too small to show, what a reader of
/// the published counts can narrow it to, and what they must not get inside of.
///
/// It holds a hidden count and the id of a team too small to show: for the author's own
/// terminal only, never for a page or a shared log.
public struct AuditedCount: Sendable {
    /// The team whose headcount this is, or nil for an `n`.
    public let team: TeamID?
    /// The value whose `n` this is, or nil for a headcount.
    public let key: ValueKey?
    public let value: Int
    public let interval: ClosedRange<Double>
    public let required: ClosedRange<Double>
    public let isProtected: Bool

    /// How much of the protection a reader leaves: 1 or more when protected, the smaller
    /// the closer a reader gets. The tightest come first in `discern audit`.
    public var margin: Double {
        let exact = Double(value)
        let below = required.lowerBound < exact ? (exact - interval.lowerBound) / (exact - required.lowerBound) : .infinity
        let above = required.upperBound > exact ? (interval.upperBound - exact) / (required.upperBound - exact) : .infinity
        return min(below, above)
    }

    init(_ finding: CountAudit.Finding) {
        switch finding.count {
        case .headcount(let id): (team, key) = (id, nil)
        case .respondents(let key): (team, self.key) = (nil, key)
        }
        value = finding.value
        interval = finding.interval
        required = finding.required
        isProtected = finding.isProtected
    }
}

extension Report {
    /// Every protected count, audited against the final pattern of hidden counts, the
    /// tightest first.
    public func countPrivacyAudit() -> [AuditedCount] {
        let audit = countAudit
        let findings = audit.audit(hidden: audit.protected.union(countProtection.hidden))
        return findings.sorted { ($0.margin, $0.count) < ($1.margin, $1.count) }.map(AuditedCount.init)
    }
}

extension CountAudit.Finding {
    var margin: Double { AuditedCount(self).margin }
}
