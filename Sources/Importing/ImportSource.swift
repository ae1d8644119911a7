/// The feeds `discern import` reads. Most are usage data (context, never impact); a
/// survey is judgment, and GitHub's pull requests are outcomes. All but the legacy GitHub
/// feed arrive one row per person (or per pull request).
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
        }
    }
}
