import ContentLoading
import ReportModel
import Testing

/// The spec of `discern import events`: its defaults, and every error at the spec's
/// `line:column`, all of them in one reading.
@Suite("event spec")
struct EventSpecTests {
    func parse(_ text: String) -> (spec: EventSpec?, printed: [String]) {
        var diagnostics = DiagnosticLog()
        let spec = EventSpec.parse(text, file: "spec.yaml", diagnostics: &diagnostics)
        return (spec, diagnostics.all.map(\.description))
    }

    @Test("defaults: name from the id, outcome, units by statistic, sum or weighted mean, a description saying what is counted")
    func defaults() throws {
        let (spec, printed) = parse("""
            date: {column: Resolved, format: "%d/%b/%y %I:%M %p"}
            team: {person: Assignee, mapping: people.csv}
            metrics:
              - id: issues_done
                statistic: count
                better: higher
                where: {Status: [Done, "Won't Do"], Resolution: ""}
              - id: done_per_week
                statistic: count_per_week
                better: neutral
                category: usage
              - id: bug_share
                statistic: share
                better: lower
                where: {Status: Done}
                of: {Issue Type: Bug}
              - id: cycle_time
                statistic: median
                better: lower
                duration: {from: Created, to: Resolved, unit: days}
                date: {column: Created}
              - id: points
                statistic: sum
                better: higher
                value: Story Points
                unit: story points
                decimals: 0
                aggregate: mean
                name: Story points done
                description: Points of the issues done.
            """)
        #expect(printed.isEmpty, "\(printed)")
        let metrics = try #require(spec).metrics
        #expect(metrics.map(\.name) == ["Issues done", "Done per week", "Bug share", "Cycle time", "Story points done"])
        #expect(metrics.map(\.unit) == ["per quarter", "per week", "%", "days", "story points"])
        #expect(metrics.map(\.category) == [.outcome, .usage, .outcome, .outcome, .outcome])
        #expect(metrics.map(\.aggregate) == [.sum, .sum, .weightedMean, .weightedMean, .mean])
        #expect(metrics[4].decimals == 0)
        #expect(metrics[0].conditions.map(\.values) == [["done", "won't do"], [""]], "folded: trimmed and lowercased")
        #expect(metrics[0].description == "Rows where Status is Done or Won't Do and Resolution is blank, counted per quarter; "
            + "each row falls in the quarter of its Resolved. From an event export; n is the team's people in the export.")
        #expect(metrics[2].description == "Percentage of rows where Status is Done in which Issue Type is Bug; each row falls "
            + "in the quarter of its Resolved. From an event export; n is the people behind the rows.")
        #expect(metrics[4].description == "Points of the issues done.")
        // A metric's own date takes the spec's format.
        #expect(metrics[3].date.column.name == "Created")
        #expect(metrics[3].date.format == metrics[0].date.format)
        #expect(metrics[3].date.format != .iso8601)
        guard case .person(let person, let mapping) = try #require(spec).team else {
            Issue.record("expected a person team")
            return
        }
        #expect(person.name == "Assignee")
        #expect(mapping == "people.csv")
        #expect(EventSpec.mappingPath(in: "team: {person: a, mapping: ../people.csv}\n") == "../people.csv")
    }

    @Test("every error is reported at its line and column in one reading, unknown keys among them")
    func errors() {
        let (spec, printed) = parse("""
            date: {column: finished_at, format: "%d/%q/%Y"}
            team: {column: service}
            metric: []
            metrics:
              - id: deployments
                statistic: count_per_wek
                better: higher
              - id: failures
                statistic: share
                better: lower
                were: {status: failed}
              - id: lead
                statistic: median
                better: sooner
              - id: restore
                statistic: count
                duration: {from: a, to: b, unit: weeks}
              - id: points
                statistic: sum
                better: higher
                value: points
              - id: deployments
                statistic: count
                better: higher
                of: {status: failed}
                where: {status: }
            """)
        #expect(spec == nil)
        #expect(printed == [
            "spec.yaml:3:1: error: unknown key 'metric' in the spec; did you mean 'metrics'?",
            "spec.yaml:1:37: error: 'format' has '%q', which Discern does not read; it reads %Y %y %m %b %B %d %e %H %I %M %S %p %z %%, or iso8601",
            "spec.yaml:6:16: error: 'statistic' must be one of count, count_per_week, sum, mean, median, share, found 'count_per_wek'; did you mean 'count_per_week'?",
            "spec.yaml:11:5: error: unknown key 'were' in a metric; did you mean 'where'?",
            "spec.yaml:9:5: error: statistic 'share' needs 'of': the rows, among those matching 'where', whose share is counted, such as of: {caused_incident: \"true\"}",
            "spec.yaml:14:13: error: 'better' must be one of higher, lower, neutral, found 'sooner'",
            "spec.yaml:13:5: error: statistic 'median' needs 'value' (a numeric column) or 'duration' ({from:, to:, unit:})",
            "spec.yaml:15:5: error: a metric is missing required field 'better' (higher, lower or neutral): which way is better cannot be guessed, fewer incidents but more deployments",
            "spec.yaml:17:38: error: 'unit' must be one of minutes, hours, days, found 'weeks'",
            "spec.yaml:17:5: error: statistic 'count' counts rows and takes no 'duration'; use sum, mean or median for a column",
            "spec.yaml:18:5: error: a metric with 'value' needs 'unit': what the column counts, such as \"story points\"",
            "spec.yaml:26:13: error: 'where' gives no value for 'status'; write \"\" to match a blank cell",
            "spec.yaml:25:5: error: 'of' is for statistic 'share' only",
        ], "\(printed.joined(separator: "\n"))")
    }

    @Test("a team needs a column, or a person and a mapping; a metric id is given once; the spec needs date, team and metrics")
    func structure() {
        let both = parse("""
            date: {column: at}
            team: {column: service, person: author}
            metrics:
              - {id: a, statistic: count, better: higher}
            """)
        #expect(both.printed == [
            "spec.yaml:2:7: error: 'team' needs 'column' (a column of team ids or names), or 'person' and 'mapping' "
                + "(a column naming people, and a person-to-team CSV beside the spec)",
        ])
        let twice = parse("""
            date: {column: at}
            team: {person: author, mapping: people.csv}
            metrics:
              - {id: a, statistic: count, better: higher}
              - {id: a, statistic: count, better: lower}
            """)
        #expect(twice.printed == ["spec.yaml:5:10: error: metric 'a' is defined twice; give each metric one entry"])
        let empty = parse("metrics: []\n")
        #expect(empty.printed == [
            "spec.yaml:1:1: error: the spec is missing required field 'date'",
            "spec.yaml:1:1: error: the spec is missing required field 'team'",
            "spec.yaml:1:1: error: 'metrics' is empty: list at least one",
        ])
    }

    @Test("rows are never selected by a column naming people, nor teams taken from one: specs count teams' rows")
    func noPeopleInWhere() {
        let (_, printed) = parse("""
            date: {column: at}
            team: {person: Reporter, mapping: people.csv}
            metrics:
              - {id: a, statistic: count, better: higher, where: {author: x}}
              - {id: b, statistic: share, better: higher, where: {status: done}, of: {reporter: Gustavo Pereira}}
              - {id: c, statistic: count, better: higher, where: {status: [ava.lindqvist@northwind.example]}}
            """)
        #expect(printed == [
            "spec.yaml:4:55: error: 'where' may not select rows by 'author': it names people, and Discern reports teams, never one person",
            "spec.yaml:5:75: error: 'of' may not select rows by 'reporter': it names people, and Discern reports teams, never one person",
            "spec.yaml:6:64: error: 'where': each value of 'status' must be a single value, not an e-mail address, list or mapping",
        ], "\(printed)")
        #expect(!printed.joined().contains("lindqvist"))
        #expect(!printed.joined().contains("Gustavo"))
        let column = parse("date: {column: at}\nteam: {column: Assignee}\nmetrics:\n  - {id: a, statistic: count, better: higher}\n")
        #expect(column.printed == ["spec.yaml:2:16: error: 'team' column 'Assignee' names people, not teams; write "
            + "team: {person: Assignee, mapping: people.csv} to map them to teams"])
    }
}
