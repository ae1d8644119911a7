import Testing
import ReportModel
@testable import ContentLoading

@Suite("Diagnostics for site, teams and metrics, at exact positions")
struct StructureDiagnosticsTests {
    @Test("the base fixture loads without a diagnostic")
    func cleanFixture() {
        let load = Fixture.load()
        #expect(load.diagnostics.isEmpty)
        #expect(load.content.organization.teams.map(\.id) == ["eng", "platform", "payments", "support"])
        #expect(load.content.metrics.map(\.id) == ["cycle_time", "csat"])
        #expect(load.content.site.minGroupSize == 5)
    }

    @Test("a duplicate team id names both places")
    func duplicateTeam() {
        let teams = Fixture.teams + "\n  - id: platform\n    name: Again\n    headcount: 6\n"
        #expect(Fixture.messages(["teams.yaml": teams]) == [
            "teams.yaml:15:9: error: duplicate team id 'platform'; first declared at teams.yaml:4:9",
        ])
    }

    @Test("a duplicate metric id names both places")
    func duplicateMetric() {
        let metrics = Fixture.metrics + "\n  - {id: csat, name: C, category: outcome, unit: x, better: higher, aggregate: mean}\n"
        #expect(Fixture.messages(["metrics.yaml": metrics]) == [
            "metrics.yaml:14:10: error: duplicate metric id 'csat'; first declared at metrics.yaml:8:9",
        ])
    }

    @Test("a cycle in the team tree is reported with its path")
    func cycle() {
        let teams = """
            teams:
              - {id: a, name: A, parent: c}
              - {id: b, name: B, parent: a}
              - {id: c, name: C, parent: b}
              - {id: d, name: D, parent: c, headcount: 5}
            """
        let messages = Fixture.messages(["teams.yaml": teams])
        #expect(messages == [
            "teams.yaml:2:5: error: the team tree has a cycle: a → c → b → a; a team cannot be its own ancestor",
        ])
    }

    @Test("an unknown parent gets a suggestion")
    func unknownParent() {
        let teams = "teams:\n  - {id: eng, name: E}\n  - {id: web, name: Web, parent: engg, headcount: 7}\n"
        #expect(Fixture.messages(["teams.yaml": teams]).contains(
            "teams.yaml:3:5: error: team 'web' names unknown parent 'engg'; did you mean 'eng'?"))
    }

    @Test("an unknown parent's hint never offers a group that would still be too small to show")
    func unknownParentTooSmall() {
        // platform (2 people) with web (2) in it would have 4, under the minimum of 5.
        let teams = """
            teams:
              - {id: platform, name: P}
              - {id: api, name: API, parent: platform, headcount: 2}
              - {id: web, name: Web, parent: platfrom, headcount: 2}
              - {id: ops, name: Ops, headcount: 9}

            """
        let messages = Fixture.messages(["teams.yaml": teams])
        #expect(messages.contains("teams.yaml:4:5: error: team 'web' names unknown parent 'platfrom'"), "\(messages)")
        #expect(!messages.joined().contains("did you mean"))
    }

    @Test("missing required fields are errors at the entry")
    func missingFields() {
        let teams = "teams:\n  - {id: solo, name: Solo}\n  - {name: Nameless, headcount: 5}\n"
        #expect(Fixture.messages(["teams.yaml": teams]) == [
            "teams.yaml:2:5: error: team 'solo' is missing required field 'headcount' (teams without members need one)",
            "teams.yaml:3:5: error: a team is missing required field 'id'",
        ])
        let metrics = "metrics:\n  - id: x\n    name: X\n    category: outcome\n    better: higher\n    aggregate: sum\n"
        #expect(Fixture.messages(["metrics.yaml": metrics]) == [
            "metrics.yaml:2:5: error: metric 'x' is missing required field 'unit'",
        ])
    }

    @Test("unknown keys are warnings with a suggestion")
    func unknownKeys() {
        let site = Fixture.site + "\ntheem: dark\nprivacy:\n  min_group_sise: 7\n"
        #expect(Fixture.messages(["site.yaml": site]) == [
            "site.yaml:3:1: warning: unknown key 'theem' in site.yaml is ignored; did you mean 'theme'?",
            "site.yaml:5:3: warning: unknown key 'min_group_sise' in privacy is ignored; did you mean 'min_group_size'?",
        ])
    }

    @Test("a wrong choice lists the allowed words")
    func wrongChoice() {
        let metrics = "metrics:\n  - {id: x, name: X, category: outcomes, unit: d, better: up, aggregate: avg}\n"
        #expect(Fixture.messages(["metrics.yaml": metrics]) == [
            "metrics.yaml:2:32: error: 'category' must be one of outcome, quality, judgment, sentiment, skills, usage, found 'outcomes'; did you mean 'outcome'?",
            "metrics.yaml:2:59: error: 'better' must be one of higher, lower, neutral, found 'up'",
            "metrics.yaml:2:74: error: 'aggregate' must be one of sum, mean, weighted_mean, median, min, max, found 'avg'",
        ])
    }

    @Test("min_group_size below 3 is refused")
    func tinyMinimum() {
        let site = "title: T\nprivacy:\n  min_group_size: 2\n"
        let load = Fixture.load(["site.yaml": site])
        #expect(load.diagnostics.map(\.description) == [
            "site.yaml:3:19: error: min_group_size 2 is below 3, the lowest Discern allows: groups that small let readers identify people",
        ])
        #expect(load.content.site.minGroupSize == 5)
    }

    @Test("min_teams_for_correlation is 8 by default; below 4, or not a whole number, is an error at its place")
    func minTeamsForCorrelation() {
        #expect(Fixture.load().content.site.minTeamsForCorrelation == 8)
        #expect(Fixture.load(["site.yaml": "title: T\nmin_teams_for_correlation: 12\n"]).content.site.minTeamsForCorrelation == 12)
        let tooLow = Fixture.load(["site.yaml": "title: T\nmin_teams_for_correlation: 3\n"])
        #expect(tooLow.diagnostics.map(\.description) == [
            "site.yaml:2:28: error: 'min_teams_for_correlation' must be a whole number 4 or more, found '3'",
        ])
        #expect(tooLow.content.site.minTeamsForCorrelation == 8)
        #expect(Fixture.messages(["site.yaml": "title: T\nmin_teams_for_correlation: eight\n"]) == [
            "site.yaml:2:28: error: 'min_teams_for_correlation' must be a whole number 4 or more, found 'eight'",
        ])
        #expect(Fixture.messages(["site.yaml": "title: T\nmin_team_for_correlation: 8\n"]) == [
            "site.yaml:2:1: warning: unknown key 'min_team_for_correlation' in site.yaml is ignored; did you mean 'min_teams_for_correlation'?",
        ])
    }

    @Test("banner: is read as text; a blank one is none, and a list is an error at its place")
    func banner() {
        let load = Fixture.load(["site.yaml": Fixture.site + "\nbanner: \"Example data: <b>made up</b>\"\n"])
        #expect(load.diagnostics.isEmpty, "\(load.diagnostics)")
        #expect(load.content.site.banner == "Example data: <b>made up</b>")
        #expect(Fixture.load(["site.yaml": Fixture.site + "\nbanner: \"  \"\n"]).content.site.banner == nil)
        #expect(Fixture.load().content.site.banner == nil)
        let list = Fixture.load(["site.yaml": "title: T\nbanner: [Draft]\n"])
        #expect(list.diagnostics.map(\.description).contains { $0.hasPrefix("site.yaml:2:9: error:") }, "\(list.diagnostics)")
        #expect(list.content.site.banner == nil)
    }

    @Test("ids must be lowercase slugs, and 'org' is reserved")
    func ids() {
        let teams = "teams:\n  - {id: Web Team, name: W, headcount: 5}\n  - {id: org, name: O, headcount: 5}\n"
        #expect(Fixture.messages(["teams.yaml": teams]) == [
            "teams.yaml:2:10: error: 'id' must be a lowercase id of letters, digits, '_' and '-' (like 'platform-team'), found 'Web Team'",
            "teams.yaml:3:10: error: 'org' is reserved for the whole organization; choose another team id",
        ])
    }

    @Test("a YAML syntax error points at its line")
    func yamlSyntax() {
        let messages = Fixture.messages(["site.yaml": "title: [unclosed\n"])
        #expect(messages.count == 1)
        #expect(messages[0].hasPrefix("site.yaml:2:1: error: YAML syntax:"))
    }

    @Test("a missing required file is an error")
    func missingFile() {
        let source = ContentSource.memory(text: ["site.yaml": Fixture.site])
        let messages = ContentLoader(source: source).load().diagnostics.map(\.description)
        #expect(messages == [
            "metrics.yaml:1:1: error: missing metrics.yaml; every content folder needs one (see the README's content format)",
            "teams.yaml:1:1: error: missing teams.yaml; every content folder needs one (see the README's content format)",
        ])
    }

    @Test("a file that is not UTF-8 is reported at the bad byte")
    func notUTF8() {
        var bytes = Array("teams:\n  - {id: caf".utf8)
        bytes += [0xE9] // Latin-1 é
        bytes += Array(", name: C, headcount: 5}\n".utf8)
        let messages = Fixture.load(bytes: ["teams.yaml": bytes]).diagnostics.map(\.description)
        #expect(messages == ["teams.yaml:2:13: error: file is not valid UTF-8 (byte 0xE9); save it as UTF-8"])
    }

    @Test("a group's headcount is computed from its teams")
    func groupHeadcount() {
        let organization = Fixture.load().content.organization
        #expect(organization.headcount(of: .team("eng")) == 21)
        #expect(organization.headcount(of: .organization) == 41)
        #expect(organization.isGroup("eng"))
        #expect(!organization.isGroup("support"))
    }
}
