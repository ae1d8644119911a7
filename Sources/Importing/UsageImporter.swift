import ContentLoading
import ReportModel

/// Turns a usage feed's files into team-quarter values: the whole of `discern import`
/// but the reading and writing of files.
///
/// The steps: read the mapping; read each file into a `QuarterlyRollUp`, with people
/// as numbers; join them to teams; compute each team's values per quarter; leave out
/// team-quarters with fewer people than the minimum group size. Problems in any file
/// are all reported; with an error, the result is not to be written.
public struct UsageImporter: Sendable {
    var source: ImportSource
    var files: [InputFile]
    /// The `--teams` CSV; every source but the legacy GitHub feed with `team` needs one,
    /// except GitHub usage reports that carry user-teams records.
    var mapping: InputFile?
    /// For the legacy GitHub feed: the one team every file belongs to.
    public var team: String?
    var minGroupSize: Int
    /// The team ids in the content's `teams.yaml`, when it could be read.
    var knownTeams: Set<String>?
    /// For Viva: the date order and column names the export cannot tell by itself.
    public var viva = VivaOptions()
    /// Each team's headcount in the content's `teams.yaml`, when it could be read: what
    /// per-engineer rates divide by, and the people behind a team's event counts.
    public var headcounts: [String: Int]?
    /// For GitHub pull requests: the label that marks one as AI-assisted (any case).
    public var aiLabel = GitHubPullRequestList.defaultAILabel

    public init(source: ImportSource, files: [InputFile], mapping: InputFile? = nil, team: String? = nil,
                minGroupSize: Int = SiteSettings.defaultMinGroupSize, knownTeams: Set<String>? = nil) {
        self.source = source
        self.files = files
        self.mapping = mapping
        self.team = team
        self.minGroupSize = minGroupSize
        self.knownTeams = knownTeams
    }

    public func run() -> UsageImport {
        var run = ImportRun()
        var teamMapping: TeamMapping?
        if let mapping {
            teamMapping = TeamMapping.parse(mapping, accepting: mappingKeys, knownTeams: knownTeams,
                                            diagnostics: &run.diagnostics)
        }
        let needsMapping = switch source {
        case .githubCopilotLegacy: team == nil
        case .githubCopilot, .survey: false
        case .m365Copilot, .viva, .claudeCode: true
        case .githubPulls: true
        case .events: false
        }
        if needsMapping, teamMapping == nil {
            if mapping == nil {
                run.diagnostics.error("a mapping is needed: \(mappingHint)",
                                      at: SourceLocation(file: files.first?.path ?? "(no input)"))
            }
            return result(of: run, metrics: [])
        }

        var metrics: [ImportedMetric]
        switch source {
        case .githubCopilotLegacy:
            CopilotLegacyFeed.read(files, mapping: teamMapping, team: team, into: &run)
            metrics = CopilotLegacyFeed.metrics
        case .githubCopilot:
            CopilotUsageFeed.read(files, mapping: teamMapping, into: &run)
            metrics = CopilotUsageFeed.metrics
        case .m365Copilot:
            M365CopilotReport.read(files, mapping: teamMapping!, into: &run)
            metrics = M365CopilotReport.metrics
        case .viva:
            metrics = VivaPersonQuery.read(files, mapping: teamMapping!, options: viva, into: &run)
        case .claudeCode:
            ClaudeCodeUsageReport.read(files, mapping: teamMapping!, into: &run)
            metrics = ClaudeCodeUsageReport.metrics
        case .githubPulls:
            GitHubPullRequestList.read(files, mapping: teamMapping!, aiLabel: aiLabel, headcounts: headcounts, into: &run)
            metrics = GitHubPullRequestList.metrics(aiLabel: aiLabel)
        case .survey:
            // A survey needs its survey.yaml and quarter: `SurveyImporter` reads it.
            run.diagnostics.error("survey responses are read with --questions survey.yaml and --period",
                                  at: SourceLocation(file: files.first?.path ?? "(no input)"))
            metrics = []
        case .events:
            // An event export needs its spec: `EventImporter` reads it.
            run.diagnostics.error("event exports are read with --spec SPEC.yaml",
                                  at: SourceLocation(file: files.first?.path ?? "(no input)"))
            metrics = []
        }
        for overlap in run.placements.overlaps {
            run.diagnostics.error(overlapMessage(overlap, mapping: teamMapping), at: overlap.location)
        }
        if !run.unmapped.isEmpty, !run.mapped.isEmpty {
            let count = run.unmapped.count, everyone = run.unmapped.count + run.mapped.count
            let location = SourceLocation(file: teamMapping?.file ?? files.first?.path ?? "(no input)")
            if run.mapped.count * 2 < everyone {
                // Most people unmatched usually means the wrong key column, not new starters.
                run.diagnostics.warning(
                    "the mapping matches only \(run.mapped.count) of the \(everyone) people in the input; the other \(count) "
                        + "are counted in no team: check that its \(teamMapping?.keyColumn ?? "key") column holds what the "
                        + "export identifies people by", at: location)
            } else {
                run.diagnostics.warning(
                    "\(count) \(count == 1 ? "person has" : "people have") records that no team in the mapping claims; "
                        + "\(count == 1 ? "that person is" : "they are") counted in no team", at: location)
            }
        }
        return result(of: run, metrics: metrics, mapping: teamMapping)
    }

    /// Why an import without errors came out with no values at all, which is an error:
    /// writing a header-only CSV over last quarter's data would lose it without a word.
    private func nothingImported(_ run: ImportRun, mapping: TeamMapping?, leftOut: Int) -> String {
        if run.records == 0 { return "no records in the input: nothing to import (is it the right export?)" }
        if run.mapped.isEmpty, !run.unmapped.isEmpty, let mapping {
            let read = run.unmapped.count == 1 ? "the 1 person read is" : "none of the \(run.unmapped.count) people read is"
            func listed(_ values: [String]) -> String {
                values.prefix(8).map { "'\($0)'" }.joined(separator: ", ") + (values.count > 8 ? ", …" : "")
            }
            let input = run.unmatchedGroups.isEmpty ? "" : "; the input's teams are \(listed(run.unmatchedGroups.sorted()))"
            let keys = mapping.groupKeys.map { "; the mapping's \(mapping.keyColumn) values are \(listed($0))" }
                ?? " (its \(mapping.keyColumn) column has \(mapping.count) \(mapping.count == 1 ? "entry" : "entries"))"
            return "no record's team is in the mapping: \(read) claimed by it\(input)\(keys)"
        }
        if leftOut > 0 {
            return "every team-quarter has fewer people than the minimum group size (\(minGroupSize)): nothing may be published"
        }
        return "the input has no values this feed reads"
    }

    private func result(of run: ImportRun, metrics: [ImportedMetric], mapping: TeamMapping? = nil) -> UsageImport {
        let outcome = run.rollUp.values(for: metrics, minGroupSize: minGroupSize)
        var diagnostics = run.diagnostics
        if outcome.values.isEmpty, !diagnostics.hasErrors {
            diagnostics.error(nothingImported(run, mapping: mapping, leftOut: outcome.leftOutTeamQuarters),
                              at: SourceLocation(file: mapping?.file ?? files.first?.path ?? "(no input)"))
        }
        if outcome.outOfRange > 0 {
            diagnostics.error(
                "\(outcome.outOfRange) team-quarter value\(outcome.outOfRange == 1 ? " comes" : "s come") out beyond "
                    + "±1e15, which Discern refuses; the figures in the input are not plausible",
                at: SourceLocation(file: files.first?.path ?? "(no input)"))
        }
        return UsageImport(source: source, run: run, outcome: outcome, metrics: metrics, diagnostics: diagnostics,
                           minGroupSize: minGroupSize)
    }

    /// Names the teams, the quarters and a count, never the people, and says how to put
    /// each person in one team.
    private func overlapMessage(_ overlap: TeamPlacements.Overlap, mapping: TeamMapping?) -> String {
        let people = overlap.people == 1 ? "1 person" : "\(overlap.people) people"
        let quarters = overlap.periods.map(\.description)
        let when = quarters.count == 1 ? quarters[0] : quarters.dropLast().joined(separator: ", ") + " and " + quarters.last!
        let fix = switch (source, mapping?.key) {
        case (.githubCopilot, _):
            "pass --teams with a login,team mapping, which is then used instead of the user-teams records"
        case (.viva, .attribute):
            "map PersonId to teams (PersonId,team) to say which one"
        default:
            "map each person to one team"
        }
        return "'\(overlap.teams[0])' and '\(overlap.teams[1])' share \(people) in \(when); each person must count in "
            + "one team a quarter, or subtracting one team from the other gives their values: \(fix)"
    }

    private var mappingKeys: [TeamMapping.Accepted] {
        switch source {
        case .githubCopilotLegacy: CopilotLegacyFeed.mappingKeys
        case .githubCopilot: CopilotUsageFeed.mappingKeys
        case .m365Copilot: M365CopilotReport.mappingKeys
        case .viva: VivaPersonQuery.mappingKeys
        case .claudeCode: ClaudeCodeUsageReport.mappingKeys
        case .githubPulls: GitHubPullRequestList.mappingKeys
        case .survey: []
        case .events: []
        }
    }

    private var mappingHint: String {
        switch source {
        case .githubCopilotLegacy:
            "pass --teams with a CSV mapping GitHub team slugs to team ids (github_team,team), or --team with one team id"
        case .githubCopilot: "pass --teams with a CSV mapping logins to team ids (login,team)"
        case .m365Copilot: "pass --teams with a CSV mapping User Principal Names to team ids (upn,team)"
        case .viva: "pass --teams with a CSV mapping PersonIds (PersonId,team) or an HR attribute (Organization,team) to team ids"
        case .claudeCode: "pass --teams with a CSV mapping e-mail addresses (or API key names) to team ids (email,team)"
        case .githubPulls: "pass --teams with a CSV mapping logins to team ids (login,team)"
        case .survey: "pass --teams with a CSV mapping respondents to team ids (email,team)"
        case .events: "pass --teams with a CSV mapping the spec's person column to team ids (email,team)"
        }
    }
}
