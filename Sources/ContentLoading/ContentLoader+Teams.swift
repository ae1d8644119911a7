import Formatting
import ReportModel

extension ContentLoader {
    static let teamKeys = ["id", "name", "parent", "headcount"]

    /// `teams.yaml`: the organization tree. Returns the teams that can be used: a
    /// duplicate is dropped, and an unknown parent or a cycle is reported and cut so
    /// that the rest of the content can still be checked. Nil when the file cannot be read.
    /// - Parameter minimumGroupSize: `site.yaml`'s, so that no hint offers a team too small to show.
    func loadTeams(_ text: String?, minimumGroupSize: Int, diagnostics: inout DiagnosticLog) -> [Team]? {
        guard var catalog = CatalogFile("teams", in: text, file: "teams.yaml", kind: "team", keys: Self.teamKeys,
                                        diagnostics: &diagnostics) else { return nil }
        var teams: [Team] = []
        for entry in catalog.entries {
            let id = entry.slug("id", required: "a team", diagnostics: &diagnostics)
            let name = entry.string("name", required: "team '\(id ?? "?")'", diagnostics: &diagnostics)
            let parent = entry.slug("parent", diagnostics: &diagnostics)
            let headcount = entry.integer("headcount", in: 1...SiteSettings.largestCount, diagnostics: &diagnostics)
            guard let id, let name else { continue }
            if id == Scope.organizationID {
                diagnostics.report(.error(
                    "'\(id)' is reserved for the whole organization; choose another team id",
                    at: entry.location(of: entry.node("id")!)))
                continue
            }
            guard catalog.declare(id, in: entry, diagnostics: &diagnostics) else { continue }
            // An unknown parent is reported and cut next (`resolvingParents`).
            teams.append(Team(id: TeamID(id), name: name, parent: parent.map { TeamID($0) }, headcount: headcount,
                              location: entry.location))
        }

        teams = Self.resolvingParents(teams, minimumGroupSize: minimumGroupSize, diagnostics: &diagnostics)
        Self.checkHeadcounts(teams, diagnostics: &diagnostics)
        return teams
    }

    /// Unknown parents and cycles become errors; the offending link is cut.
    private static func resolvingParents(_ declared: [Team], minimumGroupSize: Int, diagnostics: inout DiagnosticLog) -> [Team] {
        let known = Set(declared.map(\.id))
        lazy var tree = Organization(name: "", teams: declared, minimumGroupSize: minimumGroupSize)
        var teams = declared.map { team -> Team in
            guard let parent = team.parent, !known.contains(parent) else { return team }
            // A parent is offered only if, with this team in it, it would be large enough to show.
            let people = tree.headcount(of: .team(team.id))
            let candidates = tree.teams.map(\.id).filter { tree.headcount(of: .team($0)) + people >= minimumGroupSize }.map(\.rawValue)
            diagnostics.report(.error(
                "team '\(Excerpt.of(team.id.rawValue))' names unknown parent '\(Excerpt.of(parent.rawValue))'"
                    + Suggestion.hint(for: parent.rawValue, in: candidates),
                at: team.location))
            return Team(id: team.id, name: team.name, parent: nil, headcount: team.headcount, location: team.location)
        }
        // One walk up from each team, marking teams as on the current walk or done, so
        // the check is linear even for long chains of nested groups.
        let position = Dictionary(uniqueKeysWithValues: teams.enumerated().map { ($1.id, $0) })
        var state = Array(repeating: 0, count: teams.count) // 0 new, 1 on this walk, 2 done
        for start in teams.indices where state[start] == 0 {
            var walk: [Int] = []
            var current: Int? = start
            while let index = current, state[index] == 0 {
                state[index] = 1
                walk.append(index)
                current = teams[index].parent.flatMap { position[$0] }
            }
            if let index = current, state[index] == 1, let loopStart = walk.firstIndex(of: index) {
                let loop = walk[loopStart...]
                // Reported once, at the member declared first; its link upward is cut.
                let first = loop.min()!
                let order = loop[loop.firstIndex(of: first)!...] + loop[..<loop.firstIndex(of: first)!]
                let names = order.map { teams[$0].id.rawValue } + [teams[first].id.rawValue]
                diagnostics.report(.error(
                    "the team tree has a cycle: \(names.joined(separator: " → ")); a team cannot be its own ancestor",
                    at: teams[first].location))
                let team = teams[first]
                teams[first] = Team(id: team.id, name: team.name, parent: nil, headcount: team.headcount, location: team.location)
            }
            for index in walk { state[index] = 2 }
        }
        return teams
    }

    /// Teams need a headcount; on a group it is ignored, since it is the sum of its teams.
    private static func checkHeadcounts(_ teams: [Team], diagnostics: inout DiagnosticLog) {
        let parents = Set(teams.compactMap(\.parent))
        for team in teams {
            let isGroup = parents.contains(team.id)
            if !isGroup, team.headcount == nil {
                diagnostics.report(.error(
                    "team '\(team.id)' is missing required field 'headcount' (teams without members need one)",
                    at: team.location))
            } else if isGroup, team.headcount != nil {
                diagnostics.report(.warning(
                    "headcount on group '\(team.id)' is ignored; a group's headcount is the sum of its teams'",
                    at: team.location))
            }
        }
    }
}
