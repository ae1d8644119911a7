import Testing
@testable import Importing

@Suite("Microsoft 365 Copilot usage report")
struct M365CopilotReportTests {
    let folder = "m365-copilot"

    func fixture() throws -> UsageImport {
        let files = try ["copilot-usage-2025-09-30.csv", "copilot-usage-2025-10-31.csv"]
            .map { try ImportFixture.file("\(folder)/\($0)") }
        return UsageImporter(source: .m365Copilot, files: files, mapping: try ImportFixture.file("\(folder)/people.csv")).run()
    }

    @Test("licensed people are counted in every quarter a report's period touches; activity in the quarter of its date")
    func values() throws {
        let result = try fixture()
        #expect(result.printed == [
            "m365-copilot/people.csv:1:1: warning: 1 person has records that no team in the mapping claims; "
                + "that person is counted in no team",
        ])
        let table = result.table
        // Q3 platform: five in September, one whose last use was 20 August (inside the 90-day report only).
        #expect(table["2025-Q3 platform m365_copilot_active_users"] == "75 n=8")
        #expect(table["2025-Q3 platform m365_copilot_chat_active_users"] == "75 n=8")
        #expect(table["2025-Q3 platform m365_copilot_teams_active_users"] == "37.5 n=8")
        #expect(table["2025-Q3 platform m365_copilot_word_active_users"] == "25 n=8")
        #expect(table["2025-Q3 platform m365_copilot_excel_active_users"] == "12.5 n=8")
        #expect(table["2025-Q3 platform m365_copilot_outlook_active_users"] == "50 n=8")
        #expect(table["2025-Q3 platform m365_copilot_powerpoint_active_users"] == "0 n=8", "a column no one used is 0%")
        #expect(table["2025-Q4 platform m365_copilot_active_users"] == "75 n=8")
        #expect(table["2025-Q4 platform m365_copilot_powerpoint_active_users"] == "12.5 n=8")
        #expect(table["2025-Q4 platform m365_copilot_outlook_active_users"] == "62.5 n=8")
        #expect(table["2025-Q3 payments m365_copilot_active_users"] == "71.4286 n=7")
        #expect(table["2025-Q3 payments m365_copilot_teams_active_users"] == "0 n=7")
        #expect(table["2025-Q4 payments m365_copilot_teams_active_users"] == "85.7143 n=7")
        #expect(table.count == 36, "9 metrics for 2 teams in 2 quarters")
        #expect(result.summary.leftOutTeamQuarters == 2)
        #expect(result.summary.records == 38)
        #expect(result.summary.people == 15)
    }

    @Test("bad dates, a bad period and missing columns are reported at their cells without repeating a UPN")
    func malformed() {
        let header = "Report Refresh Date,User Principal Name,Display Name,Last Activity Date,Report Period\n"
        let files = [
            InputFile(path: "a.csv", text: header + """
                2025-09-30,ava@northwind.example,Ava L,2025-09-31,30
                2025-09-30,bram@northwind.example,Bram O,,thirty
                ,chiara@northwind.example,Chiara B,,30
                2025-09-30,,,2025-09-01,30
                2025-09-30,dmitri@northwind.example,Dmitri V,esi@northwind.example,30

                """),
            InputFile(path: "b.csv", text: "Report Refresh Date,Display Name,Last Activity Date\n2025-09-30,Ava L,\n"),
        ]
        let mapping = InputFile(path: "people.csv", text: "upn,team\nava@northwind.example,a\n")
        let result = UsageImporter(source: .m365Copilot, files: files, mapping: mapping).run()
        #expect(result.printed == [
            "a.csv:2:40: error: 'Last Activity Date' must be a date written YYYY-MM-DD (or M/D/YYYY), like 2026-07-01",
            "a.csv:3:43: error: 'Report Period' must be the report's number of days, like 30",
            "a.csv:4:1: error: 'Report Refresh Date' is blank; expected a date",
            "a.csv:5:12: error: 'User Principal Name' is blank; every row needs one",
            "a.csv:6:46: error: 'Last Activity Date' must be a date written YYYY-MM-DD (or M/D/YYYY), like 2026-07-01",
            "b.csv:1:1: error: missing column 'Report Period'",
            "b.csv:1:1: error: missing column 'User Principal Name'",
        ])
        for name in ["ava", "bram", "chiara", "dmitri", "esi", "Ava L"] {
            #expect(!result.printed.joined().contains(name))
        }
    }

    @Test("a report period reaching back before 1900 does not trip the date arithmetic")
    func earliestYears() {
        let text = "Report Refresh Date,User Principal Name,Last Activity Date,Report Period\n"
            + (0..<5).map { "1900-01-05,p\($0)@example.com,1900-01-02,180\n" }.joined()
        let result = UsageImporter(source: .m365Copilot, files: [InputFile(path: "a.csv", text: text)],
                                   mapping: InputFile(path: "m.csv", text: "upn,team\n"
                                       + (0..<5).map { "p\($0)@example.com,a\n" }.joined())).run()
        #expect(result.printed.isEmpty)
        #expect(result.table["1900-Q1 a m365_copilot_active_users"] == "100 n=5")
        #expect(result.values.allSatisfy { $0.period.year == 1900 }, "Discern's quarters start in 1900")
        #expect(result.summary.leftOutTeamQuarters == 0)
    }

    @Test("without a mapping there is nothing to join people to")
    func mappingNeeded() {
        let result = UsageImporter(source: .m365Copilot, files: [InputFile(path: "a.csv", text: "x\n")]).run()
        #expect(result.printed == [
            "a.csv:1:1: error: a mapping is needed: pass --teams with a CSV mapping User Principal Names to team ids (upn,team)",
        ])
    }

    // Microsoft's own example row has a concealed UPN and display name (32 hexadecimal digits,
    // MD5 as the admin center describes "Display concealed user, group, and site names in all
    // reports"):
    // https://learn.microsoft.com/en-us/microsoft-365/copilot/extensibility/api/admin-settings/reports/copilotreportroot-getmicrosoft365copilotusageuserdetail
    // https://learn.microsoft.com/en-us/microsoft-365/admin/activity-reports/microsoft-365-copilot-usage
    @Test("concealed names with a UPN mapping are an error that says which setting to turn off, not a silent zero")
    func concealed() throws {
        let file = try ImportFixture.file("\(folder)/concealed-2025-09-30.csv")
        let byUPN = UsageImporter(source: .m365Copilot, files: [file],
                                  mapping: try ImportFixture.file("\(folder)/people.csv")).run()
        let expected: String = "m365-copilot/concealed-2025-09-30.csv:2:12: error: "
            + "19 people have concealed identifiers in 'User Principal Name' (32 hexadecimal digits), which the "
            + "mapping does not list: the tenant's reports conceal user names. In the Microsoft 365 admin center, "
            + "Settings > Org settings > Services > Reports, turn off 'Display concealed user, group, and site names "
            + "in all reports' and export again, or map the concealed ids to teams"
        #expect(byUPN.printed.first == expected)
        #expect(byUPN.diagnostics.hasErrors)

        // Mapping the concealed ids themselves is the other way out.
        let byHash = UsageImporter(source: .m365Copilot, files: [file],
                                   mapping: try ImportFixture.file("\(folder)/people-concealed.csv")).run()
        let plain = UsageImporter(source: .m365Copilot, files: [try ImportFixture.file("\(folder)/copilot-usage-2025-09-30.csv")],
                                  mapping: try ImportFixture.file("\(folder)/people.csv")).run()
        #expect(!byHash.diagnostics.hasErrors, "\(byHash.printed)")
        #expect(byHash.table == plain.table)
        #expect(!byHash.table.isEmpty)
    }

    /// Six licensed people in a D28 report ending 2025-12-28, all inside 2025-Q4, in the
    /// version 2 columns (column lists and order from the v1/v2 "Report versions" section):
    /// https://learn.microsoft.com/en-us/microsoft-365/copilot/extensibility/api/admin-settings/reports/copilotreportroot-getmicrosoft365copilotusageuserdetail
    static let versionTwoHeader = [
        "Report Refresh Date", "User Principal Name", "Display Name", "Last Activity Date",
        "Copilot Chat Last Activity Date", "Microsoft Teams Copilot Last Activity Date", "Word Copilot Last Activity Date",
        "Excel Copilot Last Activity Date", "PowerPoint Copilot Last Activity Date", "Outlook Copilot Last Activity Date",
        "OneNote Copilot Last Activity Date", "Loop Copilot Last Activity Date", "Prompts submitted for all apps",
        "Prompts submitted for Copilot Chat (work)", "Prompts submitted for Copilot Chat (web)", "Active Usage Days for all apps",
        "Copilot Chat (work) Last Activity Date", "Copilot Chat (web) Last Activity Date",
        "Microsoft 365 Copilot Last Activity Date", "Edge Last Activity Date", "Copilot Agent Last Activity Date",
        "Report Period",
    ]
    static let versionTwoRows = [
        "2025-12-28,p1@example.com,P One,2025-12-20,2025-12-20,2025-12-10,,,,,,,56,40,10,12,2025-12-20,2025-12-15,2025-12-20,2025-12-15,2025-12-18,28",
        "2025-12-28,p2@example.com,P Two,2025-12-05,2025-12-05,,,,,,,,8,8,0,2,2025-12-05,,,2025-12-05,,28",
        "2025-12-28,p3@example.com,P Three,,,,,,,,,,0,0,0,0,,,,,,28",
        "2025-12-28,p4@example.com,P Four,,,,,,,,,,,,,,,,,,,28",
        "2025-12-28,p5@example.com,P Five,2025-11-20,,,,,,,,,0,0,0,0,,,,,,28",
        "2025-12-28,p6@example.com,P Six,2025-12-27,,,,,,,,,4,0,4,1,,2025-12-27,2025-12-27,,,28",
    ]
    static let sixPeople = InputFile(path: "m.csv", text: "upn,team\n" + (1...6).map { "p\($0)@example.com,a\n" }.joined())

    @Test("version 2 columns: active share per app including Chat, Edge and agents, prompts and active days per licensed person-week")
    func versionTwo() {
        let text = ([Self.versionTwoHeader.joined(separator: ",")] + Self.versionTwoRows).joined(separator: "\n") + "\n"
        let result = UsageImporter(source: .m365Copilot, files: [InputFile(path: "v2.csv", text: text)],
                                   mapping: Self.sixPeople).run()
        #expect(result.printed.isEmpty)
        let table = result.table
        // Licensed: all six rows. Active in the period: p1, p2 and p6 (p5's date is before it).
        #expect(table["2025-Q4 a m365_copilot_active_users"] == "50 n=6")
        #expect(table["2025-Q4 a m365_copilot_chat_work_active_users"] == "33.3333 n=6")
        #expect(table["2025-Q4 a m365_copilot_chat_web_active_users"] == "33.3333 n=6")
        #expect(table["2025-Q4 a m365_copilot_app_active_users"] == "33.3333 n=6")
        #expect(table["2025-Q4 a m365_copilot_edge_active_users"] == "33.3333 n=6")
        #expect(table["2025-Q4 a m365_copilot_agent_active_users"] == "16.6667 n=6")
        #expect(table["2025-Q4 a m365_copilot_word_active_users"] == "0 n=6")
        // Prompts: 68 from the five people with a count (p4's blank is missing, not zero),
        // over 5 people x 4 weeks.
        #expect(table["2025-Q4 a m365_copilot_prompts"] == "3.4 n=5")
        #expect(table["2025-Q4 a m365_copilot_chat_work_prompts"] == "2.4 n=5")
        #expect(table["2025-Q4 a m365_copilot_chat_web_prompts"] == "0.7 n=5")
        #expect(table["2025-Q4 a m365_copilot_active_days"] == "0.75 n=5")
        #expect(result.metrics.first { $0.id == "m365_copilot_prompts" }?.unit == "prompts per licensed person-week")
        #expect(result.metrics.allSatisfy { $0.category == .usage && $0.better == .neutral })
    }

    @Test("a report period across two quarters splits its counts by the days in each")
    func countsAcrossQuarters() {
        let header = "Report Refresh Date,User Principal Name,Prompts submitted for all apps,Active Usage Days for all apps,Report Period\n"
        // 2025-12-18 to 2026-01-14: 14 days in each quarter.
        let text = header + "2026-01-14,p1@example.com,56,8,28\n"
        let result = UsageImporter(source: .m365Copilot, files: [InputFile(path: "a.csv", text: text)],
                                   mapping: InputFile(path: "m.csv", text: "upn,team\np1@example.com,a\n"), minGroupSize: 1).run()
        #expect(result.printed.isEmpty)
        #expect(result.table["2025-Q4 a m365_copilot_prompts"] == "14 n=1")
        #expect(result.table["2026-Q1 a m365_copilot_prompts"] == "14 n=1")
        #expect(result.table["2026-Q1 a m365_copilot_active_days"] == "2 n=1")
    }

    /// The admin center's export, in the spellings of its "User last activity table":
    /// https://learn.microsoft.com/en-us/microsoft-365/admin/activity-reports/microsoft-365-copilot-usage
    static let adminCenterSpellings = [
        "User Principal Name": "User name", "Display Name": "Display name", "Last Activity Date": "Last activity date (UTC)",
        "Microsoft Teams Copilot Last Activity Date": "Last activity date of Teams Copilot (UTC)",
        "Word Copilot Last Activity Date": "Last activity date of Word Copilot (UTC)",
        "Excel Copilot Last Activity Date": "Last activity date of Excel Copilot (UTC)",
        "PowerPoint Copilot Last Activity Date": "Last activity date of PowerPoint Copilot (UTC)",
        "Outlook Copilot Last Activity Date": "Last activity date of Outlook Copilot (UTC)",
        "OneNote Copilot Last Activity Date": "Last activity date of OneNote Copilot (UTC)",
        "Loop Copilot Last Activity Date": "Last activity date of Loop Copilot (UTC)",
        "Prompts submitted for all apps": "Prompts submitted (any app)",
        "Prompts submitted for Copilot Chat (work)": "Copilot Chat (work) prompts submitted",
        "Prompts submitted for Copilot Chat (web)": "Copilot Chat (web) prompts submitted",
        "Active Usage Days for all apps": "Active Days",
        "Copilot Chat (work) Last Activity Date": "Last activity date of Copilot Chat (work) (UTC)",
        "Copilot Chat (web) Last Activity Date": "Last activity date of Copilot Chat (web) (UTC)",
        "Microsoft 365 Copilot Last Activity Date": "Last activity date of Microsoft 365 App (UTC)",
        "Edge Last Activity Date": "Last activity date of Microsoft Edge (UTC)",
        "Copilot Agent Last Activity Date": "Last activity date of any agent (UTC)",
    ]

    @Test("the admin center's header spellings read as the Graph CSV's; an unknown per-app date column is a warning")
    func adminCenterHeaders() {
        let graph = ([Self.versionTwoHeader.joined(separator: ",")] + Self.versionTwoRows).joined(separator: "\n") + "\n"
        // The admin center has no separate v1 "Copilot Chat" column; it is renamed to one Discern does not know.
        let header = Self.versionTwoHeader.map { name in
            name == "Copilot Chat Last Activity Date" ? "Last activity date of Copilot Notebooks (UTC)"
                : Self.adminCenterSpellings[name] ?? name
        }
        let admin = ([header.joined(separator: ",")] + Self.versionTwoRows).joined(separator: "\n") + "\n"
        let fromGraph = UsageImporter(source: .m365Copilot, files: [InputFile(path: "g.csv", text: graph)],
                                      mapping: Self.sixPeople).run()
        let fromAdmin = UsageImporter(source: .m365Copilot, files: [InputFile(path: "a.csv", text: admin)],
                                      mapping: Self.sixPeople).run()
        #expect(fromAdmin.printed == [
            "a.csv:1:69: warning: 'Last activity date of Copilot Notebooks (UTC)' looks like a last-activity column, "
                + "but Discern does not know it; it is left out",
        ])
        #expect(fromAdmin.table == fromGraph.table.filter { !$0.key.hasSuffix(" m365_copilot_chat_active_users") })
        #expect(fromAdmin.table.count == 17, "13 date columns and 4 counts")
    }

    @Test("the admin center's export lacks the refresh date and period: the error says to add them")
    func adminCenterWithoutPeriod() {
        let text = "User name,Display name,Last activity date (UTC),Last activity date of Teams Copilot (UTC)\n"
            + "p1@example.com,P One,2025-12-20,2025-12-10\n"
        let result = UsageImporter(source: .m365Copilot, files: [InputFile(path: "a.csv", text: text)],
                                   mapping: Self.sixPeople).run()
        #expect(result.printed == [
            "a.csv:1:1: error: the Microsoft 365 admin center's export has no 'Report Refresh Date' and 'Report Period' "
                + "columns: add them (the day the report was exported, and the number of days it covers, like 30), "
                + "or take the report from Microsoft Graph, which has both",
        ])
    }

    /// The beta endpoint answers JSON unless asked for CSV with `$format=text/csv`:
    /// https://learn.microsoft.com/en-us/graph/api/reportroot-getmicrosoft365copilotusageuserdetail?view=graph-rest-beta
    @Test("the beta endpoint's JSON gets one error asking for CSV, not a flood of CSV errors")
    func json() {
        let text = """

            {
              "value": [
                {
                  "reportRefreshDate": "2025-08-20",
                  "userPrincipalName": "0F5A1B2C3D4E5F60718293A4B5C6D7E8",
                  "lastActivityDate": "2025-08-20",
                  "copilotActivityUserDetailsByPeriod": [{"reportPeriod": 7}]
                }
              ]
            }

            """
        let result = UsageImporter(source: .m365Copilot, files: [InputFile(path: "usage.json", text: text)],
                                   mapping: Self.sixPeople).run()
        #expect(result.printed == [
            "usage.json:2:1: error: this is JSON, and Discern reads this report as CSV: ask Microsoft Graph for CSV "
                + "(add ?$format=text/csv to the beta request, or use the v1.0 endpoint, which returns CSV)",
        ])
    }
}
