import Testing
@testable import Importing

/// The fixtures are API responses written in the documented shape: a page of `data`
/// records, each with an `actor` (`user_actor` with `email_address`, or `api_actor` with
/// `api_key_name`), `date` as an RFC 3339 timestamp at midnight UTC, `is_remote`,
/// `terminal_type`, `core_metrics` and `tool_actions`:
/// https://platform.claude.com/docs/en/manage-claude/claude-code-analytics-api
/// https://platform.claude.com/docs/en/api/beta/organization/usage_report/retrieve_claude_code
@Suite("Claude Code usage report")
struct ClaudeCodeUsageReportTests {
    let folder = "claude-code"

    func reports() throws -> [InputFile] {
        try ["2025-09-30", "2025-10-01"].map { try ImportFixture.file("\(folder)/claude-code-\($0).json") }
    }

    @Test("saved API responses import by e-mail address and API key name, remote and local rows of a day added up")
    func fixture() throws {
        let result = UsageImporter(source: .claudeCode, files: try reports(),
                                   mapping: try ImportFixture.file("\(folder)/people.csv")).run()
        #expect(result.printed == [
            "claude-code/people.csv:1:1: warning: 1 person has records that no team in the mapping claims; "
                + "that person is counted in no team",
        ])
        let table = result.table
        #expect(table["2025-Q3 platform claude_code_active_users"] == "8 n=8")
        #expect(table["2025-Q3 platform claude_code_sessions_per_user_day"] == "3 n=8")
        #expect(table["2025-Q3 platform claude_code_lines_added_per_user_day"] == "120 n=8")
        #expect(table["2025-Q3 platform claude_code_tool_acceptance_rate"] == "90 n=8", "9 of 10 proposals")
        #expect(table["2025-Q3 payments claude_code_pull_requests_per_user_day"] == "1 n=7")
        // Q4: one platform person is an API key; another has a remote row besides the local one.
        #expect(table["2025-Q4 platform claude_code_active_users"] == "8 n=8")
        #expect(table["2025-Q4 platform claude_code_active_days_per_user"] == "1 n=8", "two rows, one day")
        #expect(table["2025-Q4 platform claude_code_sessions_per_user_day"] == "3.125 n=8", "25 sessions over 8 days")
        #expect(table["2025-Q4 platform claude_code_lines_added_per_user_day"] == "125 n=8")
        #expect(table["2025-Q4 platform claude_code_pull_requests_per_user_day"] == "0.125 n=8")
        // Q4 payments: one person's row has no activity: a member, not an active user.
        #expect(table["2025-Q4 payments claude_code_active_users"] == "6 n=7")
        #expect(!table.keys.contains { $0.contains("mobile") })
        #expect(result.summary.records == 39)
        #expect(result.summary.leftOutTeamQuarters == 2)
        #expect(result.metrics.allSatisfy { $0.id.rawValue.hasPrefix("claude_code_") })
        #expect(result.metrics.allSatisfy { $0.category == .usage && $0.better == .neutral })
    }

    @Test("records one per line, a repeated row counted once, and bad actors reported without the address")
    func recordsAndErrors() {
        func record(_ actor: String, remote: Bool = false) -> String {
            #"{"actor":\#(actor),"core_metrics":{"commits_by_claude_code":0,"lines_of_code":{"added":10,"removed":2},"num_sessions":1,"pull_requests_by_claude_code":0},"customer_type":"api","date":"2025-11-04T00:00:00Z","is_remote":\#(remote),"model_breakdown":[],"organization_id":"org-1","terminal_type":"vscode","tool_actions":{"edit_tool":{"accepted":3,"rejected":1}}}"#
        }
        let lines = (0..<5).map { record(#"{"type":"user_actor","email_address":"p\#($0)@nw.example"}"#) }
            + [record(#"{"type":"user_actor","email_address":"p0@nw.example"}"#),
               record(#"{"type":"api_actor"}"#),
               record(#"{"type":"user_actor","email_address":" "}"#),
               #"{"date":"2025-11-04T00:00:00Z","core_metrics":{}}"#]
        let mapping = InputFile(path: "people.csv", text: "email,team\n" + (0..<5).map { "P\($0)@NW.example,web\n" }.joined())
        let result = UsageImporter(source: .claudeCode, files: [InputFile(path: "cc.ndjson", text: lines.joined(separator: "\n"))],
                                   mapping: mapping).run()
        #expect(result.printed == [
            "cc.ndjson:7:10: error: the actor has no 'api_key_name'; a record needs one to be joined to a team",
            "cc.ndjson:8:10: error: the actor has no 'email_address'; a record needs one to be joined to a team",
            "cc.ndjson:9:1: error: missing 'actor'; a record needs one to be joined to a team",
        ])
        #expect(result.summary.repeats == 1)
        #expect(!result.printed.joined().contains("nw.example"))
    }

    @Test("a day's response as one object over several lines is read whole")
    func prettyResponse() {
        let records = (0..<5).map { index in
            "    {\"actor\": {\"type\": \"user_actor\", \"email_address\": \"q\(index)@nw.example\"},\n"
                + "     \"date\": \"2025-08-08T00:00:00Z\", \"is_remote\": false, \"terminal_type\": \"iTerm.app\",\n"
                + "     \"core_metrics\": {\"num_sessions\": 2, \"lines_of_code\": {\"added\": 5, \"removed\": 0},\n"
                + "       \"commits_by_claude_code\": 1, \"pull_requests_by_claude_code\": 0}, \"tool_actions\": {}}"
        }
        let text = "{\n  \"data\": [\n" + records.joined(separator: ",\n") + "\n  ],\n  \"has_more\": false,\n  \"next_page\": null\n}\n"
        let mapping = InputFile(path: "people.csv", text: "email_address,team\n" + (0..<5).map { "q\($0)@nw.example,web\n" }.joined())
        let result = UsageImporter(source: .claudeCode, files: [InputFile(path: "day.json", text: text)], mapping: mapping).run()
        #expect(result.printed == [])
        #expect(result.table["2025-Q3 web claude_code_active_users"] == "5 n=5")
        #expect(result.table["2025-Q3 web claude_code_commits_per_user_day"] == "1 n=5")
    }
}
