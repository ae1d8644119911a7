import Testing
@testable import Importing

/// Each person counts in exactly one team a quarter. Two published teams whose members
/// differ by one person give that person's values by subtraction, so an import that
/// would put someone in two teams is refused, naming the teams and how many people they
/// share, never the people.
@Suite("One team per person per quarter")
struct TeamOverlapTests {
    let folder = "github-copilot"

    func activity() throws -> [InputFile] {
        try ["2025-09-29", "2025-09-30", "2025-10-01", "2025-10-02"].map {
            try ImportFixture.file("\(folder)/users-1-day-\($0).ndjson")
        }
    }

    /// The fixture's user-teams records with one platform person also in payments-squad.
    /// GitHub documents that "a user who belongs to multiple teams on the same day appears
    /// as multiple rows, one per (user, team) pair", with the fields the fixture uses:
    /// https://docs.github.com/en/copilot/reference/copilot-usage-metrics/team-level-metrics
    func overlappingTeams() throws -> InputFile {
        let records = try ImportFixture.file("\(folder)/user-teams-1-day-2025-09-29.ndjson")
        let text = String(decoding: records.bytes, as: UTF8.self)
        let extra = #"{"day":"2025-09-29","enterprise_id":"4417","user_id":58213900,"user_login":"avalindqvist-nw","team_id":901,"slug":"payments-squad"}"#
        #expect(text.hasSuffix("\n") && text.contains(#""user_login":"avalindqvist-nw","team_id":900"#))
        return InputFile(path: "\(folder)/user-teams.ndjson", text: text + extra + "\n")
    }

    func expectNoIdentifiers(_ printed: [String]) throws {
        let text = printed.joined(separator: "\n")
        for identifier in try ImportFixture.identifiers() { #expect(!text.contains(identifier), "\(identifier)") }
        #expect(!text.contains("58213900"))
    }

    @Test("user-teams records that put a person in two teams are an error at the record, naming teams and a count")
    func userTeamsOverlap() throws {
        let result = UsageImporter(source: .githubCopilot, files: try activity() + [try overlappingTeams()],
                                   mapping: try ImportFixture.file("\(folder)/github-teams.csv")).run()
        let errors = result.printed.filter { $0.contains(": error: ") }
        #expect(errors == [
            "github-copilot/user-teams.ndjson:20:1: error: 'payments' and 'platform' share 1 person in 2025-Q3 "
                + "and 2025-Q4; each person must count in one team a quarter, or subtracting one team from the other "
                + "gives their values: pass --teams with a login,team mapping, which is then used instead of the "
                + "user-teams records",
        ])
        try expectNoIdentifiers(result.printed)
    }

    @Test("without a mapping, GitHub team slugs that overlap are refused the same way")
    func slugOverlap() throws {
        let result = UsageImporter(source: .githubCopilot, files: try activity() + [try overlappingTeams()]).run()
        let errors = result.printed.filter { $0.contains(": error: ") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix(
            "github-copilot/user-teams.ndjson:20:1: error: 'payments-squad' and 'platform-eng' share 1 person") == true)
        try expectNoIdentifiers(result.printed)
    }

    @Test("a login,team mapping takes precedence: the overlapping user-teams records then do not matter")
    func loginsTakePrecedence() throws {
        let result = UsageImporter(source: .githubCopilot, files: try activity() + [try overlappingTeams()],
                                   mapping: try ImportFixture.file("\(folder)/logins.csv")).run()
        #expect(!result.printed.contains { $0.contains(": error: ") }, "\(result.printed)")
        CopilotUsageFeedTests().expectFixtureValues(result)
    }

    @Test("two GitHub teams mapped to one team count their shared person once, with no error")
    func sameTeam() throws {
        let mapping = InputFile(path: "map.csv", text: "github_team,team\nplatform-eng,platform\npayments-squad,platform\n")
        let result = UsageImporter(source: .githubCopilot, files: try activity() + [try overlappingTeams()],
                                   mapping: mapping).run()
        #expect(!result.printed.contains { $0.contains(": error: ") }, "\(result.printed)")
        #expect(result.table["2025-Q3 platform copilot_active_users"] == "15 n=15", "8 and 7 people, one of them in both")
    }

    @Test("a GitHub team mapped to two teams is an error too, without repeating the slug")
    func slugMappedTwice() throws {
        let mapping = InputFile(path: "map.csv", text: "github_team,team\nplatform-eng,platform\nplatform-eng,payments\n")
        let result = UsageImporter(source: .githubCopilot, files: try activity(), mapping: mapping).run()
        #expect(result.printed.contains("map.csv:3:1: error: 1 'github_team' value is mapped to both 'payments' and "
            + "'platform'; each value maps to one team: keep one row per value"), "\(result.printed)")
    }

    @Test("a mapping that lists one person under two teams is an error per pair of teams, with a count")
    func mappingOverlap() throws {
        let mapping = InputFile(path: "map.csv", text: """
            login,team
            avalindqvist-nw,platform
            bramokafor-nw,platform
            avalindqvist-nw,payments
            bramokafor-nw,payments
            chiarabenedetti-nw,mobile
            chiarabenedetti-nw,platform

            """)
        let result = UsageImporter(source: .githubCopilot, files: try activity(), mapping: mapping).run()
        let errors = result.printed.filter { $0.contains(": error: ") }
        #expect(errors == [
            "map.csv:4:1: error: 2 people are mapped to both 'payments' and 'platform'; each person must count in "
                + "one team, or subtracting one team from the other gives their values: keep one row per person",
            "map.csv:7:1: error: 1 person is mapped to both 'mobile' and 'platform'; each person must count in "
                + "one team, or subtracting one team from the other gives their values: keep one row per person",
        ])
        try expectNoIdentifiers(result.printed)
    }

    @Test("a Viva attribute that puts a person in two teams in one quarter is an error at the second row")
    func vivaAttributeOverlap() {
        var rows = ["PersonId,MetricDate,Total_Copilot_active_days,Organization"]
        for person in 1...6 { rows.append("P\(person)A,2025-07-06,2,Platform Engineering") }
        for person in 1...6 { rows.append("Q\(person)B,2025-07-06,2,Payments") }
        // P1A moves to Payments within the quarter: line 14. ISO dates, as 7/6/2025 alone could be
        // day-first, which the import now refuses to guess.
        rows.append("P1A,2025-08-03,2,Payments")
        let query = InputFile(path: "query.csv", text: rows.joined(separator: "\n") + "\n")
        let mapping = InputFile(path: "orgs.csv", text: "Organization,team\nPlatform Engineering,platform\nPayments,payments\n")
        let result = UsageImporter(source: .viva, files: [query], mapping: mapping).run()
        #expect(result.printed == [
            "query.csv:14:18: error: 'payments' and 'platform' share 1 person in 2025-Q3; each person must count in "
                + "one team a quarter, or subtracting one team from the other gives their values: map PersonId to "
                + "teams (PersonId,team) to say which one",
        ])
        #expect(!result.printed.joined().contains("P1A"))
    }
}
