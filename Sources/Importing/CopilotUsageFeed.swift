import ContentLoading
import ReportModel

/// GitHub Copilot usage metrics reports, downloaded as NDJSON: `users-1-day` (one
/// record per person per day, with `user_login`, `user_id` and activity counts) and
/// `user-teams-1-day` (one record per person and GitHub team that day, with the team's
/// `team_id` and `slug`), as documented at
/// https://docs.github.com/en/copilot/reference/copilot-usage-metrics/copilot-usage-metrics
/// and https://docs.github.com/en/copilot/reference/copilot-usage-metrics/team-level-metrics
///
/// A person's team comes from the mapping when it names people (`login,team` or
/// `user_id,team`); otherwise from the user-teams records, with the mapping, if given,
/// turning GitHub team slugs into Discern teams (`github_team,team`), and without one
/// the slugs taken as Discern ids. GitHub counts a person in every team they are in;
/// Discern refuses a person whose records lead to two teams in a quarter, since two
/// teams that differ by one person give that person's values by subtraction. A person
/// mapping takes precedence over the user-teams records, which are then not read for
/// teams. Records of either kind may come in any file, in any order.
///
/// Pull-request fields (`pull_requests.*`) are documented for organization and
/// enterprise reports only, not per person, so this feed offers no time to merge.
package enum CopilotUsageFeed {
    static let activeUsers: MetricID = "copilot_active_users"
    static let activeDays: MetricID = "copilot_active_days_per_user"
    static let acceptanceRate: MetricID = "copilot_code_acceptance_rate"
    static let interactionsPerDay: MetricID = "copilot_interactions_per_user_day"
    static let linesPerDay: MetricID = "copilot_lines_added_per_user_day"

    private static let origin = "From GitHub Copilot usage metrics (users-1-day)"

    package static let metrics: [ImportedMetric] = [
        ImportedMetric(
            id: activeUsers, name: "Copilot active users", unit: "people", aggregate: .sum, format: .integer,
            description: "People with any Copilot activity on at least one day of the quarter: IDE completions, "
                + "chat or agent, the CLI, or a code review they asked for or applied (not one Copilot was only "
                + "assigned to). \(origin).",
            rule: .people),
        ImportedMetric(
            id: activeDays, name: "Copilot active days per user", unit: "days", aggregate: .weightedMean, decimals: 1,
            description: "Days with Copilot activity in the quarter, per person who had any. \(origin).",
            rule: .ratio(scale: 1)),
        ImportedMetric(
            id: acceptanceRate, name: "Copilot code acceptance rate", unit: "% of code generated",
            aggregate: .weightedMean, format: .percent, decimals: 1,
            description: "Code acceptance activity as a share of code generation activity (suggestions and edits "
                + "offered), over the quarter. A usage signal, not a measure of quality. \(origin).",
            rule: .ratio(scale: 100)),
        ImportedMetric(
            id: interactionsPerDay, name: "Copilot interactions per active user-day", unit: "interactions",
            aggregate: .weightedMean, decimals: 1,
            description: "Prompts people sent to Copilot, in the IDE (chat, agent, inline) and in the CLI, per "
                + "day with activity. \(origin).",
            rule: .ratio(scale: 1)),
        ImportedMetric(
            id: linesPerDay, name: "Copilot lines added per active user-day", unit: "lines",
            aggregate: .weightedMean, decimals: 1,
            description: "Lines of code Copilot added (accepted completions, chat and agent edits), per day with "
                + "activity. More lines is not better code. \(origin).",
            rule: .ratio(scale: 1)),
    ]

    /// Header names of the mapping's key column: a person, or a GitHub team.
    static let mappingKeys = [TeamMapping.Accepted.githubPerson, TeamMapping.Accepted.githubTeamSlug]

    /// One person-day of activity, with its team if the mapping already gave it.
    private struct Activity {
        var person: Int
        var day: CalendarDay
        /// The record, which places the person when the mapping names people.
        var location: SourceLocation
        var mappedTeam: String?
        var active: Bool
        var interactions: Double
        var generations: Double
        var acceptances: Double
        var linesAdded: Double
    }

    private struct PersonDay: Hashable {
        var person: Int
        var day: CalendarDay
    }

    /// Reads every file into the run and joins people to teams.
    package static func read(_ files: [InputFile], mapping: TeamMapping?, into run: inout ImportRun) {
        var activities: [Activity] = []
        var seen: Set<PersonDay> = []
        // Which GitHub teams (folded keys) each person was in, per day, each with the first
        // record that said so.
        var memberships: [Int: [CalendarDay: [String: SourceLocation]]] = [:]
        let mapsPeople = mapping?.key == .person
        guard let firstFile = files.first?.path else { return }

        run.readObjects(of: files, each: "a record") { record, path, run in
            let userID = record.text("user_id", file: path, diagnostics: &run.diagnostics)
            let login = record.text("user_login", file: path, diagnostics: &run.diagnostics)
            let day = record.day("day", file: path, diagnostics: &run.diagnostics)
            // GitHub documents user-teams records with a numeric `team_id` and the team's `slug`
            // (no `team_slug` in any version of the docs). The id is no name for a team, so a
            // record with one but no slug is an error rather than a team called "900".
            let team = record.text("slug", file: path, diagnostics: &run.diagnostics)
            let isMembership = team != nil || record.field("team_id") != nil
            guard userID != nil || login != nil else {
                run.diagnostics.error("missing 'user_id' and 'user_login'; a record needs one to be joined to a team",
                                      at: record.location(in: path))
                return
            }
            if isMembership, team == nil {
                run.diagnostics.error("missing 'slug'; a user-teams record needs its team's slug",
                                      at: record.location(in: path))
                return
            }
            guard let day else { return }
            let person = run.people.number(for: userID.map { "id:\(TeamMapping.foldKey($0))" }
                                            ?? "login:\(TeamMapping.foldKey(login!))")
            if let team {
                let slug = TeamMapping.foldKey(team)
                if memberships[person]?[day]?[slug] == nil {
                    memberships[person, default: [:]][day, default: [:]][slug] = record.location(in: path)
                }
                return
            }
            var activity = readActivity(record, person: person, day: day, file: path, diagnostics: &run.diagnostics)
            guard seen.insert(PersonDay(person: person, day: day)).inserted else {
                run.repeats += 1
                return
            }
            if mapsPeople, let mapping {
                activity.mappedTeam = login.flatMap(mapping.team(for:)) ?? userID.flatMap(mapping.team(for:))
            }
            activities.append(activity)
            run.records += 1
        }

        if mapsPeople, !memberships.isEmpty, let mapping {
            run.diagnostics.warning(
                "the user-teams records are not used: the mapping's '\(mapping.keyColumn)' column names each "
                    + "person's team", at: SourceLocation(file: mapping.file))
        }
        if !mapsPeople, memberships.isEmpty, !activities.isEmpty {
            let location = SourceLocation(file: mapping?.file ?? firstFile)
            run.diagnostics.error(
                mapping == nil
                    ? "nobody can be put in a team: pass --teams with a login,team mapping, or add the user-teams-1-day files"
                    : "the mapping names GitHub teams, but no user-teams records were read; add the user-teams-1-day "
                        + "files, or map logins to teams",
                at: location)
            return
        }

        var unusableTeams: Set<String> = []
        var activeCells: Set<Cell> = []
        for activity in activities {
            // Each team with the record that put the person in it.
            var teams: [String: SourceLocation] = [:]
            func put(in team: String, by location: SourceLocation) {
                teams[team] = min(teams[team] ?? location, location)
            }
            if mapsPeople {
                if let team = activity.mappedTeam { put(in: team, by: activity.location) }
            } else {
                for (slug, location) in githubTeams(of: activity.person, on: activity.day, in: memberships) {
                    if let mapping {
                        if let team = mapping.team(for: slug) {
                            put(in: team, by: location)
                        } else {
                            run.unmatchedGroups.insert(slug)
                        }
                    } else if Slug.isValid(slug) {
                        put(in: slug, by: location)
                    } else {
                        unusableTeams.insert(slug)
                    }
                }
            }
            guard !teams.isEmpty else {
                run.unmapped.insert(activity.person)
                continue
            }
            run.mapped.insert(activity.person)
            for (team, location) in teams.sorted(by: { $0.key < $1.key }) {
                let cell = QuarterlyRollUp.TeamQuarter(team: team, period: activity.day.period)
                run.placements.place(activity.person, in: cell, at: location)
                add(activity, to: cell, activeCells: &activeCells, rollUp: &run.rollUp)
            }
        }
        if !unusableTeams.isEmpty {
            run.diagnostics.warning(
                "\(unusableTeams.count) GitHub team\(unusableTeams.count == 1 ? " is" : "s are") not written as a Discern "
                    + "id (lowercase letters, digits, '_' and '-'); their members are counted in no team. Pass --teams "
                    + "with a github_team,team mapping",
                at: SourceLocation(file: firstFile))
        }
    }

    private struct Cell: Hashable {
        var teamQuarter: QuarterlyRollUp.TeamQuarter
        var person: Int
    }

    private static func add(_ activity: Activity, to cell: QuarterlyRollUp.TeamQuarter,
                            activeCells: inout Set<Cell>, rollUp: inout QuarterlyRollUp) {
        let person = activity.person
        rollUp.addMember(person, to: cell)
        rollUp.declare(activeUsers, in: cell)
        rollUp.add(acceptanceRate, activity.acceptances, over: activity.generations, in: cell, person: person)
        guard activity.active else { return }
        rollUp.mark(activeUsers, person: person, in: cell)
        // Days per person: each active day adds to the numerator, each person once to the denominator.
        let firstDay = activeCells.insert(Cell(teamQuarter: cell, person: person)).inserted
        rollUp.add(activeDays, 1, over: firstDay ? 1 : 0, in: cell, person: person)
        rollUp.add(interactionsPerDay, activity.interactions, over: 1, in: cell, person: person)
        rollUp.add(linesPerDay, activity.linesAdded, over: 1, in: cell, person: person)
    }

    /// The GitHub teams a person was in on a day: that day's records, or else the
    /// nearest earlier day's, or else the nearest later day's (team reports and
    /// activity reports are not always downloaded for the same days).
    private static func githubTeams(of person: Int, on day: CalendarDay,
                                    in memberships: [Int: [CalendarDay: [String: SourceLocation]]])
        -> [String: SourceLocation] {
        guard let days = memberships[person] else { return [:] }
        if let teams = days[day] { return teams }
        if let earlier = days.keys.filter({ $0 < day }).max() { return days[earlier]! }
        if let later = days.keys.filter({ $0 > day }).min() { return days[later]! }
        return [:]
    }

    private static func readActivity(_ record: JSONValue, person: Int, day: CalendarDay, file: String,
                                     diagnostics: inout DiagnosticLog) -> Activity {
        func amount(_ key: String, in object: JSONValue) -> Double {
            object.amount(key, file: file, diagnostics: &diagnostics) ?? 0
        }
        let generations = amount("code_generation_activity_count", in: record)
        let acceptances = amount("code_acceptance_activity_count", in: record)
        let suggested = amount("loc_suggested_to_add_sum", in: record)
        let added = amount("loc_added_sum", in: record)
        // Agent edits delete lines too; a day of only that is still a day Copilot worked for the person.
        let deleted = amount("loc_deleted_sum", in: record)
        // CLI use is reported apart and "not reflected in other fields", so its prompts join the
        // IDE's and its sessions mark the day active.
        var cliPrompts = 0.0, cliUse = 0.0
        if let cli = record.object("totals_by_cli", file: file, diagnostics: &diagnostics) {
            cliPrompts = amount("prompt_count", in: cli)
            cliUse = cliPrompts + amount("session_count", in: cli) + amount("request_count", in: cli)
        }
        let interactions = amount("user_initiated_interaction_count", in: record) + cliPrompts
        // A passive code review (Copilot assigned itself, the person did nothing) is not activity.
        let flags = ["used_chat", "used_agent", "used_cli", "used_copilot_code_review_active"]
        let flagged = flags.contains { record.flag($0, file: file, diagnostics: &diagnostics) }
        let active = flagged || interactions + generations + acceptances + suggested + added + deleted + cliUse > 0
        return Activity(person: person, day: day, location: record.location(in: file), active: active,
                        interactions: interactions, generations: generations, acceptances: acceptances,
                        linesAdded: added)
    }
}
