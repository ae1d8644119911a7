import Dispatch
import ReportModel

/// What the count audit decided for a report: the `n`s it hides beyond rule 5, and the
/// hidden counts no further hiding protects (the build fails on those).
struct CountProtection: Sendable {
    var hidden: Set<ValueKey> = []
    var unprotectable: [CountAudit.Finding] = []
    /// How long the count audit took, for `--timings`.
    var seconds = 0.0
}

extension Report {
    /// The count audit over what this report publishes: the listed quarters, and the
    /// counts hidden for their own sake (a suppressed team's, rule 5's) as its targets.
    var countAudit: CountAudit {
        let privacy = suppression
        let primary = CountAudit.primary(rollUp: rollUp, periods: periods, suppressedTeams: privacy.suppressedTeams) {
            privacy.includesSuppressedTeam($0.scope, $0.metric, $0.period)
        }
        return CountAudit(content: content, rollUp: rollUp, periods: periods, suppressedTeams: privacy.suppressedTeams,
                          protected: primary)
    }

    /// Runs the count audit after the value rules, hiding published `n`s until every
    /// hidden count keeps its protection. Hiding an `n` changes no value, so the value
    /// rules need not run again.
    mutating func protectCounts(auditing: Bool) {
        guard auditing else { return }
        let start = DispatchTime.now().uptimeNanoseconds
        let audit = countAudit
        let outcome = audit.protect(hidden: audit.protected)
        countProtection = CountProtection(hidden: outcome.hidden, unprotectable: outcome.unprotectable,
                                          seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// How long the count audit took while the report was analysed.
    public var countAuditSeconds: Double { countProtection.seconds }

    /// How many published `n`s the count audit hid beyond rule 5.
    public var countsHiddenByAudit: Int { countProtection.hidden.count }
}
