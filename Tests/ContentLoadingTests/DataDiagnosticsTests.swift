import Testing
import ReportModel
@testable import ContentLoading

@Suite("Data files: values, ids, duplicates and people, at exact positions")
struct DataDiagnosticsTests {
    @Test("long-form CSV loads values and n; a blank value is missing, not zero")
    func longForm() {
        let load = Fixture.load(["data/v.csv": "period,team,metric,value,n\n2026-Q1,platform,cycle_time,3.5,\n2026-Q1,payments,cycle_time,,\n2026-Q1,support,csat,81,40\n"])
        #expect(load.diagnostics.isEmpty)
        let values = load.content.observations.map { "\($0.scope) \($0.metric) \($0.value) \($0.n.map(String.init) ?? "-")" }
        #expect(values == ["platform cycle_time 3.5 -", "support csat 81.0 40"])
    }

    @Test("wide-form CSV gives one observation per metric column")
    func wideForm() {
        let load = Fixture.load(["data/w.csv": "period,team,cycle_time,csat\n2026-Q1,platform,3.5,\n2026-Q1,org,,77\n"])
        #expect(load.diagnostics.isEmpty)
        #expect(load.content.observations.map { "\($0.scope) \($0.metric) \($0.value)" } == [
            "platform cycle_time 3.5", "org csat 77.0",
        ])
        #expect(load.content.observations[0].location.description == "data/w.csv:2:18")
    }

    @Test("a byte-order mark and CRLF endings are accepted")
    func bomAndCRLF() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("period,team,metric,value\r\n2026-Q1,platform,cycle_time,2\r\n".utf8)
        let load = Fixture.load(bytes: ["data/b.csv": bytes])
        #expect(load.diagnostics.isEmpty)
        #expect(load.content.observations.count == 1)
    }

    @Test("non-numeric values, NaN and infinity are errors at the cell")
    func badValues() {
        let csv = "period,team,metric,value\n2026-Q1,platform,cycle_time,abc\n2026-Q2,platform,cycle_time,NaN\n2026-Q3,platform,cycle_time,-inf\n2026-Q4,platform,cycle_time,\"1,5\"\n"
        #expect(Fixture.messages(["data/v.csv": csv]) == [
            "data/v.csv:2:29: error: value must be a number, found 'abc'",
            "data/v.csv:3:29: error: value must be a finite number, found 'NaN'",
            "data/v.csv:4:29: error: value must be a finite number, found '-inf'",
            "data/v.csv:5:29: error: value must be a number, found '1,5'",
        ])
    }

    @Test("unknown teams and metrics get a suggestion")
    func unknownIDs() {
        let csv = "period,team,metric,value\n2026-Q1,platfrom,cycle_time,2\n2026-Q1,platform,cycle_tim,2\n2026-Q1,zzz,csat,2\n"
        #expect(Fixture.messages(["data/v.csv": csv]) == [
            "data/v.csv:2:9: error: unknown team 'platfrom'; did you mean 'platform'?",
            "data/v.csv:3:18: error: unknown metric 'cycle_tim'; did you mean 'cycle_time'?",
            "data/v.csv:4:9: error: unknown team 'zzz'",
        ])
        #expect(Fixture.messages(["data/w.csv": "period,team,csatt\n"]) == [
            "data/w.csv:1:13: error: unknown metric 'csatt'; did you mean 'csat'?",
        ])
    }

    @Test("a 5 MB bad cell is quoted in a short message: its first 79 characters and an ellipsis")
    func hugeCell() {
        let huge = String(repeating: "x", count: 5_000_000)
        let csv = "period,team,metric,value\n2026-Q1,\(huge),cycle_time,2\n2026-Q1,platform,\(huge),2\n"
            + "2026-Q1,platform,cycle_time,\(huge)\n"
        let cut = String(repeating: "x", count: 79) + "…"
        #expect(Fixture.messages(["data/v.csv": csv]) == [
            "data/v.csv:2:9: error: unknown team '\(cut)'",
            "data/v.csv:3:18: error: unknown metric '\(cut)'",
            "data/v.csv:4:29: error: value must be a number, found '\(cut)'",
        ])
    }

    @Test("an unclosed quote in the last column of a big file gives short messages")
    func unclosedQuoteInBigFile() {
        let rows = (0..<100_000).map { _ in "2026-Q1,platform,cycle_time,2" }.joined(separator: "\n")
        let csv = "period,team,metric,value\n2026-Q1,platform,cycle_time,\"2\n" + rows + "\n"
        let messages = Fixture.messages(["data/v.csv": csv])
        #expect(!messages.isEmpty)
        #expect(messages.allSatisfy { $0.count <= 200 }, "\(messages.map(\.count))")
    }

    @Test("a duplicate (period, team, metric) names both lines, across files")
    func duplicates() {
        let first = "period,team,metric,value\n2026-Q1,platform,cycle_time,2\n2026-Q1,platform,cycle_time,3\n"
        let second = "period,team,cycle_time\n2026-Q1,platform,4\n"
        #expect(Fixture.messages(["data/a.csv": first, "data/b.csv": second]) == [
            "data/a.csv:3:1: error: duplicate value for cycle_time, platform, 2026-Q1; first given at data/a.csv:2:1",
            "data/b.csv:2:18: error: duplicate value for cycle_time, platform, 2026-Q1; first given at data/a.csv:2:1",
        ])
    }

    @Test("a malformed period is an error with the expected form")
    func malformedPeriod() {
        let csv = "period,team,metric,value\n2026Q1,platform,cycle_time,2\n2026-Q5,platform,cycle_time,2\n"
        #expect(Fixture.messages(["data/v.csv": csv]) == [
            "data/v.csv:2:1: error: malformed period '2026Q1'; expected YYYY-Qn, like 2026-Q3",
            "data/v.csv:3:1: error: malformed period '2026-Q5'; expected YYYY-Qn, like 2026-Q3",
        ])
    }

    @Test("a row with the wrong number of fields and a bad n are errors")
    func shape() {
        let csv = "period,team,metric,value,n\n2026-Q1,platform,cycle_time\n2026-Q1,platform,cycle_time,2,3.5\n"
        #expect(Fixture.messages(["data/v.csv": csv]) == [
            "data/v.csv:2:1: error: expected 5 fields as in the header, found 3",
            "data/v.csv:3:31: error: n must be a whole number of people from 0 to 10000000, found '3.5'",
        ])
    }

    @Test("missing columns and unknown columns")
    func columns() {
        #expect(Fixture.messages(["data/v.csv": "quarter,team,csat\n"]) == [
            "data/v.csv:1:1: error: missing column 'period'; the header must name period, team and the values",
        ])
        #expect(Fixture.messages(["data/v.csv": "period,team,metric,value,notes\n"]) == [
            "data/v.csv:1:26: warning: unknown column 'notes' is ignored; long-form data has period, team, metric, value, n, and for given intervals ci_low, ci_high or sd",
        ])
    }

    @Test("columns that identify people are refused, and their values never echoed")
    func people() {
        let csv = "period,team,user_login,metric,value\n2026-Q1,platform,octocat,cycle_time,2\n"
        let load = Fixture.load(["data/v.csv": csv])
        #expect(load.diagnostics.map(\.description) == [
            "data/v.csv:1:13: error: column 'user_login' identifies people; Discern reports teams, never individuals. Aggregate the data to teams before import and drop this column",
        ])
        #expect(load.content.observations.isEmpty, "a per-person file contributes nothing")
        for column in ["email", "User Principal Name", "user_email", "github_login", "PersonId", "employee_id", "display_name"] {
            #expect(PersonIdentifier.isIdentifierColumn(column), "\(column)")
        }
        for column in ["weekly_active_users", "team", "value", "csat", "suggestion_acceptance_rate"] {
            #expect(!PersonIdentifier.isIdentifierColumn(column), "\(column)")
        }
        let emails = "period,team,metric,value\n2026-Q1,ada@example.com,cycle_time,2\n"
        let messages = Fixture.messages(["data/e.csv": emails])
        #expect(messages == [
            "data/e.csv:2:9: error: this value looks like an e-mail address; Discern reports teams, never individuals. Aggregate the data to teams before import",
        ])
        #expect(!messages.joined().contains("ada@"))
    }

    @Test("e-mail addresses are refused in YAML fields and never echoed anywhere")
    func emailsEverywhere() {
        let teams = Fixture.teams + "\n  - {id: solo, name: carol@corp.com, headcount: 5}\n"
        let csv = "period,team,metric,value,n\nbob@corp.com,platform,alice@corp.com,dave@corp.com,eve@corp.com\n"
        let front = "---\nauthor: frank@corp.com\n---\n"
        let messages = Fixture.messages(["teams.yaml": teams, "data/v.csv": csv, "narratives/org/2026-Q1.md": front])
        #expect(messages.contains("teams.yaml:15:22: error: " + PersonIdentifier.emailMessage))
        #expect(messages.contains("data/v.csv:2:1: error: " + PersonIdentifier.emailMessage))
        #expect(!messages.joined().contains("@corp.com"), "\(messages)")
    }

    @Test("JSON data loads, with null as missing")
    func json() {
        let json = """
            [
              {"period": "2026-Q1", "team": "platform", "metric": "cycle_time", "value": 2.5},
              {"period": "2026-Q1", "team": "support", "metric": "csat", "value": 80, "n": 31},
              {"period": "2026-Q2", "team": "support", "metric": "csat", "value": null}
            ]
            """
        let load = Fixture.load(["data/d.json": json])
        #expect(load.diagnostics.isEmpty)
        #expect(load.content.observations.map { "\($0.scope) \($0.value) \($0.n ?? -1)" } == ["platform 2.5 -1", "support 80.0 31"])
    }

    @Test("JSON errors point at the member")
    func jsonErrors() {
        let json = """
            [
              {"period": "2026-Q1", "team": "platform", "metric": "cycle_time", "value": "2.5"},
              {"period": "2026-Q1", "team": "support", "metric": "csat", "value": 1e999, "email": "x"},
              {"period": "2026-Q1", "team": "support", "metrc": "csat", "value": 1},
              {"period": 2026, "team": "support", "metric": "csat", "value": 1}
            ]
            """
        #expect(Fixture.messages(["data/d.json": json]) == [
            "data/d.json:2:78: error: value must be a number, found a string",
            "data/d.json:3:71: error: value must be a finite number, found '1e999'",
            "data/d.json:3:78: error: column 'email' identifies people; Discern reports teams, never individuals. Aggregate the data to teams before import and drop this column",
            "data/d.json:4:3: error: missing required key 'metric'",
            "data/d.json:4:44: warning: unknown key 'metrc' is ignored; did you mean 'metric'?",
            "data/d.json:5:14: error: 'period' must be a string, found a number",
        ])
    }

    @Test("JSON syntax errors point at the offending character")
    func jsonSyntax() {
        #expect(Fixture.messages(["data/d.json": "[\n  {\"period\": \"2026-Q1\",}\n]"]) == [
            "data/d.json:2:24: error: expected a quoted key",
        ])
        #expect(Fixture.messages(["data/d.json": "{\"a\": 1}"]) == [
            "data/d.json:1:1: error: expected an array of {period, team, metric, value, n} objects, found an object",
        ])
    }

    @Test("hostile JSON nesting is refused, not a stack overflow")
    func deepJSON() {
        let json = String(repeating: "[", count: 100_000)
        #expect(Fixture.messages(["data/d.json": json]) == ["data/d.json:1:257: error: JSON is nested too deeply"])
    }
}
