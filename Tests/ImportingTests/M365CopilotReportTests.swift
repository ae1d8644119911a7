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
}
