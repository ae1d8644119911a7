import ContentLoading
import ReportModel

/// GitHub's pull requests, as the REST API's "List pull requests" returns them
/// (`GET /repos/{owner}/{repo}/pulls?state=closed`, documented at
/// https://docs.github.com/en/rest/pulls/pulls#list-pull-requests) and `gh api --paginate`
/// saves them (https://cli.github.com/manual/gh_api): each page a JSON array, the pages
/// one after another (`[…][…]`, with or without line breaks between them), or inside one
/// array with `--slurp`; a single array; or one pull request per line (NDJSON).
///
/// Of each pull request it reads `number` and `base.repo.full_name` (or `html_url`), which
/// say which it is; `merged_at`; and of merged ones `created_at`, `title`, `labels[].name`
/// and the author, `user` (`login`, `id`, `type`). Bodies, branches, commits, reviewers,
/// assignees and every other field are not read.
///
/// A merged pull request counts in the quarter of its `merged_at` (the day as written,
/// UTC for GitHub), in its author's team, which a `login,team` (or `user_id,team`) mapping
/// gives. Left out: pull requests never merged (`merged_at` null; drafts among them, which
/// cannot be merged), bots' (`user.type` `Bot`, or a login ending in `[bot]`, as GitHub
/// Apps are named), and those whose author's account is gone (`user` null). The same
/// repository and number read twice, from overlapping exports, counts once.
///
/// A revert is a pull request titled as GitHub's Revert button titles it, `Revert "…"`
/// around the reverted one's title. GitHub's page on the button
/// (https://docs.github.com/en/pull-requests/collaborating-with-pull-requests/incorporating-changes-from-a-pull-request/reverting-a-pull-request)
/// says it opens a new pull request reverting the merge; the title's form is `git
/// revert`'s, as users of the button report (https://github.com/kubernetes/test-infra/issues/5642,
/// https://github.com/MDSplus/mdsplus/pull/811).
package enum GitHubPullRequestList {
    static let leadTime: MetricID = "pr_lead_time"
    static let mergedPerEngineerWeek: MetricID = "merged_prs_per_engineer_week"
    static let aiAssistedShare: MetricID = "ai_assisted_pr_share"
    static let revertShare: MetricID = "revert_share"

    /// The label that marks a pull request as AI-assisted unless `--ai-label` names another.
    package static let defaultAILabel = "ai-assisted"

    /// What the Revert button puts before the reverted pull request's title.
    static let revertPrefix = "Revert \""

    private static let origin = "From GitHub's pull requests (REST API, List pull requests, state=closed)"

    /// The metrics, with `aiLabel` named where it matters.
    package static func metrics(aiLabel: String) -> [ImportedMetric] {
        [
            ImportedMetric(
                id: leadTime, name: "Pull request lead time", category: .outcome, unit: "hours", better: .lower,
                aggregate: .weightedMean, decimals: 1,
                description: "Median hours from opening a pull request (created_at) to merging it (merged_at), over "
                    + "the pull requests the team's people merged in the quarter; bots' are left out. n is the people "
                    + "who merged at least one. \(origin).",
                rule: .weightedMedian, uncertainty: .given),
            ImportedMetric(
                id: mergedPerEngineerWeek, name: "Merged pull requests per engineer-week", category: .outcome,
                unit: "PRs/engineer/week", better: .higher, aggregate: .weightedMean, decimals: 1,
                description: "Pull requests the team's people merged in the quarter, over the team's headcount in "
                    + "teams.yaml times the quarter's weeks; bots' are left out. More is not better work by itself: "
                    + "read it with lead time and reverts. n is the headcount. \(origin).",
                rule: .ratio(scale: 1)),
            ImportedMetric(
                id: aiAssistedShare, name: "AI-assisted pull request share", unit: "% of merged pull requests",
                aggregate: .weightedMean, format: .percent, decimals: 1,
                description: "Merged pull requests labelled '\(aiLabel)' (in any case), as a share of all the team "
                    + "merged in the quarter: how much work people mark as AI-assisted, as context, not impact. "
                    + "Unlabelled work is not known to be unassisted. n is the people who merged pull requests. "
                    + "\(origin).",
                rule: .ratio(scale: 100), uncertainty: .given),
            ImportedMetric(
                id: revertShare, name: "Revert share", category: .quality, unit: "% of merged pull requests",
                better: .lower, aggregate: .weightedMean, format: .percent, decimals: 1,
                description: "Merged pull requests that revert an earlier one (titled Revert \"…\", as GitHub's "
                    + "Revert button titles them), as a share of all the team merged in the quarter. A rework "
                    + "proxy: reverts titled otherwise are missed, and a revert counts in its author's team. n is the "
                    + "people who merged pull requests. \(origin).",
                rule: .ratio(scale: 100), uncertainty: .given),
        ]
    }

    /// Header names of the mapping's key column: a login or a user id.
    static let mappingKeys = [TeamMapping.Accepted.githubPerson]

    /// A merged pull request by a person, reduced to what the metrics need.
    private struct Merge {
        var person: Int
        var login: String?
        var userID: String?
        var location: SourceLocation
        var merged: Timestamp
        var leadHours: Double
        var aiAssisted: Bool
        var isRevert: Bool
    }

    /// What was left out while reading, to say so in counts.
    private struct LeftOut {
        var unmerged = 0
        var byBots = 0
        var withoutAuthor = 0
    }

    /// Reads every file into the run: people become numbers, each merged pull request a
    /// sample of its author's team-quarter. `headcounts` (teams.yaml's) give the
    /// per-engineer rate's denominator; teams without one get no such rate, with one warning.
    package static func read(_ files: [InputFile], mapping: TeamMapping, aiLabel: String, headcounts: [String: Int]?,
                             into run: inout ImportRun) {
        let label = aiLabel.trimmingSpaces.lowercased()
        var merges: [Merge] = []
        var seen: Set<String> = []
        var leftOut = LeftOut()
        run.readObjects(of: files, each: "a pull request") { record, path, run in
            guard let number = record.text("number", file: path, diagnostics: &run.diagnostics) else {
                if record.field("number") == nil {
                    run.diagnostics.error("missing 'number'; every pull request needs it", at: record.location(in: path))
                }
                return
            }
            if let identity = identity(of: record, number: number, file: path, diagnostics: &run.diagnostics),
               !seen.insert(identity).inserted {
                run.repeats += 1
                return
            }
            run.records += 1
            guard record.field("merged_at") != nil else {
                leftOut.unmerged += 1
                return
            }
            if let merge = readMerge(record, label: label, file: path, leftOut: &leftOut, run: &run) {
                merges.append(merge)
            }
        }
        if leftOut.withoutAuthor > 0, let first = files.first {
            let count = leftOut.withoutAuthor
            run.diagnostics.warning(
                "\(count) merged pull request\(count == 1 ? " has" : "s have") no author ('user' is null, as for a "
                    + "deleted account); \(count == 1 ? "it is" : "they are") counted in no team",
                at: SourceLocation(file: first.path))
        }
        if merges.isEmpty, run.records > 0, !run.diagnostics.hasErrors, let first = files.first {
            var reasons = ["\(leftOut.unmerged) not merged", "\(leftOut.byBots) by bots"]
            if leftOut.withoutAuthor > 0 { reasons.append("\(leftOut.withoutAuthor) without an author") }
            run.diagnostics.error(
                "no pull request in the input was merged by a person (\(run.records) read: "
                    + "\(reasons.joined(separator: ", "))): nothing to import; list merged pull requests with "
                    + "state=closed", at: SourceLocation(file: first.path))
            return
        }
        add(merges, mapping: mapping, headcounts: headcounts, into: &run)
    }

    /// What makes two records the same pull request: its repository and number, or
    /// GitHub's id for it when the repository is not given; nil when neither is, and the
    /// record cannot be told from others.
    private static func identity(of record: JSONValue, number: String, file: String,
                                 diagnostics: inout DiagnosticLog) -> String? {
        let base = record.object("base", file: file, diagnostics: &diagnostics)
        let repository = base?.object("repo", file: file, diagnostics: &diagnostics)?
            .text("full_name", file: file, diagnostics: &diagnostics)
            ?? record.text("html_url", file: file, diagnostics: &diagnostics).flatMap(repositoryName)
        if let repository { return "\(repository.lowercased())#\(number)" }
        return record.text("id", file: file, diagnostics: &diagnostics).map { "id:\($0)" }
    }

    /// `owner/repo` from a pull request's page, `https://github.com/owner/repo/pull/12`
    /// (or another host's, for GitHub Enterprise Server), as `full_name` would give it.
    private static func repositoryName(_ url: String) -> String? {
        let parts = url.split(separator: "/")
        guard parts.count >= 4, parts[parts.count - 2] == "pull" else { return nil }
        return "\(parts[parts.count - 4])/\(parts[parts.count - 3])"
    }

    private static func readMerge(_ record: JSONValue, label: String, file: String, leftOut: inout LeftOut,
                                  run: inout ImportRun) -> Merge? {
        let why = "a merged pull request needs it"
        let merged = record.timestamp("merged_at", file: file, diagnostics: &run.diagnostics, why: why)
        let created = record.timestamp("created_at", file: file, diagnostics: &run.diagnostics, why: why)
        let title = record.text("title", file: file, diagnostics: &run.diagnostics) ?? ""
        var aiAssisted = false
        for item in record.elements("labels", file: file, diagnostics: &run.diagnostics) {
            guard case .object = item.kind else {
                run.diagnostics.error("expected a label as a JSON object, found \(item.typeName)", at: item.location(in: file))
                continue
            }
            if let name = item.text("name", file: file, diagnostics: &run.diagnostics),
               name.trimmingSpaces.lowercased() == label {
                aiAssisted = true
            }
        }
        guard let user = record.object("user", file: file, diagnostics: &run.diagnostics) else {
            if record.field("user") == nil { leftOut.withoutAuthor += 1 }
            return nil
        }
        let login = user.text("login", file: file, diagnostics: &run.diagnostics)
        let userID = user.text("id", file: file, diagnostics: &run.diagnostics)
        let type = user.text("type", file: file, diagnostics: &run.diagnostics)
        guard login != nil || userID != nil else {
            run.diagnostics.error("the author ('user') has no 'login' or 'id'; a pull request needs one to be joined to "
                                      + "a team", at: user.location(in: file))
            return nil
        }
        if type == "Bot" || login?.lowercased().hasSuffix("[bot]") == true {
            leftOut.byBots += 1
            return nil
        }
        guard let merged, let created else { return nil }
        let seconds = created.seconds(to: merged)
        guard seconds >= 0 else {
            run.diagnostics.error("'merged_at' is before 'created_at'; a pull request is merged after it is opened",
                                  at: record.field("merged_at")!.location(in: file))
            return nil
        }
        let person = run.people.number(for: userID.map { "id:\(TeamMapping.foldKey($0))" }
                                        ?? "login:\(TeamMapping.foldKey(login!))")
        return Merge(person: person, login: login, userID: userID, location: record.location(in: file), merged: merged,
                     leadHours: seconds / 3600, aiAssisted: aiAssisted, isRevert: title.hasPrefix(revertPrefix))
    }

    /// Puts each merge in its author's team-quarter, then gives each team-quarter its
    /// headcount and per-engineer rate.
    private static func add(_ merges: [Merge], mapping: TeamMapping, headcounts: [String: Int]?,
                            into run: inout ImportRun) {
        var teams: [Int: String?] = [:]
        var counts: [QuarterlyRollUp.TeamQuarter: Int] = [:]
        var authors: [QuarterlyRollUp.TeamQuarter: Set<Int>] = [:]
        for merge in merges {
            let person = merge.person
            if teams[person] == nil {
                // Typed, or `??` would take the outer optional of the dictionary's value type,
                // and a `user_id,team` mapping would never be tried.
                let team: String? = merge.login.flatMap(mapping.team(for:)) ?? merge.userID.flatMap(mapping.team(for:))
                teams[person] = .some(team)
            }
            guard let team = teams[person] ?? nil else {
                run.unmapped.insert(person)
                continue
            }
            run.mapped.insert(person)
            let cell = QuarterlyRollUp.TeamQuarter(team: team, period: merge.merged.period)
            run.placements.place(person, in: cell, at: merge.location)
            run.rollUp.sample(leadTime, merge.leadHours, weight: 1, person: person, in: cell)
            run.rollUp.add(aiAssistedShare, merge.aiAssisted ? 1 : 0, over: 1, in: cell, person: person)
            run.rollUp.add(revertShare, merge.isRevert ? 1 : 0, over: 1, in: cell, person: person)
            counts[cell, default: 0] += 1
            authors[cell, default: []].insert(person)
        }

        var withoutHeadcount: Set<String> = []
        var overHeadcount = 0
        for (cell, count) in counts {
            guard let headcount = headcounts?[cell.team], headcount > 0 else {
                withoutHeadcount.insert(cell.team)
                continue
            }
            // Every engineer is in the denominator, so the rate stands for the whole team.
            run.rollUp.reportSize(headcount, of: cell)
            run.rollUp.add(mergedPerEngineerWeek, Double(count),
                           over: Double(headcount) * CalendarDay.weeks(in: cell.period), in: cell)
            if authors[cell, default: []].count > headcount { overHeadcount += 1 }
        }
        let location = SourceLocation(file: mapping.file)
        if !withoutHeadcount.isEmpty {
            let count = withoutHeadcount.count
            run.diagnostics.warning(
                "\(count) team\(count == 1 ? " has" : "s have") no headcount to divide by, so "
                    + "\(mergedPerEngineerWeek) is left out for \(count == 1 ? "it" : "them"): pass --content with "
                    + "the folder whose teams.yaml gives each team's headcount", at: location)
        }
        if overHeadcount > 0 {
            run.diagnostics.warning(
                "in \(overHeadcount) team-quarter\(overHeadcount == 1 ? "" : "s") more people merged pull requests "
                    + "than teams.yaml's headcount; \(mergedPerEngineerWeek) divides by the headcount: check it",
                at: location)
        }
    }
}
