import Testing
import Formatting
import ReportModel
@testable import Analysis

@Suite("Coverage: how much of its scope a roll-up covers")
struct CoverageTests {
    /// org ─┬─ eng (group) ─┬─ web (10) ─ api (10) ─ tiny (3, too small to list)
    ///      │               └─ data (group) ─┬─ lake (6)
    ///      │                                └─ ml (14)
    ///      └─ ops (40)
    func organization(_ values: [(String, Double)], period: String = "2026-Q1",
                      into model: inout ModelBuilder) {
        for (scope, value) in values { model.value("m", scope, value, period: period) }
    }

    func model() -> ModelBuilder {
        var model = ModelBuilder()
        model.team("eng")
        model.team("web", parent: "eng", headcount: 10)
        model.team("api", parent: "eng", headcount: 10)
        model.team("tiny", parent: "eng", headcount: 3)
        model.team("data", parent: "eng")
        model.team("lake", parent: "data", headcount: 6)
        model.team("ml", parent: "data", headcount: 14)
        model.team("ops", headcount: 40)
        model.metric("m", .mean)
        return model
    }

    @Test("a roll-up counts the teams behind it and their people, through nested groups")
    func nested() throws {
        var model = model()
        organization([("web", 1), ("lake", 2), ("tiny", 3)], into: &model)
        let rollUp = RollUp(content: model.content)
        let org = model.content.organization
        let eng = try #require(rollUp.coverage(of: .team("eng"), metric: "m", period: q1, in: org))
        #expect(eng.contributing == ["web", "lake", "tiny"])
        #expect(eng.teams == ["web", "api", "tiny", "lake", "ml"])
        #expect(eng.contributingHeadcount == 19 && eng.headcount == 43)
        #expect(eng.isPartial && !eng.isComplete)
        let data = try #require(rollUp.coverage(of: .team("data"), metric: "m", period: q1, in: org))
        #expect(data.contributing == ["lake"] && data.teams == ["lake", "ml"])
        let whole = try #require(rollUp.coverage(of: .organization, metric: "m", period: q1, in: org))
        #expect(whole.teams.count == 6 && whole.headcount == 83 && whole.contributingHeadcount == 19)
        #expect(rollUp.coverage(of: .team("web"), metric: "m", period: q1, in: org) == nil)
    }

    @Test("a value given for a member group covers all its teams")
    func given() throws {
        var model = model()
        organization([("data", 5), ("web", 1)], into: &model)
        let rollUp = RollUp(content: model.content)
        let eng = try #require(rollUp.coverage(of: .team("eng"), metric: "m", period: q1, in: model.content.organization))
        #expect(eng.contributing == ["web", "lake", "ml"])
        #expect(!eng.isPartial)
    }

    @Test("exactly half the people is not partial; fewer than half is")
    func threshold() {
        let half = Coverage(contributing: ["a"], teams: ["a", "b"], contributingHeadcount: 10, headcount: 20)
        let under = Coverage(contributing: ["a"], teams: ["a", "b"], contributingHeadcount: 10, headcount: 21)
        #expect(!half.isPartial)
        #expect(under.isPartial)
    }

    @Test("the report counts listed teams only")
    func listed() throws {
        var model = model()
        organization([("web", 1), ("tiny", 3)], into: &model)
        let eng = try #require(model.report.coverage("m", for: .team("eng"), in: q1))
        #expect(eng.contributing == ["web"])
        #expect(eng.teams == ["web", "api", "lake", "ml"])
        #expect(eng.contributingHeadcount == 10 && eng.headcount == 40)
        #expect(eng.isPartial)
    }

    @Test("a roll-up's change is not judged when different teams stand behind the two quarters")
    func differingCoverage() throws {
        var model = model()
        model.metrics = []
        model.metric("m", .mean, better: .higher)
        organization([("web", 1), ("api", 1), ("ops", 1)], into: &model)
        organization([("web", 5), ("ops", 5)], period: "2026-Q2", into: &model)
        let report = model.report
        let org = try #require(report.change("m", for: .organization, in: q2))
        #expect(org.assessment == .incomparable)
        #expect(report.change("m", for: .team("web"), in: q2)?.assessment == .better)
        #expect(report.change("m", for: .team("eng"), in: q2)?.assessment == .incomparable)
    }

    @Test("the same teams in both quarters are judged as before")
    func sameCoverage() {
        var model = model()
        organization([("web", 1), ("ops", 1)], into: &model)
        organization([("web", 5), ("ops", 5)], period: "2026-Q2", into: &model)
        #expect(model.report.change("m", for: .organization, in: q2)?.assessment == .better)
    }

    @Test("no change across different teams is still not comparable, and the words say why")
    func wording() throws {
        let metric = try #require(model().content.metrics.first)
        let moved = Change(from: 2, to: 3, better: .higher, comparable: false)
        #expect(ValueFormatter.change(moved, for: metric).text == "+1.0 (not comparable: different teams reported)")
        #expect(ValueFormatter.classes(of: moved, for: metric) == "delta delta-incomparable delta-up")
        let still = Change(from: 2, to: 2, better: .higher, comparable: false)
        #expect(still.assessment == .incomparable)
        #expect(ValueFormatter.change(still, for: metric).text.hasSuffix("(not comparable: different teams reported)"))
        #expect(ValueFormatter.classes(of: still, for: metric) == "delta delta-incomparable")
    }

    /// The attacker holds the published pages of builds (or quarters side by side) that
    /// differ only in a team too small to list: whether it reported, and its headcount.
    /// What coverage publishes (the two counts and the partial flag) is the same in all
    /// of them; whether a change is judged follows only from what the pages said before
    /// coverage, "includes teams too small to list" among it.
    @Test("coverage says nothing about a team too small to list", arguments: [3, 4])
    func attack(tinyHeadcount: Int) throws {
        func report(tinyReportsIn quarters: [Period]) -> Report {
            var model = ModelBuilder()
            model.team("eng")
            model.team("web", parent: "eng", headcount: 10)
            model.team("api", parent: "eng", headcount: 11)
            model.team("tiny", parent: "eng", headcount: tinyHeadcount)
            model.team("ops", headcount: 30)
            model.metric("m", .weightedMean)
            // web holds 10 of the 21 listed people in eng, one short of half: a flag that
            // counted tiny's people would flip with its reporting.
            for (period, value) in [("2026-Q1", 4.0), ("2026-Q2", 5.0)] {
                model.value("m", "web", value, period: period)
                model.value("m", "ops", value, period: period)
                if quarters.contains(Period(period)!) { model.value("m", "tiny", 4, period: period) }
            }
            return model.report
        }
        func coverage(_ report: Report) -> [String] {
            [Scope.team("eng"), .organization].flatMap { scope in
                [q1, q2].map { period in
                    let coverage = report.coverage("m", for: scope, in: period)
                    return "\(scope) \(period): \(coverage?.contributing.count ?? -1) of \(coverage?.teams.count ?? -1), "
                        + "partial \(coverage?.isPartial ?? false)"
                }
            }
        }
        let worlds = [[], [q2], [q1, q2]].map { report(tinyReportsIn: $0) }
        let published = coverage(worlds[0])
        #expect(published.contains("eng 2026-Q2: 1 of 2, partial true"))
        for world in worlds { #expect(coverage(world) == published) }
        for world in worlds {
            let notes = [q1, q2].map { world.reading("m", for: .team("eng"), in: $0)?.includesUnlistedTeams }
            let judged = world.change("m", for: .team("eng"), in: q2)?.assessment != .incomparable
            #expect(judged == (notes[0] == notes[1]))
        }
    }
}
