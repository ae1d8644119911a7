import ReportModel
import Testing
@testable import Analysis

/// The audit (Suppression's rule 6) against cases worked by hand: what a reader can
/// narrow a hidden value to, and what the audit hides so that they cannot.
@Suite("The privacy audit")
struct DisclosureAuditTests {
    /// Big (10 people) 50%, B (5) 100%, Tiny (3) 100%: Engineering 72.2%. Rule 3 hides B,
    /// the smallest visible team. But a share is at most 100%, so 5·B + 3·Tiny = 18·72.2
    /// − 10·50 ≈ 800 pins Tiny to at least 99.4%: the bound does what subtraction could not.
    static func boundary() -> ModelBuilder {
        var model = ModelBuilder()
        model.team("eng")
        model.team("big", parent: "eng", headcount: 10)
        model.team("b", parent: "eng", headcount: 5)
        model.team("tiny", parent: "eng", headcount: 3)
        model.metrics.append(Metric(id: "share", name: "Share", category: .outcome, unit: "%", aggregate: .weightedMean,
                                    format: .percent))
        model.value("share", "big", 50)
        model.value("share", "b", 100)
        model.value("share", "tiny", 100)
        return model
    }

    static func key(_ team: String, _ metric: MetricID = "share") -> ValueKey {
        ValueKey(.team(TeamID(team)), metric, q1)
    }

    @Test("rules 1 to 3 alone leave a value a reader can pin to its feasible range's end")
    func boundaryExposed() throws {
        let content = Self.boundary().content
        let audit = DisclosureAudit(content: content, rollUp: RollUp(content: content))
        let table = try #require(audit.tables.first)
        let findings = audit.audit(table, hidden: [Self.key("tiny"): .smallGroup(minimum: 5), Self.key("b"): .complementary])
        let tiny = try #require(findings.first { $0.key == Self.key("tiny") })
        #expect(tiny.interval.lowerBound > 99 && abs(tiny.interval.upperBound - 100) < 1e-6, "\(tiny.interval)")
        #expect(tiny.required == 90...100)
        #expect(!tiny.isProtected)
    }

    @Test("the audit hides one more value, and then Tiny keeps its 10% on the side that has room")
    func boundaryProtected() throws {
        let report = Self.boundary().report
        #expect(report.value("share", for: .team("b"), in: q1) == nil)
        let hiddenMore = report.value("share", for: .team("big"), in: q1) == nil || report.value("share", for: .team("eng"), in: q1) == nil
        #expect(hiddenMore)
        let audit = DisclosureAudit(content: report.content, rollUp: report.rollUp)
        for table in audit.tables {
            for finding in audit.audit(table, hidden: report.suppression.hiddenValues) {
                #expect(finding.isProtected, "\(finding.key): \(finding.interval), must reach \(finding.required)")
            }
        }
    }

    /// Web (10) 60%, API (8) 70%, Tiny (3) 35% left out of the data, and 60.24% given for
    /// the whole organization over 21 people: Tiny is (21·org − 18·Engineering) / 3.
    @Test("a value given for a group covers a remainder of people; too few of them are protected like a team")
    func remainder() throws {
        var model = ModelBuilder()
        model.team("eng")
        model.team("web", parent: "eng", headcount: 10)
        model.team("api", parent: "eng", headcount: 8)
        model.team("tiny", parent: "eng", headcount: 3)
        model.metrics.append(Metric(id: "trust", name: "Trust", category: .sentiment, unit: "%", aggregate: .weightedMean,
                                    format: .percent))
        model.value("trust", "web", 60, n: 10)
        model.value("trust", "api", 70, n: 8)
        model.value("trust", "org", 60.24, n: 21)
        let content = model.content
        let audit = DisclosureAudit(content: content, rollUp: RollUp(content: content))
        let table = try #require(audit.tables.first)
        let exposed = try #require(audit.audit(table, hidden: [:]).first)
        #expect(exposed.isRemainder && exposed.key == ValueKey(.organization, "trust", q1))
        #expect(abs(exposed.value - 35) < 0.05)
        #expect(exposed.interval.upperBound - exposed.interval.lowerBound < 1.5, "\(exposed.interval)")
        #expect(!exposed.isProtected)

        let report = model.report
        let shown = [Scope.organization, .team("eng"), .team("web"), .team("api")].filter {
            report.value("trust", for: $0, in: q1) != nil
        }
        #expect(shown.count == 3, "one value hidden, not more: \(shown)")
        for finding in audit.audit(table, hidden: report.suppression.hiddenValues) {
            #expect(finding.isProtected, "\(finding.interval), must reach \(finding.required)")
        }
    }
}
