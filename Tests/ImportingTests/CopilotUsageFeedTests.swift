import Testing
@testable import Importing

@Suite("GitHub Copilot usage metrics, NDJSON")
struct CopilotUsageFeedTests {
    let folder = "github-copilot"
    let days = ["2025-09-29", "2025-09-30", "2025-10-01", "2025-10-02"]

    func activity() throws -> [InputFile] {
        try days.map { try ImportFixture.file("\(folder)/users-1-day-\($0).ndjson") }
    }

    /// The values every way of joining people to teams must give for the fixture.
    func expectFixtureValues(_ result: UsageImport) {
        let table = result.table
        #expect(table["2025-Q3 platform copilot_active_users"] == "8 n=8")
        // One platform person used only the CLI on 30 September: an active day, with 2 CLI prompts.
        #expect(table["2025-Q3 platform copilot_active_days_per_user"] == "2 n=8", "16 active days over 8 people")
        #expect(table["2025-Q3 platform copilot_code_acceptance_rate"] == "30 n=8")
        #expect(table["2025-Q3 platform copilot_interactions_per_user_day"] == "4.8125 n=8", "77 prompts over 16 days")
        #expect(table["2025-Q3 platform copilot_lines_added_per_user_day"] == "18.75 n=8", "300 lines over 16 days")
        // Q4: one platform person's record on 2 October has only a passive code review (Copilot
        // assigned itself): a member, not an active day.
        #expect(table["2025-Q4 platform copilot_active_days_per_user"] == "1.875 n=8")
        #expect(table["2025-Q4 platform copilot_interactions_per_user_day"] == "5 n=8")
        #expect(table["2025-Q3 payments copilot_code_acceptance_rate"] == "40 n=7")
        #expect(table["2025-Q4 payments copilot_code_acceptance_rate"] == "36 n=7", "54 of 150")
        #expect(table["2025-Q3 payments copilot_active_days_per_user"] == "2 n=7")
        #expect(table.count == 20)
        #expect(!table.keys.contains { $0.contains("mobile") })
        #expect(result.summary.leftOutTeamQuarters == 2)
        #expect(result.summary.leftOutValues == 0)
        #expect(result.summary.unmappedPeople == 1)
        #expect(result.summary.people == 15)
        #expect(result.summary.records == 76)
        #expect(result.metrics.map(\.id) == CopilotUsageFeed.metrics.map(\.id))
        #expect(result.metrics.allSatisfy { $0.category == .usage && $0.better == .neutral })
    }

    @Test("user-teams records join people to GitHub teams, and the mapping turns those into teams")
    func userTeams() throws {
        let files = try activity() + [try ImportFixture.file("\(folder)/user-teams-1-day-2025-09-29.ndjson")]
        let result = UsageImporter(source: .githubCopilot, files: files,
                                   mapping: try ImportFixture.file("\(folder)/github-teams.csv")).run()
        #expect(result.printed == [
            "github-copilot/github-teams.csv:1:1: warning: 1 person has records that no team in the mapping claims; "
                + "that person is counted in no team",
        ])
        expectFixtureValues(result)
    }

    @Test("a mapping of logins gives the same values, and the user-teams records are then not used")
    func logins() throws {
        let files = try activity() + [try ImportFixture.file("\(folder)/user-teams-1-day-2025-09-29.ndjson")]
        let result = UsageImporter(source: .githubCopilot, files: files,
                                   mapping: try ImportFixture.file("\(folder)/logins.csv")).run()
        #expect(result.printed == [
            "github-copilot/logins.csv:1:1: warning: 1 person has records that no team in the mapping claims; "
                + "that person is counted in no team",
            "github-copilot/logins.csv:1:1: warning: the user-teams records are not used: the mapping's 'login' column "
                + "names each person's team",
        ])
        expectFixtureValues(result)
    }

    @Test("without a mapping, GitHub team slugs are the team ids")
    func slugs() throws {
        let files = try activity() + [try ImportFixture.file("\(folder)/user-teams-1-day-2025-09-29.ndjson")]
        let result = UsageImporter(source: .githubCopilot, files: files).run()
        #expect(result.table["2025-Q3 platform-eng copilot_active_users"] == "8 n=8")
        #expect(result.table["2025-Q3 data-science copilot_active_users"] == nil, "one person")
        #expect(result.summary.unmappedPeople == 0)
    }

    /// GitHub documents the user-teams fields as `user_id`, `user_login`, `day`,
    /// `organization_id` (or `enterprise_id`), a numeric `team_id` and the team's `slug`,
    /// one row per person and team:
    /// https://docs.github.com/en/copilot/reference/copilot-usage-metrics/team-level-metrics
    /// https://docs.github.com/en/copilot/reference/copilot-usage-metrics/copilot-usage-metrics#user-teams-fields-api-only
    /// Five people written in that shape (organization scope), with one activity record each.
    func documentedTeams(slug: String = "slug") -> [InputFile] {
        let logins = ["zed-nw", "yan-nw", "xia-nw", "wes-nw", "vik-nw"]
        let teams = logins.enumerated().map { index, login in
            #"{"user_id":\#(700 + index),"user_login":"\#(login)","day":"2025-11-04","organization_id":"31","team_id":77,"\#(slug)":"web-core"}"#
        }
        let users = logins.enumerated().map { index, login in
            #"{"user_id":\#(700 + index),"user_login":"\#(login)","day":"2025-11-04","organization_id":"31","user_initiated_interaction_count":2,"code_generation_activity_count":4,"code_acceptance_activity_count":1,"loc_suggested_to_add_sum":6,"loc_added_sum":3,"used_chat":true,"used_agent":false}"#
        }
        return [InputFile(path: "user-teams.ndjson", text: teams.joined(separator: "\n") + "\n"),
                InputFile(path: "users.ndjson", text: users.joined(separator: "\n") + "\n")]
    }

    @Test("documented user-teams rows: the slug names the team, with a github_team mapping or without one")
    func documentedSlug() {
        let unmapped = UsageImporter(source: .githubCopilot, files: documentedTeams()).run()
        #expect(unmapped.printed == [])
        #expect(unmapped.table["2025-Q4 web-core copilot_active_users"] == "5 n=5")
        #expect(!unmapped.table.keys.contains { $0.contains(" 77 ") }, "the numeric team_id is not a team")
        let mapping = InputFile(path: "github-teams.csv", text: "github_team,team\nweb-core,web\n")
        let mapped = UsageImporter(source: .githubCopilot, files: documentedTeams(), mapping: mapping).run()
        #expect(mapped.printed == [])
        #expect(mapped.table["2025-Q4 web copilot_active_users"] == "5 n=5")
    }

    @Test("a user-teams row without its slug is an error at the row, not a team named by its number")
    func missingSlug() {
        let result = UsageImporter(source: .githubCopilot, files: documentedTeams(slug: "team_slug")).run()
        #expect(result.printed.contains("user-teams.ndjson:1:1: error: missing 'slug'; a user-teams record needs "
                    + "its team's slug"))
        #expect(result.table.isEmpty)
    }

    /// GitHub documents the `pull_requests.*` fields for organization and enterprise
    /// reports only; the per-user record has none (its example carries no `pull_requests`):
    /// https://docs.github.com/en/copilot/reference/copilot-usage-metrics/copilot-usage-metrics#pull-request-activity-fields-api-only
    /// https://docs.github.com/en/copilot/reference/copilot-usage-metrics/example-schema
    @Test("per-user reports have no pull-request fields, so the feed offers no time to merge, even if a record has one")
    func noPullRequests() {
        #expect(!CopilotUsageFeed.metrics.contains { $0.id.rawValue.hasPrefix("pr_") })
        #expect(CopilotUsageFeed.metrics.allSatisfy { $0.category == .usage && $0.better == .neutral })
        let records = (0..<5).map { index in
            #"{"user_id":\#(800 + index),"user_login":"u\#(index)-nw","day":"2025-11-04","organization_id":"31","code_generation_activity_count":4,"pull_requests":{"total_merged":2,"median_minutes_to_merge":30}}"#
        }
        let mapping = InputFile(path: "logins.csv", text: "login,team\n" + (0..<5).map { "u\($0)-nw,web\n" }.joined())
        let result = UsageImporter(source: .githubCopilot,
                                   files: [InputFile(path: "users.ndjson", text: records.joined(separator: "\n"))],
                                   mapping: mapping).run()
        #expect(result.printed == [])
        #expect(result.table["2025-Q4 web copilot_active_users"] == "5 n=5")
        #expect(!result.table.keys.contains { $0.contains("pr_") })
    }

    /// The activity signals GitHub documents per user and day: IDE counters, `used_chat`,
    /// `used_agent` (agent edits write `loc_added_sum`/`loc_deleted_sum`), `used_cli` with
    /// `totals_by_cli` ("CLI usage is not reflected in other fields"), and
    /// `used_copilot_code_review_active`; `used_copilot_code_review_passive` means Copilot
    /// was assigned to review without the person engaging:
    /// https://docs.github.com/en/copilot/reference/copilot-usage-metrics/copilot-usage-metrics#api-and-export-fields
    /// The CLI-only record follows the user-level example (`used_cli: true`, `totals_by_cli`):
    /// https://docs.github.com/en/copilot/reference/copilot-usage-metrics/example-schema
    @Test("people active only through the CLI, chat, agent edits or an active code review count as active; a passive review does not")
    func activitySignals() {
        let zero = #""user_initiated_interaction_count":0,"code_generation_activity_count":0,"code_acceptance_activity_count":0,"loc_suggested_to_add_sum":0,"loc_suggested_to_delete_sum":0,"loc_added_sum":0,"loc_deleted_sum":0"#
        let only = [
            #""used_cli":true,"totals_by_cli":{"prompt_count":3,"request_count":7,"session_count":1,"token_usage":{"output_tokens_sum":900,"prompt_tokens_sum":5100,"avg_tokens_per_request":857.1}}"#,
            #""used_cli":false,"used_copilot_code_review_active":true,"used_copilot_code_review_passive":false"#,
            #""used_chat":true,"used_agent":false"#,
            #""used_agent":true,"loc_deleted_sum":12"#,
            #""totals_by_cli":{"prompt_count":0,"request_count":0,"session_count":2}"#,
            #""used_cli":false,"used_chat":false,"used_agent":false,"used_copilot_code_review_active":false,"used_copilot_code_review_passive":true"#,
        ]
        let records = only.enumerated().map { index, fields in
            // Each key once per record: the agent-edit record brings its own loc_deleted_sum.
            let base = zero.replacingOccurrences(of: #","loc_deleted_sum":0"#, with: fields.contains("loc_deleted_sum") ? "" : #","loc_deleted_sum":0"#)
            return #"{"day":"2025-11-04","organization_id":"31","user_id":\#(900 + index),"user_login":"s\#(index)-nw",\#(base),\#(fields)}"#
        }
        let mapping = InputFile(path: "logins.csv", text: "login,team\n" + (0..<6).map { "s\($0)-nw,web\n" }.joined())
        let result = UsageImporter(source: .githubCopilot,
                                   files: [InputFile(path: "users.ndjson", text: records.joined(separator: "\n"))],
                                   mapping: mapping).run()
        #expect(result.printed == [])
        #expect(result.table["2025-Q4 web copilot_active_users"] == "5 n=6", "all but the passive review")
        #expect(result.table["2025-Q4 web copilot_interactions_per_user_day"] == "0.6 n=5", "3 CLI prompts over 5 days")
    }

    @Test("with no mapping and no user-teams records, nobody has a team: an error")
    func noTeams() throws {
        let result = UsageImporter(source: .githubCopilot, files: try activity()).run()
        #expect(result.printed == [
            "github-copilot/users-1-day-2025-09-29.ndjson:1:1: error: nobody can be put in a team: pass --teams with a "
                + "login,team mapping, or add the user-teams-1-day files",
        ])
    }

    @Test("a bad NDJSON line is reported at its own line and column; the other lines are still read")
    func badLine() {
        let text = """
            {"day":"2025-10-01","user_id":1,"user_login":"zed-nw","code_generation_activity_count":3}
            {"day":"2025-10-01","user_id":2,"user_login":"yan-nw","code_generation_activity_count":3

            {"day":"2025-10-01","user_id":3,"user_login":"xia-nw","code_generation_activity_count":"many"}
            {"day":"10/01/2025x","user_id":4,"user_login":"wes-nw"}
            {"day":"2025-10-01","code_generation_activity_count":3}
            [1, 2]
            """
        let mapping = InputFile(path: "logins.csv", text: "login,team\nzed-nw,a\nyan-nw,a\nxia-nw,a\nwes-nw,a\n")
        let result = UsageImporter(source: .githubCopilot, files: [InputFile(path: "users.ndjson", text: text)],
                                   mapping: mapping).run()
        #expect(result.printed == [
            "users.ndjson:2:89: error: unexpected end of file; expected ',' or '}'",
            "users.ndjson:4:88: error: 'code_generation_activity_count' must be a number of 0 or more, found a string",
            "users.ndjson:5:8: error: 'day' must be a date written YYYY-MM-DD (or M/D/YYYY), like 2026-07-01",
            "users.ndjson:6:1: error: missing 'user_id' and 'user_login'; a record needs one to be joined to a team",
            "users.ndjson:7:1: error: expected a record as a JSON object, found an array",
        ])
        #expect(!result.printed.joined().contains("-nw"), "no login is repeated")
    }
}
