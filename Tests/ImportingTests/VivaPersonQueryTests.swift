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
            "q2.csv:1:1: error: missing column 'MetricDate'",
            "q3.csv:1:1: error: no Copilot metric columns; expected Total_Copilot_active_days, Total_Copilot_actions_taken, "
                + "Copilot_assisted_hours or Copilot_actions_taken_in_<App>",
        ])
        #expect(result.summary.repeats == 1)
        for id in ["AB12", "CD34", "EF56"] { #expect(!result.printed.joined().contains(id)) }
    }
}
