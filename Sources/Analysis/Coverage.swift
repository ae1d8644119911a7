import ReportModel

/// How much of its scope a group's or the organization's value covers: the teams whose
/// values it combines, against all the teams in the scope, and their people.
///
/// `RollUp.coverage` counts every team, small ones too, and is not safe to publish.
/// `Report.coverage` counts listed teams only: every input is then a number the site
/// already publishes (which listed teams have a value, and their headcounts), so neither
/// the count nor the partial flag can tell a reader anything about a team too small to list.
public struct Coverage: Hashable, Sendable {
    /// The teams (never groups) whose values the roll-up combines; a member group given
    /// a value directly covers all its teams.
    public let contributing: Set<TeamID>
    /// The teams (never groups) in the scope.
    public let teams: Set<TeamID>
    /// The people in the contributing teams.
    let contributingHeadcount: Int
    /// The people in the scope's teams.
    let headcount: Int

    /// Whether every team in the scope contributes.
    public var isComplete: Bool { contributing == teams }

    /// Whether the contributors hold fewer than half the scope's people: exactly half is
    /// not partial.
    public var isPartial: Bool { contributingHeadcount * 2 < headcount }

    /// The same coverage counted over the teams `keep` accepts only.
    func restricted(to keep: (TeamID) -> Bool, headcount people: (TeamID) -> Int) -> Coverage {
        let contributing = contributing.filter(keep), teams = teams.filter(keep)
        return Coverage(contributing: contributing, teams: teams,
                        contributingHeadcount: contributing.reduce(0) { $0 + people($1) },
                        headcount: teams.reduce(0) { $0 + people($1) })
    }
}

extension RollUp {
    /// The coverage of a group's or the organization's value, counting every team; nil
    /// for a team's own value or no value.
    func coverage(of scope: Scope, metric: MetricID, period: Period, in organization: Organization) -> Coverage? {
        coverages(in: organization)[ValueKey(scope, metric, period)]
    }

    /// The coverage of every group's and the organization's value, by cell: computed once
    /// per report, since each KPI card asks for four of them and counting teams through
    /// the tree on every call took a tenth of a build.
    func coverages(in organization: Organization) -> [ValueKey: Coverage] {
        var teamsOf: [Scope: Set<TeamID>] = [:]
        func teams(_ scope: Scope) -> Set<TeamID> {
            if let known = teamsOf[scope] { return known }
            let found = Self.teams(in: scope, of: organization)
            teamsOf[scope] = found
            return found
        }
        let people = { (id: TeamID) in organization.headcount(of: .team(id)) }
        var result: [ValueKey: Coverage] = [:]
        let groups: [Scope] = [.organization] + organization.groups.map { .team($0.id) }
        for scope in groups {
            for metric in metrics {
                for period in periods {
                    guard let cell = cell(scope, metric.id, period) else { continue }
                    let all = teams(scope)
                    var contributing: Set<TeamID> = switch cell.source {
                    case .given, .measured: all
                    case .rolledUp:
                        contributors(of: scope, metric: metric.id, period: period, in: organization)
                            .reduce(into: []) { $0.formUnion(teams($1.scope)) }
                    }
                    // Most values cover their whole scope: share its set rather than keep a copy.
                    if contributing.count == all.count { contributing = all }
                    result[ValueKey(scope, metric.id, period)] = Coverage(
                        contributing: contributing, teams: all,
                        contributingHeadcount: contributing.reduce(0) { $0 + people($1) },
                        headcount: all.reduce(0) { $0 + people($1) })
                }
            }
        }
        return result
    }

    /// The teams (never groups) a scope is, or holds at any depth.
    static func teams(in scope: Scope, of organization: Organization) -> Set<TeamID> {
        if let id = scope.teamID, !organization.isGroup(id) { return [id] }
        return organization.children(of: scope).reduce(into: []) { $0.formUnion(teams(in: .team($1.id), of: organization)) }
    }
}
