import ContentLoading
import ReportModel

/// Anthropic's Claude Code usage report, from the Admin API's
/// `/v1/organizations/usage_report/claude_code`, documented at
/// https://platform.claude.com/docs/en/manage-claude/claude-code-analytics-api and
/// https://platform.claude.com/docs/en/api/beta/organization/usage_report/retrieve_claude_code
///
/// Each response is one day's page: `{"data": [...], "has_more", "next_page"}`. Files are
/// those responses as saved (one per file, or one per line), or the records themselves
/// one per line or in a JSON array. A record is one `actor`'s day (`date`, an RFC 3339
/// timestamp at midnight UTC): a person signed in (`user_actor`, by `email_address`) or
/// an API key (`api_actor`, by `api_key_name`). Remote and local sessions come as
/// separate records, and so may terminals, so records of one actor and day are added
/// up; a record repeated exactly (the same actor, day, `is_remote` and `terminal_type`,
/// from overlapping downloads) counts once. People are joined to teams by a mapping of
/// e-mail addresses or API key names. `customer_type`, `subscription_type`,
/// `organization_id` and `model_breakdown` (tokens and estimated cost) are not read.
package enum ClaudeCodeUsageReport {
    static let activeUsers: MetricID = "claude_code_active_users"
    static let activeDays: MetricID = "claude_code_active_days_per_user"
    static let sessionsPerDay: MetricID = "claude_code_sessions_per_user_day"
    static let linesPerDay: MetricID = "claude_code_lines_added_per_user_day"
    static let acceptanceRate: MetricID = "claude_code_tool_acceptance_rate"
    static let commitsPerDay: MetricID = "claude_code_commits_per_user_day"
    static let pullRequestsPerDay: MetricID = "claude_code_pull_requests_per_user_day"

    private static let origin = "From the Claude Code usage report (Anthropic Admin API)"

    package static let metrics: [ImportedMetric] = [
        ImportedMetric(
            id: activeUsers, name: "Claude Code active users", unit: "people", aggregate: .sum, format: .integer,
            description: "People with Claude Code activity (a session, lines changed, a tool action, a commit or a "
                + "pull request) on at least one day of the quarter. \(origin).",
            rule: .people),
        ImportedMetric(
            id: activeDays, name: "Claude Code active days per user", unit: "days", aggregate: .weightedMean,
            decimals: 1,
            description: "Days with Claude Code activity in the quarter, per person who had any. \(origin).",
            rule: .ratio(scale: 1)),
        ImportedMetric(
            id: sessionsPerDay, name: "Claude Code sessions per active user-day", unit: "sessions",
            aggregate: .weightedMean, decimals: 1,
            description: "Claude Code sessions people started, local and remote, per day with activity. \(origin).",
            rule: .ratio(scale: 1)),
        ImportedMetric(
            id: linesPerDay, name: "Claude Code lines added per active user-day", unit: "lines",
            aggregate: .weightedMean, decimals: 1,
            description: "Lines of code Claude Code added, per day with activity. More lines is not better code. "
                + "\(origin).",
            rule: .ratio(scale: 1)),
        ImportedMetric(
            id: acceptanceRate, name: "Claude Code tool acceptance rate", unit: "% of tool proposals",
            aggregate: .weightedMean, format: .percent, decimals: 1,
            description: "Edits and writes people accepted, as a share of those Claude Code proposed (accepted and "
                + "rejected, over every tool), over the quarter. A usage signal, not a measure of quality. "
                + "\(origin).",
            rule: .ratio(scale: 100)),
        ImportedMetric(
            id: commitsPerDay, name: "Claude Code commits per active user-day", unit: "commits",
            aggregate: .weightedMean, decimals: 2,
            description: "Git commits made through Claude Code, per day with activity: how people use it, not what "
                + "they deliver. \(origin).",
            rule: .ratio(scale: 1)),
        ImportedMetric(
            id: pullRequestsPerDay, name: "Claude Code pull requests per active user-day", unit: "pull requests",
            aggregate: .weightedMean, decimals: 2,
            description: "Pull requests opened through Claude Code, per day with activity: how people use it, not "
                + "what they deliver. \(origin).",
            rule: .ratio(scale: 1)),
    ]

    /// Header names of the mapping's key column: an e-mail address or an API key's name.
    static let mappingKeys = [
        TeamMapping.Accepted(.person, headers: ["email", "emailaddress", "mail", "upn", "userprincipalname", "user",
                                                "person", "actor", "apikeyname", "apikey"]),
    ]

    /// One actor's activity on one day, added up over its records.
    private struct Day {
        var location: SourceLocation
        var sessions = 0.0
        var linesAdded = 0.0
        var linesRemoved = 0.0
        var commits = 0.0
        var pullRequests = 0.0
        var accepted = 0.0
        var rejected = 0.0

        var isActive: Bool { sessions + linesAdded + linesRemoved + commits + pullRequests + accepted + rejected > 0 }
    }

    private struct PersonDay: Hashable {
        var person: Int
        var day: CalendarDay
    }

    private struct Cell: Hashable {
        var teamQuarter: QuarterlyRollUp.TeamQuarter
        var person: Int
    }

    /// What makes two records the same record, so that overlapping downloads count once.
    private struct RecordKey: Hashable {
        var personDay: PersonDay
        var isRemote: Bool
        var terminal: String?
    }

    /// Reads every file into the run.
    package static func read(_ files: [InputFile], mapping: TeamMapping, into run: inout ImportRun) {
        var days: [PersonDay: Day] = [:]
        var order: [PersonDay] = []
        var teams: [Int: String?] = [:]
        var seen: Set<RecordKey> = []
        for file in files {
            let path = file.path
            for document in JSONRecords.read(file, diagnostics: &run.diagnostics) {
                // A saved response holds its records in `data`; a record stands alone otherwise.
                let records = document.field("data") == nil
                    ? [document] : document.elements("data", file: path, diagnostics: &run.diagnostics)
                for record in records {
                    if run.diagnostics.isSaturated(path) { break }
                    guard case .object = record.kind else {
                        run.diagnostics.error("expected a record as a JSON object, found \(record.typeName)",
                                              at: record.location(in: path))
                        continue
                    }
                    let day = record.day("date", file: path, diagnostics: &run.diagnostics)
                    let actor = self.actor(of: record, file: path, diagnostics: &run.diagnostics)
                    let activity = readActivity(record, file: path, diagnostics: &run.diagnostics)
                    guard let day, let actor else { continue }
                    let person = run.people.number(for: actor.key)
                    let personDay = PersonDay(person: person, day: day)
                    let key = RecordKey(personDay: personDay, isRemote: record.flag("is_remote", file: path,
                                                                                    diagnostics: &run.diagnostics),
                                        terminal: record.text("terminal_type", file: path, diagnostics: &run.diagnostics))
                    guard seen.insert(key).inserted else {
                        run.repeats += 1
                        continue
                    }
                    run.records += 1
                    if teams[person] == nil { teams[person] = mapping.team(for: actor.name) }
                    guard var total = days[personDay] else {
                        days[personDay] = activity
                        order.append(personDay)
                        continue
                    }
                    total.sessions += activity.sessions
                    total.linesAdded += activity.linesAdded
                    total.linesRemoved += activity.linesRemoved
                    total.commits += activity.commits
                    total.pullRequests += activity.pullRequests
                    total.accepted += activity.accepted
                    total.rejected += activity.rejected
                    days[personDay] = total
                }
            }
        }

        var activeCells: Set<Cell> = []
        for personDay in order {
            let person = personDay.person, activity = days[personDay]!
            guard let team = teams[person] ?? nil else {
                run.unmapped.insert(person)
                continue
            }
            run.mapped.insert(person)
            let cell = QuarterlyRollUp.TeamQuarter(team: team, period: personDay.day.period)
            run.placements.place(person, in: cell, at: activity.location)
            run.rollUp.addMember(person, to: cell)
            run.rollUp.declare(activeUsers, in: cell)
            run.rollUp.add(acceptanceRate, activity.accepted, over: activity.accepted + activity.rejected, in: cell,
                           person: person)
            guard activity.isActive else { continue }
            run.rollUp.mark(activeUsers, person: person, in: cell)
            // Days per person: each active day adds to the numerator, each person once to the denominator.
            let firstDay = activeCells.insert(Cell(teamQuarter: cell, person: person)).inserted
            run.rollUp.add(activeDays, 1, over: firstDay ? 1 : 0, in: cell, person: person)
            run.rollUp.add(sessionsPerDay, activity.sessions, over: 1, in: cell, person: person)
            run.rollUp.add(linesPerDay, activity.linesAdded, over: 1, in: cell, person: person)
            run.rollUp.add(commitsPerDay, activity.commits, over: 1, in: cell, person: person)
            run.rollUp.add(pullRequestsPerDay, activity.pullRequests, over: 1, in: cell, person: person)
        }
    }

    /// The actor's identifier as written (for the mapping) and as a key for the person
    /// index. A person and an API key are different actors even if the texts match.
    private static func actor(of record: JSONValue, file: String, diagnostics: inout DiagnosticLog)
        -> (name: String, key: String)? {
        guard let actor = record.object("actor", file: file, diagnostics: &diagnostics) else {
            if record.field("actor") == nil {
                diagnostics.error("missing 'actor'; a record needs one to be joined to a team",
                                  at: record.location(in: file))
            }
            return nil
        }
        let type = actor.text("type", file: file, diagnostics: &diagnostics)
        let field = type == "api_actor" ? "api_key_name" : "email_address"
        guard let name = actor.text(field, file: file, diagnostics: &diagnostics),
              !name.trimmingSpaces.isEmpty else {
            diagnostics.error("the actor has no '\(field)'; a record needs one to be joined to a team",
                              at: actor.location(in: file))
            return nil
        }
        return (name, "\(field):\(TeamMapping.foldKey(name))")
    }

    private static func readActivity(_ record: JSONValue, file: String, diagnostics: inout DiagnosticLog) -> Day {
        func amount(_ key: String, in object: JSONValue?) -> Double {
            object?.amount(key, file: file, diagnostics: &diagnostics) ?? 0
        }
        var day = Day(location: record.location(in: file))
        let core = record.object("core_metrics", file: file, diagnostics: &diagnostics)
        let lines = core?.object("lines_of_code", file: file, diagnostics: &diagnostics)
        day.sessions = amount("num_sessions", in: core)
        day.linesAdded = amount("added", in: lines)
        day.linesRemoved = amount("removed", in: lines)
        day.commits = amount("commits_by_claude_code", in: core)
        day.pullRequests = amount("pull_requests_by_claude_code", in: core)
        // `tool_actions` maps each tool (edit_tool, write_tool, …) to its accepted and rejected
        // proposals; tools added later count the same way.
        if let tools = record.object("tool_actions", file: file, diagnostics: &diagnostics),
           case .object(let members) = tools.kind {
            for member in members {
                guard let tool = tools.object(member.key, file: file, diagnostics: &diagnostics) else { continue }
                day.accepted += amount("accepted", in: tool)
                day.rejected += amount("rejected", in: tool)
            }
        }
        return day
    }
}
