import Testing
import ReportModel
@testable import Analysis

@Suite("Restatement: a number shown differently after its release")
struct RestatementTests {
    /// Three teams of ten and one of three (too small to show, without data), released in Q1 with `a` at 3.0, then rebuilt.
    static func versions(a: Double, b: Double = 4) -> (released: ReportContent, now: ReportContent) {
        func model(a: Double, b: Double) -> ModelBuilder {
            var model = ModelBuilder()
            for id in ["a", "b", "c"] { model.team(TeamID(id), headcount: 10) }
            model.team("tiny", headcount: 3)
            model.metric("cycle")
            model.value("cycle", "a", a)
            model.value("cycle", "b", b)
            model.value("cycle", "c", 5)
            return model
        }
        let released = model(a: 3, b: 4).content
        var now = model(a: a, b: b).content
        now.releases = [Report(content: released).releaseLedger(audience: nil)].compactMap { $0 }
        return (released, now)
    }

    @Test func aChangedNumberReturnsTheReleasedOne() throws {
        let report = Report(content: Self.versions(a: 3.5).now)
        #expect(report.value("cycle", for: .team("a"), in: q1) == 3.5)
        #expect(report.restatement("cycle", for: .team("a"), in: q1) == 3)
        // The unchanged team is not restated; the organization's mean moved with `a`.
        #expect(report.restatement("cycle", for: .team("b"), in: q1) == nil)
        #expect(report.restatement("cycle", for: .organization, in: q1) != nil)
    }

    @Test func aChangeBelowTheDisplayPrecisionIsNoRestatement() {
        let report = Report(content: Self.versions(a: 3, b: 4.00001).now)
        // The data did change, below what the page shows (which is all a value says).
        #expect(report.rollUp.cell(.team("b"), "cycle", q1)?.value != 4)
        #expect(report.value("cycle", for: .team("b"), in: q1) == 4)
        #expect(report.restatement("cycle", for: .team("b"), in: q1) == nil)
        #expect(report.restatement("cycle", for: .organization, in: q1) == nil)
    }

    @Test func nothingIsSaidWithoutARelease() {
        let versions = Self.versions(a: 3.5)
        let report = Report(content: versions.released)
        #expect(report.restatement("cycle", for: .team("a"), in: q1) == nil)
        // Another quarter's release says nothing about this one.
        var other = versions.now
        other.releases = other.releases.map { var ledger = $0; ledger.period = q2; return ledger }
        #expect(Report(content: other).restatement("cycle", for: .team("a"), in: q1) == nil)
    }

    @Test func aHiddenValueIsNeverRestated() {
        var now = Self.versions(a: 3.5).now
        // A release that (wrongly) showed the small team: today it is hidden, so nothing is said.
        now.releases[0].shown.append(ReleaseLedger.Shown(cell: ReleaseLedger.Cell(scope: "tiny", metric: "cycle"),
                                                         shown: 1, lower: 0.95, upper: 1.05))
        let report = Report(content: now)
        #expect(report.value("cycle", for: .team("tiny"), in: q1) == nil)
        #expect(report.restatement("cycle", for: .team("tiny"), in: q1) == nil)
    }

    @Test func theLastReleaseOfTheQuarterCounts() {
        var now = Self.versions(a: 3.5).now
        var second = now.releases[0]
        second.shown = second.shown.map { entry in
            var entry = entry
            if entry.cell.scope == "a" { entry.shown = 3.2 }
            return entry
        }
        now.releases.append(second)
        #expect(Report(content: now).restatement("cycle", for: .team("a"), in: q1) == 3.2)
    }

    @Test("a correction to one team keeps the other released values linked to today's")
    func correctionKeepsTheLinks() throws {
        // Tiny (3 people) hides in g1 with a beside it; d in g2 is corrected after the
        // release, from 4.0 to 4.2, while g2 and the organization still read the same.
        func model(d: Double) -> ReportContent {
            var model = ModelBuilder()
            model.team("g1")
            model.team("g2")
            for (id, parent) in [("a", "g1"), ("b", "g1"), ("c", "g2"), ("d", "g2"), ("e", "g2")] {
                model.team(TeamID(id), parent: TeamID(parent), headcount: 10)
            }
            model.team("tiny", parent: "g1", headcount: 3)
            model.metric("cycle", .weightedMean)
            for (id, value) in [("a", 3.0), ("b", 4.0), ("tiny", 6.0), ("c", 5.0), ("d", d), ("e", 5.0)] {
                model.value("cycle", id, value)
            }
            return model.content
        }
        var now = model(d: 4.2)
        now.releases = [Report(content: model(d: 4)).releaseLedger(audience: nil)].compactMap { $0 }
        let report = Report(content: now)
        #expect(report.restatement("cycle", for: .team("d"), in: q1) == 4)
        #expect(report.restatement("cycle", for: .team("g2"), in: q1) == nil)
        let audit = DisclosureAudit(content: report.content, rollUp: report.rollUp)
        let table = try #require(audit.tables.first)
        // The groups above d moved with it: taken as unchanged, no assignment would fit
        // both versions, and the audit would have to forget the release altogether.
        #expect(audit.linking(for: table, hidden: report.suppression.hiddenValues) == .all)
    }
}
