import ContentLoading
import Foundation
@testable import Importing
import ReportModel
import Testing
import TestSupport

/// `discern import events` without the command line. The fixtures under
/// `Tests/Fixtures/import/events/` are README's examples: a CD tool's deployments and an
/// incident tool's incidents, one row each, by team (the DORA keys, as the DORA team's
/// Four Keys project defines them: https://github.com/dora-team/fourkeys/blob/main/METRICS.md),
/// and a Jira Cloud issue search exported as CSV (`Summary`, `Issue key`, …, `Assignee`,
/// `Assignee Id`, `Created`, `Resolved`, repeated `Labels`), dates in Jira's default
/// `dd/MMM/yy h:mm a`, by person. Every value below is worked out by hand in a comment.
@Suite("event import")
struct EventImporterTests {
    static let teams: [(id: String, name: String)] = [("platform", "Platform"), ("payments", "Payments"), ("mobile", "Mobile")]
    static let headcounts = ["platform": 8, "payments": 7, "mobile": 3]

    func run(_ events: InputFile, spec: InputFile, mapping: InputFile? = nil, minGroupSize: Int = 5,
             teams: [(id: String, name: String)]? = EventImporterTests.teams,
             headcounts: [String: Int]? = EventImporterTests.headcounts) -> UsageImport {
        var importer = EventImporter(events: events, spec: spec)
        importer.mapping = mapping
        importer.minGroupSize = minGroupSize
        importer.teams = teams
        importer.headcounts = headcounts
        return importer.run()
    }

    func run(csv: String, spec: String, minGroupSize: Int = 5, teams: [(id: String, name: String)]? = EventImporterTests.teams,
             headcounts: [String: Int]? = EventImporterTests.headcounts) -> UsageImport {
        run(InputFile(path: "events.csv", text: csv), spec: InputFile(path: "spec.yaml", text: spec), minGroupSize: minGroupSize,
            teams: teams, headcounts: headcounts)
    }

    func fixture(_ name: String) throws -> InputFile { try ImportFixture.file("events/\(name)") }

    @Test("DORA from deployments: frequency per week, median lead time, change failure rate; n is the team's headcount")
    func deployments() throws {
        let result = run(try fixture("deployments.csv"), spec: try fixture("deployments.yaml"))
        #expect(!result.diagnostics.hasErrors, "\(result.printed)")
        #expect(result.table == [
            // d-0990 finished 2026-06-30T23:30-02:00: 2026-Q2 as written (in UTC it is 1 July). 1 deployment in
            // 91 days is 7/91 = 0.0769 a week; 20:30 to 23:30 is 3 hours; it caused nothing.
            "2026-Q2 platform deployment_frequency": "0.0769 n=8",
            "2026-Q2 platform lead_time_for_changes": "3 n=8",
            "2026-Q2 platform change_failure_rate": "0 n=8",
            // d-1001, 1002, 1005, 1008, 1011 (not staging d-1003 nor failed d-1004): 5 in 92 days is 35/92 = 0.3804;
            // lead times 6, 24, 4 (+02:00 both ends), 12, 2 hours, median 6; 1002 (true) and 1011 (yes) of 5 is 40%.
            "2026-Q3 platform deployment_frequency": "0.3804 n=8",
            "2026-Q3 platform lead_time_for_changes": "6 n=8",
            "2026-Q3 platform change_failure_rate": "40 n=8",
            // d-1006, 1009 ("Payments", the team's name), 1012: 3 in 92 days is 21/92 = 0.2283; 1.5, 24, 1 hours,
            // median 1.5; 1012 (TRUE) of 3 is 33.3333%.
            "2026-Q3 payments deployment_frequency": "0.2283 n=7",
            "2026-Q3 payments lead_time_for_changes": "1.5 n=7",
            "2026-Q3 payments change_failure_rate": "33.3333 n=7",
        ], "\(result.csv)")
        // Mobile's headcount is 3; data-eng is in no teams.yaml.
        #expect(result.summary.lines(output: "o.csv") == [
            "Imported 9 values for 2 teams in 2 quarters (2026-Q2 to 2026-Q3) (14 event rows read) into o.csv.",
            "Left out 1 team-quarter with fewer than 5 people (the minimum group size).",
        ])
        #expect(result.printed == ["events/deployments.csv:15:8: warning: 1 row names a team that teams.yaml does not have: "
            + "'data-eng'; it is counted in no team"])
        let fragment = result.metricsFragment
        #expect(fragment.contains("  - id: change_failure_rate\n    name: \"Change failure rate\"\n    category: quality\n"
            + "    unit: \"%\"\n    better: lower\n    aggregate: weighted_mean\n    baseline: 2026-Q2   # the first quarter imported"))
        #expect(fragment.contains("  - id: deployment_frequency\n    name: \"Deployment frequency\"\n    category: outcome\n"
            + "    unit: \"per week\"\n    better: higher\n    aggregate: sum\n"))
        #expect(fragment.contains("    format: percent\n"))
    }

    @Test("DORA from incidents: a count by the date opened, time to restore by the date resolved")
    func incidents() throws {
        let result = run(try fixture("incidents.csv"), spec: try fixture("incidents.yaml"))
        #expect(result.table == [
            // Platform opened inc-501, 502, 506 and 507 (sev1 or sev2; not sev3 504) in 2026-Q3.
            "2026-Q3 platform incidents": "4 n=8",
            // Resolved in Q3: 501 (2 hours) and 502 (6 hours), median 4; 506 is still open.
            "2026-Q3 platform time_to_restore": "4 n=8",
            // 507 was resolved on 1 October after 6 hours. No incident was opened in Q4, so no count is given there.
            "2026-Q4 platform time_to_restore": "6 n=8",
            // inc-503 ("SEV2") and 505: 1.5 and 3 hours, median 2.25.
            "2026-Q3 payments incidents": "2 n=7",
            "2026-Q3 payments time_to_restore": "2.25 n=7",
        ], "\(result.csv)")
        #expect(result.printed == ["events/incidents.csv:7:44: warning: 1 row matching metric 'time_to_restore' has a blank "
            + "'resolved_at' and is left out of it"])
    }

    /// The Jira export's values by person: who is in which team comes from people.csv, by
    /// the Assignee's display name.
    static let jiraValues = [
        // PLAT-101 to 106 (Story, Bug, Task; not the Epic 107): 2, 0.5, 4, 10, 0.5 (noon to midnight) and 3 days,
        // median (2 + 3) / 2 = 2.5, from Ava, Bram, Chiara, Dmitri and Esi: 5 people.
        "2026-Q3 platform cycle_time": "2.5 n=5",
        // PLAT-101 to 107 done (the unassigned 110 is in no team): 7 in 92 days is 49/92 = 0.5326. The team's
        // people in the quarter are those five and Farah (the Epic): 6.
        "2026-Q3 platform issues_done": "0.5326 n=6",
        // PAY-201 to 205: 7, 1, 2, 5, 0.25 days, median 2; 5 done, 35/92 = 0.3804, by 5 people.
        "2026-Q3 payments cycle_time": "2 n=5",
        "2026-Q3 payments issues_done": "0.3804 n=5",
    ]

    @Test("Jira by person: a mapping of display names, cycle time in days, done issues per week; n counts people")
    func jira() throws {
        let result = run(try fixture("jira-issues.csv"), spec: try fixture("jira.yaml"), mapping: try fixture("people.csv"))
        #expect(result.table == Self.jiraValues, "\(result.csv)")
        // Payments in 2026-Q2 (PAY-200 by Ines alone) and Mobile (Priya and Quentin) are too small.
        #expect(result.summary.lines(output: "o.csv") == [
            "Imported 4 values for 2 teams in 2026-Q3 from 11 people (18 event rows read) into o.csv.",
            "Left out 2 team-quarters with fewer than 5 people (the minimum group size).",
        ])
        #expect(result.printed == [
            "events/jira-issues.csv:10:57: warning: 1 row has a blank 'Assignee' and is counted in no team",
            "events/people.csv:1:1: warning: 1 person has rows that the mapping does not claim; that person is counted in no team",
        ], "\(result.printed)")
    }

    @Test("by person, a value resting on fewer people than the minimum is left out alone, and said so")
    func jiraThinValues() throws {
        let result = run(try fixture("jira-issues.csv"), spec: try fixture("jira.yaml"), mapping: try fixture("people.csv"),
                         minGroupSize: 6)
        // Only platform has 6 people; its cycle time rests on 5 of them.
        #expect(result.table == ["2026-Q3 platform issues_done": "0.5326 n=6"], "\(result.csv)")
        #expect(result.summary.lines(output: "o.csv").last
            == "Left out 3 team-quarters and 1 single value with fewer than 6 people (the minimum group size).")
    }

    static let statisticsSpec = """
        date: {column: started}
        team: {column: team}
        metrics:
          - {id: done, statistic: count, better: higher, where: {status: done}}
          - {id: done_weekly, statistic: count_per_week, better: higher, where: {status: done}}
          - {id: points, statistic: sum, better: higher, where: {status: done}, value: points, unit: points}
          - {id: mean_points, statistic: mean, better: higher, where: {status: done}, value: points, unit: points}
          - {id: hours, statistic: median, better: lower, where: {status: done}, duration: {from: started, to: ended}}
          - {id: minutes, statistic: mean, better: lower, where: {status: done}, duration: {from: started, to: ended, unit: minutes}}
          - {id: days, statistic: median, better: lower, where: {status: done}, duration: {from: started, to: ended, unit: days}}
          - {id: bug_share, statistic: share, better: lower, where: {status: done}, of: {kind: bug}}
        """

    @Test("each statistic on a small export, by hand")
    func statistics() {
        let csv = """
            id,team,kind,status,points,started,ended
            1,platform,story,done,3,2026-07-01T09:00:00Z,2026-07-01T13:00:00Z
            2,platform,Bug,done,5,2026-07-02T09:00:00Z,2026-07-02T10:00:00Z
            3,platform,story,open,8,2026-07-03T09:00:00Z,
            4,platform,story,done,1,2026-08-01T09:00:00Z,2026-08-01T19:00:00Z
            5,Payments,story,DONE,2,2026-07-05T09:00:00Z,2026-07-05T11:00:00Z
            6,platform,story, done ,4,2026-09-01T09:00:00Z,

            """
        let result = run(csv: csv, spec: Self.statisticsSpec)
        #expect(result.table == [
            // Platform done: rows 1, 2, 4 and 6 (" done " trimmed); not the open row 3.
            "2026-Q3 platform done": "4 n=8",
            // 4 in 2026-Q3's 92 days: 28/92 = 0.3043 a week.
            "2026-Q3 platform done_weekly": "0.3043 n=8",
            // 3 + 5 + 1 + 4 = 13 points, a mean of 3.25.
            "2026-Q3 platform points": "13 n=8",
            "2026-Q3 platform mean_points": "3.25 n=8",
            // 4, 1 and 10 hours (row 6 has not ended): median 4, mean 5 hours = 300 minutes, median 4/24 = 0.1667 days.
            "2026-Q3 platform hours": "4 n=8",
            "2026-Q3 platform minutes": "300 n=8",
            "2026-Q3 platform days": "0.1667 n=8",
            // Row 2 ("Bug") of the 4 done: 25%.
            "2026-Q3 platform bug_share": "25 n=8",
            // Payments, written by its name: row 5 ("DONE"), 2 points, 2 hours, no bug.
            "2026-Q3 payments done": "1 n=7",
            "2026-Q3 payments done_weekly": "0.0761 n=7",
            "2026-Q3 payments points": "2 n=7",
            "2026-Q3 payments mean_points": "2 n=7",
            "2026-Q3 payments hours": "2 n=7",
            "2026-Q3 payments minutes": "120 n=7",
            "2026-Q3 payments days": "0.0833 n=7",
            "2026-Q3 payments bug_share": "0 n=7",
        ], "\(result.csv)")
        #expect(result.printed == [
            "events.csv:7:48: warning: 1 row matching metric 'days' has a blank 'ended' and is left out of it",
            "events.csv:7:48: warning: 1 row matching metric 'hours' has a blank 'ended' and is left out of it",
            "events.csv:7:48: warning: 1 row matching metric 'minutes' has a blank 'ended' and is left out of it",
        ], "\(result.printed)")
    }

    @Test("intervals: a count is Poisson, a mean, median or share is bootstrapped (given); the bytes do not depend on row order")
    func intervals() {
        // 40 done rows for platform: points 1…8 in turn, 1 to 40 hours, every fifth a bug.
        var rows = (0..<40).map { index in
            "\(index),platform,\(index % 5 == 0 ? "bug" : "story"),done,\(index % 8 + 1),2026-07-01T00:00:00Z,"
                + "2026-07-0\(2 + index / 24)T\(index % 24 < 10 ? "0" : "")\(index % 24):00:00Z"
        }
        let header = "id,team,kind,status,points,started,ended\n"
        let first = run(csv: header + rows.joined(separator: "\n") + "\n", spec: Self.statisticsSpec)
        let again = run(csv: header + rows.joined(separator: "\n") + "\n", spec: Self.statisticsSpec)
        var random = SplitMix64(seed: 23)
        rows.shuffle(using: &random)
        let shuffled = run(csv: header + rows.joined(separator: "\n") + "\n", spec: Self.statisticsSpec)
        #expect(!first.diagnostics.hasErrors, "\(first.printed)")
        #expect(first.csv == again.csv)
        #expect(first.csv == shuffled.csv, "\(first.csv)\n\(shuffled.csv)")
        let fragment = first.metricsFragment
        func declared(_ id: String) -> String? {
            fragment.components(separatedBy: "  - id: \(id)\n").dropFirst().first?
                .components(separatedBy: "    uncertainty: ").dropFirst().first?.components(separatedBy: " ").first
        }
        #expect(declared("done") == "poisson")
        #expect(declared("mean_points") == "given")
        #expect(declared("hours") == "given")
        #expect(declared("bug_share") == "given")
        // A per-week rate and a sum of values are declared census data, as before.
        #expect(declared("done_weekly") == "none")
        #expect(declared("points") == "none")
        var intervals: [String: (Double, Double, Double)] = [:]
        for line in first.csv.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            if let low = Double(cells[5]), let high = Double(cells[6]) { intervals[String(cells[2])] = (low, Double(cells[3])!, high) }
        }
        #expect(Set(intervals.keys) == ["mean_points", "hours", "minutes", "days", "bug_share"], "\(first.csv)")
        for (metric, (low, value, high)) in intervals {
            #expect(low <= value && value <= high && low < high, "\(metric): \(low) \(value) \(high)")
        }
        // 8 of 40 are bugs, 20%: Wilson's interval over 40 records is 10.50% to 34.76%
        // (scipy.stats.binomtest(8, 40).proportion_ci(method='wilson'): 0.1049999, 0.3475731),
        // and the interval is at least that wide.
        if let (low, _, high) = intervals["bug_share"] {
            #expect(low <= 10.5 && high >= 34.757, "\(low) \(high)")
        }
    }

    @Test("where and of: every column must match, any value of a list, trimmed and in any case; \"\" matches a blank cell")
    func matching() {
        let spec = """
            date: {column: at}
            team: {column: team}
            metrics:
              - {id: a, statistic: count, better: higher, where: {env: [prod, production], status: success}}
              - {id: b, statistic: count, better: higher, where: {note: ""}}
              - {id: c, statistic: share, better: lower, where: {env: production}, of: {failed: ["true", "1", "yes"]}}
            """
        let csv = """
            at,team,env,status,note,failed
            2026-07-01,platform,Production,SUCCESS,,TRUE
            2026-07-02,platform,prod,success,hotfix,no
            2026-07-03,platform,production,failed,,1
            2026-07-04,platform,staging,success,, yes
            2026-07-05,platform, PRODUCTION ,success,x,false

            """
        let result = run(csv: csv, spec: spec)
        #expect(result.table == [
            // Rows 1, 2 and 5 are prod or production and success; row 3 failed, row 4 is staging.
            "2026-Q3 platform a": "3 n=8",
            // Rows 1, 3 and 4 have a blank note.
            "2026-Q3 platform b": "3 n=8",
            // Of the production rows 1, 3 and 5, rows 1 (TRUE) and 3 (1) failed: 2 of 3.
            "2026-Q3 platform c": "66.6667 n=8",
        ], "\(result.csv)")
    }

    @Test("quarters: the date as written, a metric's own date, and a count of 0 only where the export has rows")
    func quarters() {
        let spec = """
            date: {column: opened}
            team: {column: team}
            metrics:
              - {id: incidents, statistic: count, better: lower, where: {severity: sev1}}
              - {id: minor, statistic: count, better: lower, where: {severity: sev3}}
              - id: restore
                statistic: median
                better: lower
                duration: {from: opened, to: resolved}
                date: {column: resolved}
            """
        let csv = """
            team,severity,opened,resolved
            platform,sev1,2026-06-30T23:30:00-02:00,2026-07-01T01:30:00-02:00
            platform,sev1,2026-09-30T22:00:00Z,2026-10-01T02:00:00Z
            platform,sev1,2026-08-01T10:00:00Z,2026-08-01T11:00:00Z

            """
        let result = run(csv: csv, spec: spec)
        #expect(result.table == [
            // Opened on 30 June as written (1 July in UTC): 2026-Q2; resolved 2 hours later, on 1 July: 2026-Q3.
            "2026-Q2 platform incidents": "1 n=8",
            // No sev3 in quarters the export has rows for: 0, not missing.
            "2026-Q2 platform minor": "0 n=8",
            "2026-Q3 platform incidents": "2 n=8",
            "2026-Q3 platform minor": "0 n=8",
            // Resolved in Q3: 2 hours and 1 hour, median 1.5; in Q4 (1 October): 4 hours. Nothing was opened in
            // Q4, which the export may not cover, so Q4 has no counts at all.
            "2026-Q3 platform restore": "1.5 n=8",
            "2026-Q4 platform restore": "4 n=8",
        ], "\(result.csv)")
    }

    @Test("a duration that ends before it starts (a commit's clock ahead of the deploy's) is left out with a warning")
    func backwards() {
        let spec = "date: {column: at}\nteam: {column: team}\nmetrics:\n"
            + "  - {id: lead, statistic: median, better: lower, duration: {from: committed, to: at}}\n"
        let csv = """
            team,committed,at
            platform,2026-07-01T10:00:00Z,2026-07-01T09:00:00Z
            platform,2026-07-01T10:00:00Z,2026-07-01T12:00:00Z
            platform,2026-07-02T10:00:00Z,2026-07-02T09:59:00Z

            """
        let result = run(csv: csv, spec: spec)
        // Only the second row runs forward: 2 hours.
        #expect(result.table == ["2026-Q3 platform lead": "2 n=8"], "\(result.csv)")
        #expect(result.printed == ["events.csv:2:31: warning: 2 rows of metric 'lead' end before they start (clocks out of step?) "
            + "and are left out of it"], "\(result.printed)")
    }

    @Test("a team without a headcount is left out with one warning saying how to give it; without teams.yaml, all are")
    func headcounts() throws {
        let partial = run(try fixture("deployments.csv"), spec: try fixture("deployments.yaml"),
                          headcounts: ["platform": 8, "mobile": 3])
        #expect(partial.printed.contains("events/deployments.csv:8:8: warning: 3 rows are left out: teams.yaml gives no headcount "
            + "for team 'payments', and a team's values from this export stand for the whole team, so its headcount is their n; "
            + "pass --content with a teams.yaml that gives each team's headcount"), "\(partial.printed)")
        #expect(!partial.table.keys.contains { $0.contains("payments") })
        #expect(partial.table.count == 6)

        let none = run(try fixture("deployments.csv"), spec: try fixture("deployments.yaml"), teams: nil, headcounts: nil)
        #expect(none.diagnostics.hasErrors)
        #expect(none.csv == "period,team,metric,value,n\n")
        // Without teams.yaml, team cells are taken for ids (folded: 'Platform' is platform), but none has a headcount.
        #expect(none.printed.contains("events/deployments.csv:2:8: warning: 14 rows are left out: no teams.yaml was read, "
            + "and a team's values from this export stand for the whole team, so its headcount is their n; pass --content "
            + "with a teams.yaml that gives each team's headcount"), "one warning with a count: \(none.printed)")
        #expect(none.printed.contains("events/deployments.csv:1:1: error: no row names a team of teams.yaml with a headcount: "
            + "nothing to import"), "\(none.printed)")
    }

    @Test("unknown teams get one warning with the count and the distinct values, which name teams, not people")
    func unknownTeams() throws {
        let csv = "team,at\ndata-eng,2026-07-01\nData Eng,2026-07-02\ndata-eng,2026-07-03\nplatform,2026-07-04\n"
        let spec = "date: {column: at}\nteam: {column: team}\nmetrics:\n  - {id: a, statistic: count, better: higher}\n"
        let result = run(csv: csv, spec: spec)
        #expect(result.printed == ["events.csv:2:1: warning: 3 rows name teams that teams.yaml does not have: 'Data Eng', "
            + "'data-eng'; they are counted in no team"], "\(result.printed)")
        #expect(result.table == ["2026-Q3 platform a": "1 n=8"])
        let mapped = run(InputFile(path: "events.csv", text: csv), spec: InputFile(path: "spec.yaml", text: spec),
                         mapping: try ImportFixture.file("events/people.csv"))
        #expect(mapped.printed.contains("events/people.csv:1:1: warning: the mapping is not used: the spec takes each row's "
            + "team from its 'team' column"), "\(mapped.printed)")
    }

    @Test("unreadable cells are errors at their line and column, all of them, never repeating the cell; missing columns at the spec's line")
    func cellErrors() {
        let spec = """
            date: {column: started}
            team: {column: team}
            metrics:
              - {id: points, statistic: sum, better: higher, value: points, unit: points}
              - {id: lead, statistic: median, better: lower, duration: {from: started, to: finished}}
              - {id: done, statistic: count, better: higher, where: {state: done}}
            """
        let csv = """
            team,points,started
            platform,three,2026-07-01T09:00:00Z
            platform,3,01/07/2026
            platform,Ava Lindqvist,2026-07-02

            """
        let missing = run(csv: csv, spec: spec)
        #expect(missing.printed == [
            "spec.yaml:5:80: error: no column 'finished' in events.csv; its columns are 'team', 'points', 'started'",
            "spec.yaml:6:58: error: no column 'state' in events.csv; its columns are 'team', 'points', 'started'",
        ], "\(missing.printed)")
        let fixed = spec.replacingOccurrences(of: "finished", with: "started").replacingOccurrences(of: "state: done", with: "team: platform")
        let result = run(csv: csv, spec: fixed)
        #expect(result.printed == [
            "events.csv:2:10: error: 'points' must be a number",
            "events.csv:3:12: error: 'started' must be an ISO 8601 date and time, like 2026-07-01T09:30:00Z",
            "events.csv:4:10: error: 'points' must be a number",
        ], "\(result.printed)")
        #expect(!result.printed.joined().contains("Ava"))
        #expect(!result.printed.joined().contains("three"))
        #expect(result.diagnostics.hasErrors, "with an error, the command writes nothing")

        let jiraFormat = fixed.replacingOccurrences(of: "{column: started}", with: "{column: started, format: \"%d/%b/%y %I:%M %p\"}")
        let patterned = run(csv: "team,points,started\nplatform,3,2026-07-01\n", spec: jiraFormat)
        #expect(patterned.printed.contains("events.csv:2:12: error: 'started' must be a date written as the spec's format "
            + "'%d/%b/%y %I:%M %p' says, with English month names"), "\(patterned.printed)")
    }

    @Test("an import that yields nothing is an error that says why")
    func empty() {
        let spec = "date: {column: at}\nteam: {column: team}\nmetrics:\n  - {id: a, statistic: share, better: lower, where: {x: y}, of: {x: y}}\n"
        let noRows = run(csv: "team,at,x\n", spec: spec)
        #expect(noRows.printed == ["events.csv:1:1: error: no rows in the export: nothing to import (is it the right file?)"])
        let noMatch = run(csv: "team,at,x\nplatform,2026-07-01,z\n", spec: spec)
        #expect(noMatch.printed == ["events.csv:1:1: error: no row matches a metric's 'where' with the cells it needs: nothing to import"])
        let small = run(csv: "team,at,x\nmobile,2026-07-01,y\n", spec: spec)
        #expect(small.printed == ["events.csv:1:1: error: every team-quarter has fewer people than the minimum group size (5): "
            + "nothing may be published"])
        #expect([noRows, noMatch, small].allSatisfy { $0.csv == "period,team,metric,value,n\n" })
    }

    @Test("a person mapping the spec names is needed, and its key column may be the export's person column")
    func personMapping() throws {
        let result = run(try fixture("jira-issues.csv"), spec: try fixture("jira.yaml"))
        #expect(result.printed == ["events/jira.yaml:1:1: error: the spec's team mapping could not be read; pass it with --teams"])
        #expect(EventImporter.mappingPath(in: try fixture("jira.yaml")) == "people.csv")
    }

    @Test("no identifier appears in the CSV, the fragment, a message or the summary", arguments: ["deployments", "incidents", "jira"])
    func nothingLeaks(_ name: String) throws {
        let csv = try fixture(name == "jira" ? "jira-issues.csv" : "\(name).csv")
        let result = run(csv, spec: try fixture("\(name).yaml"), mapping: name == "jira" ? try fixture("people.csv") : nil)
        #expect(!result.diagnostics.hasErrors)
        let written = (result.csv + result.metricsFragment + result.printed.joined(separator: "\n")
            + result.summary.lines(output: "out.csv").joined(separator: "\n")).lowercased()
        let identifiers = try ImportFixture.identifiers().map { $0.lowercased() }
        let input = String(decoding: csv.bytes, as: UTF8.self).lowercased()
        // The check can fail: the export holds names, e-mail addresses or account ids.
        #expect(identifiers.filter { input.contains($0) }.count >= 5)
        #expect(identifiers.filter { written.contains($0) }.isEmpty)
    }

    @Test("300 mutations of each export give diagnostics or values, never a trap or a leak",
          arguments: ["deployments", "incidents", "jira"])
    func mutations(_ name: String) throws {
        let csv = try fixture(name == "jira" ? "jira-issues.csv" : "\(name).csv")
        let spec = try fixture("\(name).yaml"), mapping = try fixture("people.csv")
        let identifiers = try ImportFixture.identifiers().map { $0.lowercased() }
        var random = SplitMix64(seed: 0xE7E5 &+ UInt64(name.count))
        for _ in 0..<300 {
            let mutated = InputFile(path: "events.csv", bytes: MutatedInputTests.mutate(csv.bytes, &random))
            let result = run(mutated, spec: spec, mapping: name == "jira" ? mapping : nil)
            let messages = result.printed.joined(separator: "\n").lowercased()
            #expect(identifiers.filter { messages.contains($0) }.isEmpty, "\(result.printed.filter { m in identifiers.contains { m.lowercased().contains($0) } })")
            if result.diagnostics.hasErrors { continue }
            let written = (result.csv + result.metricsFragment).lowercased()
            #expect(!identifiers.contains { written.contains($0) })
        }
    }
}
