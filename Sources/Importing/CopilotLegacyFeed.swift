import ContentLoading
import ReportModel

/// The legacy GitHub Copilot metrics API (`/orgs/{org}/copilot/metrics` and
/// `/orgs/{org}/team/{team_slug}/copilot/metrics`, closed in April 2026): a JSON array
/// of days, each already aggregated for the organization or for one GitHub team.
///
/// There are no people in it, so a whole export belongs to one team. Archives are kept
/// one file (or one folder) per GitHub team, so the mapping maps GitHub team slugs to
/// Discern teams, and a file belongs to the slug its name or one of its folders carries:
/// `exports/platform-eng.json` and `exports/platform-eng/2025-10.json` both belong to
/// `platform-eng`. `--team` puts every file in one team instead (an organization-wide
/// export is `--team org`). Exports overlap (each covers the last 28 days), so a day
/// read twice for the same GitHub team counts once.
package enum CopilotLegacyFeed {
    static let activeUsers: MetricID = "copilot_daily_active_users"
    static let engagedUsers: MetricID = "copilot_daily_engaged_users"
    static let acceptanceRate: MetricID = "copilot_suggestion_acceptance_rate"
    static let lineAcceptanceRate: MetricID = "copilot_line_acceptance_rate"
    static let linesPerUserDay: MetricID = "copilot_lines_accepted_per_user_day"
    static let chatsPerUserDay: MetricID = "copilot_ide_chats_per_user_day"

    private static let origin = "From the legacy GitHub Copilot metrics API"
    private static let basis = "n is the most active users on any one day of the quarter."

    package static let metrics: [ImportedMetric] = [
        ImportedMetric(
            id: activeUsers, name: "Copilot daily active users", unit: "people/day", aggregate: .sum, decimals: 1,
            description: "Mean number of people who used Copilot per reported day in the quarter. \(origin). \(basis)",
            rule: .ratio(scale: 1)),
        ImportedMetric(
            id: engagedUsers, name: "Copilot daily engaged users", unit: "people/day", aggregate: .sum, decimals: 1,
            description: "Mean number of people who engaged with a Copilot feature (accepted a suggestion, chatted) "
                + "per reported day in the quarter. \(origin). \(basis)",
            rule: .ratio(scale: 1)),
        ImportedMetric(
            id: acceptanceRate, name: "Copilot suggestion acceptance rate", unit: "% of suggestions shown",
            aggregate: .weightedMean, format: .percent, decimals: 1,
            description: "Code completions accepted as a share of those shown, in IDEs, over the quarter. "
                + "A usage signal, not a measure of quality. \(origin). \(basis)",
            rule: .ratio(scale: 100)),
        ImportedMetric(
            id: lineAcceptanceRate, name: "Copilot line acceptance rate", unit: "% of lines suggested",
            aggregate: .weightedMean, format: .percent, decimals: 1,
            description: "Lines of code accepted as a share of lines suggested by code completion, over the quarter. "
                + "\(origin). \(basis)",
            rule: .ratio(scale: 100)),
        ImportedMetric(
            id: linesPerUserDay, name: "Copilot lines accepted per active user-day", unit: "lines",
            aggregate: .weightedMean, decimals: 1,
            description: "Lines of completion code accepted, divided by the sum of daily active users over the quarter. "
                + "More lines is not better code. \(origin). \(basis)",
            rule: .ratio(scale: 1)),
        ImportedMetric(
            id: chatsPerUserDay, name: "Copilot IDE chats per active user-day", unit: "chats",
            aggregate: .weightedMean, decimals: 2,
            description: "Copilot Chat conversations in IDEs, divided by the sum of daily active users over the quarter. "
                + "\(origin). \(basis)",
            rule: .ratio(scale: 1)),
    ]

    /// Header names of the mapping's key column: a GitHub team slug.
    static let mappingKeys = [TeamMapping.Accepted.githubTeamSlug]

    /// One day of one export, summed over editors, models and languages.
    struct Day: Equatable {
        var active = 0.0
        var engaged = 0.0
        var suggestions = 0.0
        var acceptances = 0.0
        var linesSuggested = 0.0
        var linesAccepted = 0.0
        var chats = 0.0

        static func += (lhs: inout Day, rhs: Day) {
            lhs = Day(active: lhs.active + rhs.active, engaged: lhs.engaged + rhs.engaged,
                      suggestions: lhs.suggestions + rhs.suggestions, acceptances: lhs.acceptances + rhs.acceptances,
                      linesSuggested: lhs.linesSuggested + rhs.linesSuggested,
                      linesAccepted: lhs.linesAccepted + rhs.linesAccepted, chats: lhs.chats + rhs.chats)
        }
    }

    private struct SourceDay: Hashable {
        var source: String
        var day: CalendarDay
    }

    private struct TeamDay: Hashable {
        var team: String
        var day: CalendarDay
    }

    /// Reads every export into the run: each file into its team, days summed when
    /// several GitHub teams map to one Discern team.
    package static func read(_ files: [InputFile], mapping: TeamMapping?, team: String?, into run: inout ImportRun) {
        var seen: [SourceDay: (day: Day, location: SourceLocation)] = [:]
        var teamDays: [TeamDay: Day] = [:]
        for file in files {
            let owner: (source: String, team: String)
            if let team {
                owner = (team, team)
            } else if let mapping, let match = candidates(for: file.path).lazy
                        .compactMap({ slug in mapping.team(for: slug).map { (slug, $0) } }).first {
                owner = match
            } else {
                run.diagnostics.error(
                    "no GitHub team in the mapping matches this file's name or folders; name the file or its folder "
                        + "after the team's slug, as the mapping writes it, or pass --team",
                    at: SourceLocation(file: file.path))
                continue
            }
            for (day, figures, location) in days(in: file, diagnostics: &run.diagnostics) {
                let key = SourceDay(source: TeamMapping.foldKey(owner.source), day: day)
                if let first = seen[key] {
                    run.repeats += 1
                    if first.day != figures {
                        run.diagnostics.warning(
                            "\(day) was already read for this GitHub team at \(first.location) with other figures; "
                                + "the first is kept",
                            at: location)
                    }
                    continue
                }
                seen[key] = (figures, location)
                run.records += 1
                teamDays[TeamDay(team: owner.team, day: day), default: Day()] += figures
            }
        }
        for (key, day) in teamDays {
            let cell = QuarterlyRollUp.TeamQuarter(team: key.team, period: key.day.period)
            run.rollUp.reportSize(Int(min(day.active, Double(SiteSettings.largestCount)).rounded()), of: cell)
            run.rollUp.add(activeUsers, day.active, over: 1, in: cell)
            run.rollUp.add(engagedUsers, day.engaged, over: 1, in: cell)
            run.rollUp.add(acceptanceRate, day.acceptances, over: day.suggestions, in: cell)
            run.rollUp.add(lineAcceptanceRate, day.linesAccepted, over: day.linesSuggested, in: cell)
            run.rollUp.add(linesPerUserDay, day.linesAccepted, over: day.active, in: cell)
            run.rollUp.add(chatsPerUserDay, day.chats, over: day.active, in: cell)
        }
    }

    /// The names a file may carry its GitHub team's slug in: its own name without the
    /// extension, then its folders from the nearest up.
    static func candidates(for path: String) -> [String] {
        var parts = path.split(separator: "/").map(String.init).filter { $0 != "." && $0 != ".." && !$0.isEmpty }
        guard let name = parts.popLast() else { return [] }
        var names: [String] = []
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { names.append(String(name[..<dot])) }
        if let dot = name.firstIndex(of: "."), dot != name.startIndex { names.append(String(name[..<dot])) }
        names.append(name)
        return names + parts.reversed()
    }

    /// The days of one export, each summed over its editors, models and languages.
    static func days(in file: InputFile, diagnostics: inout DiagnosticLog) -> [(CalendarDay, Day, SourceLocation)] {
        guard let text = file.text(diagnostics: &diagnostics) else { return [] }
        guard let document = JSONValue.parse(text, file: file.path, diagnostics: &diagnostics) else { return [] }
        guard case .array(let elements) = document.kind else {
            diagnostics.error("expected an array of days, as the legacy Copilot metrics API returns, found \(document.typeName)",
                              at: document.location(in: file.path))
            return []
        }
        var days: [(CalendarDay, Day, SourceLocation)] = []
        for element in elements {
            if diagnostics.isSaturated(file.path) { break }
            let location = element.location(in: file.path)
            guard case .object = element.kind else {
                diagnostics.error("expected a day as an object, found \(element.typeName)", at: location)
                continue
            }
            let path = file.path
            let date = element.day("date", file: path, diagnostics: &diagnostics)
            var day = Day()
            if let active = element.amount("total_active_users", file: path, diagnostics: &diagnostics) {
                day.active = active
            } else if element.field("total_active_users") == nil {
                diagnostics.error("missing 'total_active_users'; every day needs it", at: location)
            }
            day.engaged = element.amount("total_engaged_users", file: path, diagnostics: &diagnostics) ?? 0
            if let completions = element.object("copilot_ide_code_completions", file: path, diagnostics: &diagnostics) {
                for editor in completions.elements("editors", file: path, diagnostics: &diagnostics) {
                    for model in editor.elements("models", file: path, diagnostics: &diagnostics) {
                        for language in model.elements("languages", file: path, diagnostics: &diagnostics) {
                            func amount(_ key: String) -> Double {
                                language.amount(key, file: path, diagnostics: &diagnostics) ?? 0
                            }
                            day.suggestions += amount("total_code_suggestions")
                            day.acceptances += amount("total_code_acceptances")
                            day.linesSuggested += amount("total_code_lines_suggested")
                            day.linesAccepted += amount("total_code_lines_accepted")
                        }
                    }
                }
            }
            if let chat = element.object("copilot_ide_chat", file: path, diagnostics: &diagnostics) {
                for editor in chat.elements("editors", file: path, diagnostics: &diagnostics) {
                    for model in editor.elements("models", file: path, diagnostics: &diagnostics) {
                        day.chats += model.amount("total_chats", file: path, diagnostics: &diagnostics) ?? 0
                    }
                }
            }
            if let date { days.append((date, day, location)) }
        }
        return days
    }
}
