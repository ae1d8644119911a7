import ContentLoading
import Foundation
import ReportModel
import Testing
@testable import Analysis

/// The count audit against cases worked by hand: what a reader of the published `n`s and
/// headcounts can narrow a hidden count to, in whole people, and what the audit hides so
/// that they cannot get within 2 people of it.
@Suite("The count audit")
struct CountAuditTests {
    /// Web (10 people, n 9), API (8, n 7) and Tiny (3, n 3, too small to show) in
    /// Engineering. Without rule 5, Engineering's and the organization's n of 19 are shown,
    /// and a reader subtracts: Tiny's n is 19 − 9 − 7 = 3, so Tiny has 3 or 4 people.
    static func webAPITiny() -> ModelBuilder {
        var model = ModelBuilder()
        model.team("eng")
        model.team("web", parent: "eng", headcount: 10)
        model.team("api", parent: "eng", headcount: 8)
        model.team("tiny", parent: "eng", headcount: 3)
        model.metric("trust", .weightedMean)
        model.value("trust", "web", 70, n: 9)
        model.value("trust", "api", 60, n: 7)
        model.value("trust", "tiny", 20, n: 3)
        return model
    }

    static func key(_ scope: String) -> ValueKey {
        ValueKey(scope == "org" ? .organization : .team(TeamID(scope)), "trust", q1)
    }

    /// The audit of a report's counts, with only the suppressed team's own counts as its
    /// targets and hidden: rule 5 left out, as if the site printed every group's n.
    static func withoutRuleFive(_ report: Report) -> CountAudit {
        let audit = report.countAudit
        let own = audit.protected.filter { $0.scope.teamID.map(report.suppression.suppressedTeams.contains) ?? false }
        return CountAudit(content: report.content, rollUp: report.rollUp, periods: report.periods,
                          suppressedTeams: report.suppression.suppressedTeams, protected: own)
    }

    /// What a reader does with the numbers printed: a group's n less its members' n.
    static func subtract(_ shown: [ValueKey: Int]) -> Int? {
        guard let eng = shown[key("eng")], let web = shown[key("web")], let api = shown[key("api")] else { return nil }
        return eng - web - api
    }

    @Test("without the count audit or rule 5, the printed n give Tiny's n away, and with it they do not")
    func attack() throws {
        let report = Self.webAPITiny().report
        let audit = Self.withoutRuleFive(report)
        let start = audit.protected

        // The count audit off: every n but Tiny's printed, and subtraction finds Tiny's.
        let printed = Dictionary(uniqueKeysWithValues: ["eng", "web", "api", "org"].map { (Self.key($0), report.rollUp.cell(Self.key($0).scope, "trust", q1)!.n!) })
        #expect(Self.subtract(printed) == 3)
        let exposed = audit.audit(hidden: start)
        let n = try #require(exposed.first { $0.count == .respondents(Self.key("tiny")) })
        #expect(n.interval == 3...3 && !n.isProtected)
        let people = try #require(exposed.first { $0.count == .headcount("tiny") })
        #expect(people.interval == 3...4 && people.required == 1...4 && !people.isProtected)

        // The count audit on: it hides the smallest members' n until Tiny's keeps 2 people.
        let outcome = audit.protect(hidden: start)
        #expect(outcome.unprotectable.isEmpty)
        #expect(outcome.hidden == [Self.key("api"), Self.key("web")])
        let hidden = start.union(outcome.hidden)
        let after = audit.audit(hidden: hidden)
        #expect(after.allSatisfy { $0.isProtected }, "\(after)")
        let shown = printed.filter { !hidden.contains($0.key) }
        #expect(Self.subtract(shown) == nil)
    }

    @Test("with rule 5 the report prints no group n that holds Tiny's, and the audit proves every count kept")
    func ruleFiveSuffices() {
        let report = Self.webAPITiny().report
        #expect(report.reading("trust", for: .team("eng"), in: q1)?.n == nil)
        #expect(report.reading("trust", for: .organization, in: q1)?.n == nil)
        #expect(report.reading("trust", for: .team("web"), in: q1)?.n == 9)
        let audited = report.countPrivacyAudit()
        // Tiny's headcount and n, Engineering's and the organization's n.
        #expect(audited.count == 4)
        #expect(audited.allSatisfy { $0.isProtected }, "\(audited.map { ($0.key, $0.team, $0.interval, $0.required) })")
        #expect(report.countsHiddenByAudit == 0)
    }

    @Test("a hidden n the audit hides is not printed")
    func readingHidesAuditedCounts() {
        var report = Self.webAPITiny().report
        report.countProtection.hidden = [Self.key("web")]
        #expect(report.reading("trust", for: .team("web"), in: q1)?.n == nil)
        #expect(report.reading("trust", for: .team("web"), in: q1)?.value == 70)
        #expect(report.reading("trust", for: .team("api"), in: q1)?.n == 7)
    }

    /// A survey tool's figure for the whole organization over 17 respondents, beside the
    /// teams' own (Tiny's n is 1 here): rule 5 hides the 17, and a reader knows only that
    /// it is at least the 16 of Web and API. That is no more than the site prints, so it is
    /// not "within 2 people", and nothing more is hidden.
    @Test("a group's given n hidden by rule 5 is protected for the people beyond the printed teams' n")
    func givenCount() {
        var model = Self.webAPITiny()
        model.observations.removeAll { $0.scope == .team("tiny") }
        model.value("trust", "tiny", 20, n: 1)
        model.value("trust", "org", 55, n: 17)
        let report = model.report
        #expect(report.reading("trust", for: .organization, in: q1)?.n == nil)
        let audited = report.countPrivacyAudit()
        #expect(audited.allSatisfy { $0.isProtected }, "\(audited.map { ($0.key, $0.team, $0.interval, $0.required) })")
        #expect(report.countsHiddenByAudit == 0)
    }

    @Test("the solver's bounds are rounded inward to whole people, past its float noise")
    func wholeNumbers() {
        #expect(CountAudit.wholeNumbers(0.4...3.6) == 1...3)
        #expect(CountAudit.wholeNumbers(2.9999999999999...5.0000000000001) == 3...5)
        #expect(CountAudit.wholeNumbers(19409.999999999985...19410.000000000015) == 19410...19410)
        #expect(CountAudit.wholeNumbers(1.2...(.infinity)) == 2...(.infinity))
    }

    /// Web (10, n 10) and API (8, n 8) answer to the last person; Tiny (3, n 2) too small.
    /// Hiding API's n leaves Tiny's at 2 + (8 − API's), at least 2: only a group's n helps.
    @Test("when every member answered, hiding members' n is not enough and a group's n is hidden")
    func everyoneAnswered() throws {
        var model = Self.webAPITiny()
        model.observations = []
        model.value("trust", "web", 70, n: 10)
        model.value("trust", "api", 60, n: 8)
        model.value("trust", "tiny", 20, n: 2)
        let report = model.report
        let audit = Self.withoutRuleFive(report)
        let outcome = audit.protect(hidden: audit.protected)
        #expect(outcome.unprotectable.isEmpty)
        #expect(outcome.hidden.contains { $0.scope == .organization || $0.scope == .team("eng") }, "\(outcome.hidden)")
        #expect(audit.audit(hidden: audit.protected.union(outcome.hidden)).allSatisfy { $0.isProtected })
    }

    @Test("the sample content: every hidden count keeps 2 people either side")
    func sample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("content")
        let load = ContentLoader(source: .disk(root)).load()
        #expect(!load.diagnostics.hasErrors)
        let report = Report(content: load.content)
        let audited = report.countPrivacyAudit()
        // Developer Experience (3 people) reports no n, so its headcount and the n given
        // for the organization, which includes it, are what there is to protect.
        #expect(audited.contains { $0.team == "devex" })
        #expect(audited.count >= 3, "\(audited.count) counts audited")
        #expect(audited.allSatisfy { $0.isProtected })
        #expect(report.countsHiddenByAudit == 0)
        #expect(!report.diagnostics.contains { $0.message.contains("privacy:") })
    }
}
