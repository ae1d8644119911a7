import Testing
@testable import Importing

@Suite("GitHub Copilot metrics, legacy API")
struct CopilotLegacyFeedTests {
    let folder = "github-copilot-legacy"

    func fixture(team: String? = nil, minGroupSize: Int = 5) throws -> UsageImport {
        let files = try ["platform-eng/2025-09-30.json", "platform-eng/2025-10-02.json", "payments-squad.json",
                         "mobile-apps.json"].map { try ImportFixture.file("\(folder)/\($0)") }
        return UsageImporter(source: .githubCopilotLegacy, files: files,
                             mapping: team == nil ? try ImportFixture.file("\(folder)/github-teams.csv") : nil,
                             team: team, minGroupSize: minGroupSize).run()
    }

    @Test("each export goes to the team its file or folder names; days become quarterly figures")
    func values() throws {
        let result = try fixture()
        #expect(result.printed.isEmpty)
        let table = result.table
        // Platform, 2025-Q3: 29 and 30 September, with 7 and 8 active users.
        #expect(table["2025-Q3 platform copilot_daily_active_users"] == "7.5 n=8")
        #expect(table["2025-Q3 platform copilot_daily_engaged_users"] == "6.5 n=8")
        #expect(table["2025-Q3 platform copilot_suggestion_acceptance_rate"] == "32.7273 n=8", "144 of 440")
        #expect(table["2025-Q3 platform copilot_line_acceptance_rate"] == "31.8182 n=8", "210 of 660")
        #expect(table["2025-Q3 platform copilot_lines_accepted_per_user_day"] == "14 n=8", "210 lines over 15 user-days")
        #expect(table["2025-Q3 platform copilot_ide_chats_per_user_day"] == "2 n=8")
        // Platform, 2025-Q4: 1 and 2 October, from the second export only.
        #expect(table["2025-Q4 platform copilot_daily_active_users"] == "7 n=8")
        #expect(table["2025-Q4 platform copilot_suggestion_acceptance_rate"] == "36.25 n=8", "145 of 400")
        #expect(table["2025-Q4 platform copilot_lines_accepted_per_user_day"] == "15 n=8", "210 lines over 14 user-days")
        #expect(table["2025-Q3 payments copilot_daily_active_users"] == "6.5 n=7")
        #expect(table["2025-Q4 payments copilot_line_acceptance_rate"] == "50 n=7")
        #expect(table.count == 24, "6 metrics for 2 teams in 2 quarters")
        #expect(!table.keys.contains { $0.contains("mobile") }, "3 active users is under the minimum")
        #expect(result.summary.leftOutTeamQuarters == 2)
        #expect(result.summary.records == 12)
        #expect(result.summary.repeats == 1, "30 September is in both platform exports")
        #expect(result.summary.people == nil)
    }

    @Test("--team puts every file in one team, and days repeated across its files count once")
    func oneTeam() throws {
        let files = try ["platform-eng/2025-09-30.json", "platform-eng/2025-10-02.json"]
            .map { try ImportFixture.file("\(folder)/\($0)") }
        let result = UsageImporter(source: .githubCopilotLegacy, files: files, team: "org").run()
        #expect(result.printed.isEmpty)
        #expect(result.table["2025-Q3 org copilot_daily_active_users"] == "7.5 n=8")
        #expect(result.summary.repeats == 1)
    }

    @Test("several GitHub teams mapped to one team add up day by day")
    func merged() throws {
        let mapping = InputFile(path: "map.csv", text: "github_team,team\nplatform-eng,eng\npayments-squad,eng\n")
        let files = try ["platform-eng/2025-09-30.json", "payments-squad.json"].map { try ImportFixture.file("\(folder)/\($0)") }
        let result = UsageImporter(source: .githubCopilotLegacy, files: files, mapping: mapping).run()
        // 29 Sep: 7 + 6 active; 30 Sep: 8 + 7. Mean 14, largest day 15.
        #expect(result.table["2025-Q3 eng copilot_daily_active_users"] == "14 n=15")
    }

    @Test("a file no GitHub team matches, bad JSON and bad fields are reported where they are, all at once")
    func malformed() {
        let mapping = InputFile(path: "map.csv", text: "github_team,team\nplatform-eng,platform\n")
        let files = [
            InputFile(path: "exports/unknown-team.json", text: "[]"),
            InputFile(path: "platform-eng/broken.json", text: "[\n  {\"date\": \"2025-09-29\", \"total_active_users\": 5,}\n]\n"),
            InputFile(path: "platform-eng/fields.json", text: """
                [
                  {"date": "29/09/2025", "total_active_users": 5},
                  {"date": "2025-09-30", "total_active_users": -2},
                  {"date": "2025-10-01"},
                  {"date": "2025-10-02", "total_active_users": 6, "copilot_ide_code_completions": {"editors": {}}},
                  "2025-10-03"
                ]
                """),
            InputFile(path: "platform-eng/object.json", text: "{\"message\": \"Not Found\"}"),
        ]
        let result = UsageImporter(source: .githubCopilotLegacy, files: files, mapping: mapping).run()
        #expect(result.printed == [
            "exports/unknown-team.json:1:1: error: no GitHub team in the mapping matches this file's name or folders; "
                + "name the file or its folder after the team's slug, as the mapping writes it, or pass --team",
            "platform-eng/broken.json:2:50: error: expected a quoted key",
            "platform-eng/fields.json:2:12: error: 'date' must be a date written YYYY-MM-DD (or M/D/YYYY), like 2026-07-01",
            "platform-eng/fields.json:3:48: error: 'total_active_users' must be a number of 0 or more, up to 1e15",
            "platform-eng/fields.json:4:3: error: missing 'total_active_users'; every day needs it",
            "platform-eng/fields.json:5:95: error: 'editors' must be an array, found an object",
            "platform-eng/fields.json:6:3: error: expected a day as an object, found a string",
            "platform-eng/object.json:1:1: error: expected an array of days, as the legacy Copilot metrics API returns, found an object",
        ])
    }
}
