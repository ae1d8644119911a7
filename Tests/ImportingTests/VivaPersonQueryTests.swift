import Foundation
import Testing
@testable import Importing

@Suite("Viva Insights person query")
struct VivaPersonQueryTests {
    let folder = "viva"

    func fixture(mapping: String) throws -> UsageImport {
        UsageImporter(source: .viva, files: [try ImportFixture.file("\(folder)/person-query.csv")],
                      mapping: try ImportFixture.file("\(folder)/\(mapping)")).run()
    }

    func expectFixtureValues(_ result: UsageImport) {
        let table = result.table
        // Platform, Q3: seven people at 3 active days and 20 actions a week, one at nothing.
        #expect(table["2025-Q3 platform viva_copilot_active_days"] == "2.625 n=8", "42 days over 16 person-weeks")
        #expect(table["2025-Q3 platform viva_copilot_actions"] == "17.5 n=8")
        #expect(table["2025-Q3 platform viva_copilot_actions_in_teams"] == "7 n=8")
        #expect(table["2025-Q3 platform viva_copilot_actions_in_outlook"] == "4.375 n=8")
        #expect(table["2025-Q3 platform viva_copilot_assisted_hours"] == "1.75 n=8")
        #expect(table["2025-Q3 platform viva_copilot_active_users"] == "87.5 n=8")
        #expect(table["2025-Q4 platform viva_copilot_actions"] == "21 n=8")
        #expect(table["2025-Q4 platform viva_copilot_assisted_hours"] == "2.1 n=8")
        #expect(table["2025-Q3 payments viva_copilot_active_users"] == "100 n=7")
        // A blank cell is missing, not zero: 13 person-weeks of 2, not 14.
        #expect(table["2025-Q4 payments viva_copilot_actions_in_outlook"] == "2 n=7")
        #expect(table.count == 24)
        #expect(result.summary.leftOutTeamQuarters == 2)
        #expect(result.summary.unmappedPeople == 1)
        #expect(result.metrics.map(\.id) == [
            "viva_copilot_active_users", "viva_copilot_active_days", "viva_copilot_actions", "viva_copilot_assisted_hours",
            "viva_copilot_actions_in_outlook", "viva_copilot_actions_in_teams",
        ])
        #expect(result.metrics.first { $0.id == "viva_copilot_assisted_hours" }?.description.contains("usage proxy") == true)
    }

    @Test("a mapping by PersonId")
    func byPerson() throws {
        let result = try fixture(mapping: "people.csv")
        #expect(result.printed == [
            "viva/people.csv:1:1: warning: 1 person has records that no team in the mapping claims; "
                + "that person is counted in no team",
        ])
        expectFixtureValues(result)
    }

    @Test("a mapping by an HR attribute gives the same values")
    func byOrganization() throws {
        let result = try fixture(mapping: "organizations.csv")
        #expect(result.printed.count == 1)
        expectFixtureValues(result)
    }

    @Test("a missing column, a bad date, a bad number and repeats are reported; nothing names a person")
    func malformed() {
        let files = [
            InputFile(path: "q1.csv", text: """
                PersonId,MetricDate,Total_Copilot_active_days,Organization
                AB12,9/21/2025,3,Payments
                CD34,21/9/2025,3,Payments
                EF56,9/21/2025,three,Payments
                ,9/21/2025,1,Payments
                AB12,9/21/2025,3,Payments

                """),
            InputFile(path: "q2.csv", text: "PersonId,Total_Copilot_active_days\nAB12,3\n"),
            InputFile(path: "q3.csv", text: "PersonId,MetricDate,Organization\nAB12,9/21/2025,Payments\n"),
        ]
        let mapping = InputFile(path: "orgs.csv", text: "Organization,team\nPayments,payments\n")
        let result = UsageImporter(source: .viva, files: files, mapping: mapping).run()
        #expect(result.printed == [
            "q1.csv:3:6: error: 'MetricDate' must be a date written YYYY-MM-DD (or M/D/YYYY), like 2026-07-01",
            "q1.csv:4:16: error: 'Total_Copilot_active_days' must be a number of 0 or more",
            "q1.csv:5:1: error: 'PersonId' is blank; every row needs one",
            "q2.csv:1:1: error: missing column 'MetricDate'; its columns are 'PersonId', 'Total_Copilot_active_days'. "
                + "An export in another language names its columns in that language: pass --columns "
                + "\"MetricDate=<the header's name for it>\"",
            "q3.csv:1:1: error: no Copilot metric columns; expected Total_Copilot_active_days, Total_Copilot_actions_taken, "
                + "Copilot_assisted_hours or Copilot_actions_taken_in_<App> (a person query), or Code completions "
                + "accepted, Code completions suggested, User-initiated chat requests or Agent adoption (a GitHub "
                + "Copilot query); its columns are 'PersonId', 'MetricDate', 'Organization'. An export in another "
                + "language needs --columns, such as --columns \"Total_Copilot_active_days=<its name>\"",
        ])
        #expect(result.summary.repeats == 1)
        for id in ["AB12", "CD34", "EF56"] { #expect(!result.printed.joined().contains(id)) }
    }

    // MARK: Issue 17: exports in other forms

    /// Seven people, five weeks: platform's PersonIds in a weekly query, one row per person
    /// per week, in the columns Microsoft's sample person query uses
    /// (microsoft/viva-insights-sample-code, examples/utility-r/_data/README.md: "one row per
    /// PersonId × MetricDate (Sunday week start)").
    static let people = (1...7).map { "A0B1C2D3E4F5\($0)" }
    static let mapping = InputFile(path: "people.csv", text: "PersonId,team\n" + people.map { "\($0),platform\n" }.joined())

    static func query(_ header: String, dates: [String], separator: String = ",",
                      row: (String, String) -> String) -> InputFile {
        var text = header + "\n"
        for date in dates {
            for person in people { text += row(person, date) + "\n" }
        }
        return InputFile(path: "query.csv", text: separator == "," ? text : text.replacingOccurrences(of: ",", with: separator))
    }

    func run(_ files: [InputFile], options: VivaOptions = VivaOptions()) -> UsageImport {
        var importer = UsageImporter(source: .viva, files: files, mapping: Self.mapping)
        importer.viva = options
        return importer.run()
    }

    // Viva writes MetricDate in the tenant's locale; the person query page
    // (https://docs.microsoft.com/vi-VN/viva/insights/tutorials/person-queries) groups rows by
    // week, and the weeks here are Sundays: 7 September, 5 and 12 October 2025, day first.
    static let dayFirstSundays = ["7/9/2025", "5/10/2025", "12/10/2025"]

    @Test("day-first dates whose days are all 12 or less are refused, with the option to pass")
    func ambiguousDates() {
        let file = Self.query("PersonId,MetricDate,Total_Copilot_active_days", dates: Self.dayFirstSundays) { "\($0),\($1),3" }
        let result = run([file])
        #expect(result.printed == [
            "query.csv:1:10: error: 'MetricDate' is written with slashes and no number in it is above 12, so every date "
                + "could be month-first or day-first (10/5/2025 is 5 October or 10 May); pass --date-order mdy "
                + "(M/D/YYYY, the US form) or --date-order dmy (D/M/YYYY)",
        ])
        #expect(result.table.isEmpty)
    }

    @Test("--date-order dmy puts 5 October in Q4")
    func dayFirstOption() {
        let file = Self.query("PersonId,MetricDate,Total_Copilot_active_days", dates: Self.dayFirstSundays) { "\($0),\($1),3" }
        let result = run([file], options: VivaOptions(dateOrder: .dmy))
        #expect(result.printed.isEmpty)
        #expect(result.table["2025-Q3 platform viva_copilot_active_days"] == "3 n=7")
        #expect(result.table["2025-Q4 platform viva_copilot_active_days"] == "3 n=7")
        #expect(!result.table.keys.contains { $0.hasPrefix("2025-Q2") })
    }

    @Test("a day above 12 shows the file is day-first")
    func dayFirstDetected() {
        // 28 September and 5 October 2025, Sundays, day first.
        let file = Self.query("PersonId,MetricDate,Total_Copilot_active_days", dates: ["28/9/2025", "5/10/2025"]) { "\($0),\($1),3" }
        let result = run([file])
        #expect(result.printed.isEmpty)
        #expect(result.table["2025-Q3 platform viva_copilot_active_days"] == "3 n=7")
        #expect(result.table["2025-Q4 platform viva_copilot_active_days"] == "3 n=7")
    }

    // The person query page (https://docs.microsoft.com/vi-VN/viva/insights/tutorials/person-queries):
    // "you can summarize a person's collaboration metrics by day, week, or month. Each query
    // returns one row per person, per period."
    @Test("a person-day export gives per-week figures, not per-day ones")
    func daily() {
        // Sunday 5 to Saturday 18 October 2025; one active day and 4 actions each weekday.
        let days = (5...18).map { "10/\($0)/2025" }
        let file = Self.query("PersonId,MetricDate,Total_Copilot_active_days,Total_Copilot_actions_taken", dates: days) { person, date in
            let weekend = [5, 11, 12, 18].contains { date == "10/\($0)/2025" }
            return "\(person),\(date),\(weekend ? 0 : 1),\(weekend ? 0 : 4)"
        }
        let result = run([file])
        #expect(result.printed.isEmpty)
        #expect(result.table["2025-Q4 platform viva_copilot_active_days"] == "5 n=7")
        #expect(result.table["2025-Q4 platform viva_copilot_actions"] == "20 n=7")
        #expect(result.table["2025-Q4 platform viva_copilot_active_users"] == "100 n=7")
    }

    @Test("a month-grouped export counts each month as its days over 7 weeks")
    func monthly() {
        // October 2025 (31 days) and November (30): 31/7 and 30/7 person-weeks a person.
        let file = Self.query("PersonId,MetricDate,Total_Copilot_actions_taken", dates: ["2025-10-01", "2025-11-01"]) {
            "\($0),\($1),61"
        }
        let result = run([file])
        #expect(result.printed.isEmpty)
        #expect(result.table["2025-Q4 platform viva_copilot_actions"] == "14 n=7", "122 actions over 61/7 weeks")
    }

    @Test("dates that fit no grouping are refused")
    func ungrouped() {
        let file = Self.query("PersonId,MetricDate,Total_Copilot_actions_taken", dates: ["10/1/2025", "10/9/2025", "10/20/2025"]) {
            "\($0),\($1),3"
        }
        let result = run([file])
        #expect(result.printed == [
            "query.csv:1:10: error: cannot tell how 'MetricDate' groups the rows: its dates are neither consecutive days, "
                + "nor whole weeks apart, nor the first days of months; export the query grouped by day, week or month, "
                + "one grouping a file",
        ])
    }

    // vivainsights-py's analyst guide (https://microsoft.github.io/vivainsights-py/_sources/analyst-guide.md.txt):
    // metric names "can depend on ... the language locale used when the export was created".
    @Test("tab- and semicolon-delimited exports read as comma-delimited ones do", arguments: ["\t", ";"])
    func delimiters(_ separator: String) {
        let file = Self.query("PersonId,MetricDate,Total_Copilot_active_days", dates: ["9/21/2025", "9/28/2025"],
                              separator: separator) { "\($0),\($1),3" }
        let result = run([file])
        #expect(result.printed.isEmpty)
        #expect(result.table["2025-Q3 platform viva_copilot_active_days"] == "3 n=7")
    }

    @Test("headers in another language: the message lists what was expected and found; --columns maps them")
    func otherLanguage() {
        let file = Self.query("Personen-ID,Metrikdatum,Copilot-Aktivtage gesamt", dates: ["9/21/2025", "9/28/2025"]) {
            "\($0),\($1),3"
        }
        let refused = run([file])
        #expect(refused.printed == [
            "query.csv:1:1: error: missing column 'MetricDate'; its columns are 'Personen-ID', 'Metrikdatum', "
                + "'Copilot-Aktivtage gesamt'. An export in another language names its columns in that language: "
                + "pass --columns \"MetricDate=<the header's name for it>\"",
            "query.csv:1:1: error: missing column 'PersonId'; its columns are 'Personen-ID', 'Metrikdatum', "
                + "'Copilot-Aktivtage gesamt'. An export in another language names its columns in that language: "
                + "pass --columns \"PersonId=<the header's name for it>\"",
        ])
        guard case .success(let columns) = VivaOptions.columns(
            from: "PersonId=Personen-ID, MetricDate=Metrikdatum,Total_Copilot_active_days=Copilot-Aktivtage gesamt")
        else { Issue.record("the pairs should parse"); return }
        let result = run([file], options: VivaOptions(columns: columns))
        #expect(result.printed.isEmpty)
        #expect(result.table["2025-Q3 platform viva_copilot_active_days"] == "3 n=7")
        #expect(throws: VivaOptions.ColumnsError.self) { try VivaOptions.columns(from: "PersonId").get() }
    }

    // Microsoft's sample code reads a Copilot licence from the person query's
    // Total_Copilot_enabled_days: "Was this person eligible for M365 in this week?
    // Total_Copilot_enabled_days > 0" (microsoft/viva-insights-sample-code,
    // examples/utility-r/_data/README.md); its PersonQuery.csv carries that column.
    @Test("the active share's denominator is licensed people: blank Copilot cells are unlicensed")
    func licensedByBlankCells() {
        // Five licensed people, four active; two without a licence have blank Copilot cells.
        let file = Self.query("PersonId,MetricDate,Total_Copilot_active_days", dates: ["9/21/2025"]) { person, date in
            let index = Self.people.firstIndex(of: person)!
            return "\(person),\(date)," + (index >= 5 ? "" : index == 4 ? "0" : "2")
        }
        let result = run([file])
        #expect(result.printed.isEmpty)
        #expect(result.table["2025-Q3 platform viva_copilot_active_users"] == "80 n=5")
        #expect(result.metrics.first { $0.id == "viva_copilot_active_users" }?.unit == "% of licensed people")
    }

    @Test("Total_Copilot_enabled_days says who is licensed when the query has it")
    func licensedByEnabledDays() {
        // Six people enabled, three active; one not enabled at all, yet active (say, Copilot Chat).
        let file = Self.query("PersonId,MetricDate,Total_Copilot_active_days,Total_Copilot_enabled_days",
                              dates: ["9/21/2025", "9/28/2025"]) { person, date in
            let index = Self.people.firstIndex(of: person)!
            return "\(person),\(date),\(index < 3 || index == 6 ? 1 : 0),\(index == 6 ? 0 : 7)"
        }
        let result = run([file])
        #expect(result.printed.isEmpty)
        #expect(result.table["2025-Q3 platform viva_copilot_active_users"] == "50 n=6")
    }

    // The GitHub Copilot query's person file, as the data dictionary of Microsoft's sample exports
    // names it (microsoft/viva-insights-sample-code, examples/utility-r/_data/README.md):
    // "PersonGitHubActivityMetrics.csv. One row per PersonId × MetricDate. PersonId, MetricDate,
    // Agent adoption, Code completions accepted, Code completions suggested, User-initiated chat
    // requests"; daily, weekdays only.
    @Test("a GitHub Copilot query gives completions, chat requests, acceptance and agent use per person-week")
    func gitHubQuery() throws {
        let result = UsageImporter(source: .viva, files: [try ImportFixture.file("\(folder)/github-query.csv")],
                                   mapping: try ImportFixture.file("\(folder)/people.csv")).run()
        #expect(result.printed.isEmpty)
        let table = result.table
        // Platform: 6 of 10 suggestions accepted and 2 chats each weekday; 2 of 8 used an agent.
        #expect(table["2025-Q4 platform viva_github_copilot_completions_accepted"] == "30 n=8")
        #expect(table["2025-Q4 platform viva_github_copilot_completions_suggested"] == "50 n=8")
        #expect(table["2025-Q4 platform viva_github_copilot_chat_requests"] == "10 n=8")
        #expect(table["2025-Q4 platform viva_github_copilot_acceptance_rate"] == "60 n=8")
        #expect(table["2025-Q4 platform viva_github_copilot_agent_users"] == "25 n=8")
        // Payments: two of seven provisioned people with zero rows, five accepting 3 of 6 a day.
        #expect(table["2025-Q4 payments viva_github_copilot_acceptance_rate"] == "50 n=7")
        #expect(table["2025-Q4 payments viva_github_copilot_completions_accepted"] == "10.7143 n=7", "150 over 70 person-days of 5 a week")
        #expect(result.metrics.map(\.id) == [
            "viva_github_copilot_agent_users", "viva_github_copilot_acceptance_rate",
            "viva_github_copilot_completions_accepted", "viva_github_copilot_completions_suggested",
            "viva_github_copilot_chat_requests",
        ])
    }

    @Test("the fixtures in other forms give the weekly fixture's figures")
    func fixtureForms() throws {
        let mapping = try ImportFixture.file("\(folder)/people.csv")
        // Tab-delimited, German headers, day-first dates with no day above 12.
        var german = UsageImporter(source: .viva, files: [try ImportFixture.file("\(folder)/person-query-de.tsv")],
                                   mapping: mapping)
        german.viva = VivaOptions(dateOrder: .dmy, columns: [
            ("PersonId", "Personen-ID"), ("MetricDate", "Metrikdatum"),
            ("Total_Copilot_active_days", "Copilot-Aktivtage gesamt"), ("Total_Copilot_actions_taken", "Copilot-Aktionen gesamt"),
        ])
        let result = german.run()
        #expect(result.printed.isEmpty)
        #expect(result.table["2025-Q3 platform viva_copilot_actions"] == "20 n=8")
        #expect(result.table["2025-Q4 payments viva_copilot_actions"] == "10 n=7")
        // Semicolon-delimited, one row per person per day.
        let daily = UsageImporter(source: .viva, files: [try ImportFixture.file("\(folder)/person-query-daily.csv")],
                                  mapping: mapping).run()
        #expect(daily.printed.isEmpty)
        #expect(daily.table["2025-Q4 platform viva_copilot_active_days"] == "5 n=8")
        #expect(daily.table["2025-Q4 platform viva_copilot_actions"] == "20 n=8")
        #expect(daily.table["2025-Q4 payments viva_copilot_actions"] == "10 n=7")
    }

    @Test("the summary counts query rows, which are person-days in a daily export, not person-weeks")
    func summaryWords() throws {
        let daily = UsageImporter(source: .viva, files: [try ImportFixture.file("\(folder)/person-query-daily.csv")],
                                  mapping: try ImportFixture.file("\(folder)/people.csv")).run()
        let summary = daily.summary.lines(output: "viva.csv").joined(separator: "\n")
        #expect(summary.contains("(210 query rows read)"), "\(summary)")
    }
}
