import Testing
import TestSupport
import ReportModel
@testable import Analysis

/// Over random organizations with wholes, values given for groups, two quarters and a
/// release in between: after the privacy rules, every value hidden for its own sake
/// (and every small remainder) keeps its protection against a reader of everything
/// published, the release included. With rule 6 (the audit's hiding) switched off, the
/// same cases leave some exposed: the rule is what keeps the promise.
@Suite("Privacy property: every protected value keeps its protection")
struct DisclosurePropertyTests {
    /// One random case: the content as released in Q1, and as built a quarter later.
    static func make(using random: inout SplitMix64) -> (v1: ReportContent, v2: ReportContent) {
        var model = RandomOrganization.make(aggregate: .weightedMean, using: &random)
        let leaves = model.teams.filter { team in !model.teams.contains { $0.parent == team.id } }
        let groups = model.teams.filter { team in model.teams.contains { $0.parent == team.id } }
        // Three shares of one whole, each a percentage; a part is sometimes missing.
        for part in ["low", "mid", "high"] {
            model.metrics.append(Metric(id: MetricID(part), name: part, category: .judgment, unit: "%",
                                        aggregate: .weightedMean, format: .percent))
        }
        model.metrics.append(Metric(id: "survey", name: "Survey", category: .sentiment, unit: "%",
                                    aggregate: .weightedMean, format: .percent))
        var late: [(TeamID, Double)] = []
        for period in ["2026-Q1", "2026-Q2"] {
            for team in leaves {
                let low = Double(Int.random(in: 0...60, using: &random))
                let mid = Double(Int.random(in: 0...Int(100 - low), using: &random))
                for (part, value) in [("low", low), ("mid", mid), ("high", 100 - low - mid)]
                where Int.random(in: 0..<8, using: &random) > 0 {
                    model.value(MetricID(part), team.id.rawValue, value, period: period)
                }
                let survey = Double(Int.random(in: 0...100, using: &random))
                // A team's survey row is sometimes late: left out of Q1 until the Q2 build.
                if period == "2026-Q1", Int.random(in: 0..<4, using: &random) == 0 {
                    late.append((team.id, survey))
                } else if Int.random(in: 0..<6, using: &random) > 0 {
                    model.value("survey", team.id.rawValue, survey, period: period)
                }
            }
            // The survey tool's own figure for the whole organization, over everyone.
            if Bool.random(using: &random) {
                model.value("survey", "org", Double(Int.random(in: 20...80, using: &random)), period: period)
            }
            if let group = groups.randomElement(using: &random), Bool.random(using: &random) {
                model.value("survey", group.id.rawValue, Double(Int.random(in: 20...80, using: &random)), period: period)
            }
        }
        var v1 = model.content
        v1.wholes = [MetricWhole(id: "level", parts: ["low", "mid", "high"], total: 100)]
        var v2 = v1
        v1.observations = v1.observations.filter { $0.period == q1 }
        for (team, value) in late {
            v2.observations.append(Observation(period: q1, scope: .team(team), metric: "survey", value: value))
        }
        return (v1, v2)
    }

    /// Exposed values over the cases: (cases checked, values audited, exposed).
    static func run(auditing: Bool, cases: Int) -> (built: Int, audited: Int, exposed: [String]) {
        var random = SplitMix64(seed: 0x5DC_16)
        var built = 0, audited = 0
        var exposed: [String] = []
        for index in 0..<cases {
            let (v1, v2Content) = make(using: &random)
            let first = Report(content: v1, auditing: auditing)
            var v2 = v2Content
            if let ledger = first.releaseLedger(audience: nil) { v2.releases = [ledger] }
            let second = Report(content: v2, auditing: auditing)
            for report in [first, second] where report.suppression.unprotectable.isEmpty {
                built += 1
                for value in report.privacyAudit() {
                    audited += 1
                    if !value.isProtected {
                        exposed.append("case \(index): \(value.key.metric) \(value.key.period) \(value.key.scope)"
                                       + "\(value.isRemainder ? " (remainder)" : ""): \(value.interval) inside \(value.required)")
                    }
                }
            }
        }
        return (built, audited, exposed)
    }

    @Test("with the audit, no protected value can be narrowed too far")
    func protected() {
        let result = Self.run(auditing: true, cases: 120)
        #expect(result.exposed.isEmpty, "\(result.exposed.prefix(5))")
        // The generator must make values to protect, and builds that publish.
        #expect(result.audited > 500, "\(result.audited) audited")
        #expect(result.built > 200, "\(result.built) built")
    }

    @Test("a value the audit calls plainly protected, and does not solve for, is protected by the LP too")
    func plainlyProtected() {
        var random = SplitMix64(seed: 0x5DC_17)
        var screened = 0, solved = 0
        for _ in 0..<120 {
            // Before rule 6, where values are still exposed: the screen must not hide that.
            let report = Report(content: Self.make(using: &random).v1, auditing: false)
            let audit = DisclosureAudit(content: report.content, rollUp: report.rollUp)
            let hidden = report.suppression.hiddenValues
            for table in audit.tables {
                for finding in audit.audit(table, hidden: hidden) where !finding.isRemainder {
                    solved += 1
                    guard audit.isPlainlyProtected(finding.key, value: finding.value, required: finding.required,
                                                   in: table, hidden: hidden) else { continue }
                    screened += 1
                    #expect(finding.isProtected, "\(finding.key): \(finding.interval) inside \(finding.required)")
                }
            }
        }
        // The screen must apply often enough to matter, and not to everything.
        #expect(screened > 50 && screened < solved, "\(screened) of \(solved) screened")
    }

    @Test("without rule 6 the same cases leave values exposed")
    func needed() {
        let result = Self.run(auditing: false, cases: 120)
        #expect(result.exposed.count > 10, "\(result.exposed.count) exposed without the audit's hiding")
    }

    @Test("every hidden count keeps 2 people; without rule 5 some would not, and the count audit alone protects them")
    func counts() {
        var random = SplitMix64(seed: 0x5DC_16)
        var audited = 0, withoutRuleFive = 0
        var exposed: [String] = []
        for index in 0..<120 {
            var (_, content) = Self.make(using: &random)
            // Now and then a survey tool's own n for the whole organization, over its
            // teams' respondents and a few more: a given count rule 5 hides.
            let teams = content.observations.filter { $0.metric == "m" && $0.period == q1 }.compactMap(\.n)
            if !teams.isEmpty, Bool.random(using: &random) {
                content.observations.append(Observation(period: q1, scope: .organization, metric: "m", value: 50,
                                                        n: teams.reduce(0, +) + Int.random(in: 0...4, using: &random)))
            }
            let report = Report(content: content, auditing: false)
            for count in report.countPrivacyAudit() {
                audited += 1
                if !count.isProtected { exposed.append("case \(index): \(count.key.map { "\($0)" } ?? "\(count.team!)")") }
            }
            // Rule 5 left out: the counts of suppressed teams alone are hidden at first.
            let audit = CountAuditTests.withoutRuleFive(report)
            withoutRuleFive += audit.audit(hidden: audit.protected).filter { !$0.isProtected }.count
            let outcome = audit.protect(hidden: audit.protected)
            let after = audit.audit(hidden: audit.protected.union(outcome.hidden))
            if !outcome.unprotectable.isEmpty || after.contains(where: { !$0.isProtected }) {
                exposed.append("case \(index): the count audit alone left \(after.filter { !$0.isProtected }.map(\.count))")
            }
        }
        #expect(exposed.isEmpty, "\(exposed.prefix(5))")
        #expect(audited > 200, "\(audited) counts audited")
        #expect(withoutRuleFive > 3, "\(withoutRuleFive) exposed without rule 5 and the count audit")
    }
}
