import ReportModel
import Testing
@testable import Analysis

/// Rule 6 keeps a quarter's pattern of hidden values like the quarter before's where the
/// data allow, so a reader comparing quarters sees one pattern, and less is hidden in all.
@Suite("Stable suppression patterns")
struct StablePatternTests {
    /// Engineering: Big (10 people), C1 and C2 (8 each), B (5) and Tiny (3, too small to
    /// show). Tiny and B are 100%, so with B hidden by rule 3 a share's upper bound pins
    /// Tiny (as in DisclosureAuditTests), and hiding either C protects it. Rule 6 tries
    /// the fewest respondents first: C1 in Q1, C2 in Q2, where their counts swap.
    static func swappingCounts() -> ModelBuilder {
        var model = ModelBuilder()
        model.team("eng")
        model.team("big", parent: "eng", headcount: 10)
        model.team("c1", parent: "eng", headcount: 8)
        model.team("c2", parent: "eng", headcount: 8)
        model.team("b", parent: "eng", headcount: 5)
        model.team("tiny", parent: "eng", headcount: 3)
        model.metrics.append(Metric(id: "share", name: "Share", category: .outcome, unit: "%", aggregate: .weightedMean,
                                    format: .percent))
        for (period, c1, c2) in [("2026-Q1", 6, 7), ("2026-Q2", 7, 6)] {
            model.value("share", "big", 50, n: 10, period: period)
            model.value("share", "c1", 60, n: c1, period: period)
            model.value("share", "c2", 40, n: c2, period: period)
            model.value("share", "b", 100, n: 5, period: period)
            model.value("share", "tiny", 100, n: 3, period: period)
        }
        return model
    }

    @Test("where hiding last quarter's team protects again, rule 6 hides it again, not the next smallest")
    func sameTeamAcrossQuarters() {
        let report = Self.swappingCounts().report
        for period in [q1, q2] {
            #expect(report.value("share", for: .team("b"), in: period) == nil, "rule 3 hides B in \(period)")
            #expect(report.value("share", for: .team("c1"), in: period) == nil, "C1 hidden in \(period)")
            #expect(report.value("share", for: .team("c2"), in: period) != nil, "C2 shown in \(period)")
            #expect(report.value("share", for: .team("big"), in: period) != nil, "Big shown in \(period)")
        }
        let audit = DisclosureAudit(content: report.content, rollUp: report.rollUp)
        for table in audit.tables {
            for finding in audit.audit(table, hidden: report.suppression.hiddenValues) {
                #expect(finding.isProtected, "\(finding.key): \(finding.interval), must reach \(finding.required)")
            }
        }
    }
}
