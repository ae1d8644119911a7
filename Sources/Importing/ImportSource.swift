/// The sources `discern import` reads: usage feeds (context, never impact), all but the
/// legacy GitHub feed one row per person; survey waves (judgment); GitHub's pull requests
/// (outcomes and quality, one row per pull request); and event exports (outcomes and
/// quality, by a spec).
public enum ImportSource: String, CaseIterable, Sendable {
    /// The legacy GitHub Copilot metrics API: one JSON array of days per export,
    /// already aggregated for an organization or a GitHub team.
    case githubCopilotLegacy = "github-copilot-legacy"
    /// GitHub Copilot usage metrics reports: NDJSON `users-1-day` and `user-teams-1-day`.
    case githubCopilot = "github-copilot"
    /// The Microsoft 365 Copilot usage user-detail report, as CSV.
    case m365Copilot = "m365-copilot"
    /// A Viva Insights person query, as CSV.
    case viva
    /// Anthropic's Claude Code usage report (Admin API): one record per person, day and
    /// kind of session.
    case claudeCode = "claude-code"
    /// A survey wave's responses (Qualtrics, Google Forms, Microsoft Forms or plain CSV),
    /// read by `SurveyImporter` with a survey.yaml: judgment, asked of teams.
    case survey
    /// GitHub's pull requests, as the REST API lists them: lead time, throughput and
    /// reverts (outcomes), and the share labelled AI-assisted.
    case githubPulls = "github-pulls"
    /// An event export (deployments, incidents, tickets, changes; any tool), read by
    /// `EventImporter` with a spec saying which columns date, place and count each row.
    case events

    /// How messages name the feed.
    var title: String {
        switch self {
        case .githubCopilotLegacy: "GitHub Copilot metrics (legacy API)"
        case .githubCopilot: "GitHub Copilot usage metrics"
        case .m365Copilot: "Microsoft 365 Copilot usage"
        case .viva: "Viva Insights person query"
        case .claudeCode: "Claude Code usage report"
        case .survey: "team survey"
        case .githubPulls: "GitHub pull requests"
        case .events: "event export"
        }
    }
}
