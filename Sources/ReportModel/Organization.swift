/// The organization tree: the organization at the root, groups inside, teams at the leaves.
///
/// Built from teams that have already been validated (unique ids, known parents, no
/// cycles); the loader drops the nodes that break those rules before it gets here.
public struct Organization: Sendable {
    let name: String
    /// Every group and team, in depth-first order with siblings in declaration order.
    public let teams: [Team]

    private let index: [TeamID: Int]
    private let childIDs: [TeamID: [TeamID]]
    private let rootIDs: [TeamID]
    private let headcounts: [TeamID: Int]
    /// The privacy threshold the report is published under (`min_group_size`): a team or
    /// group with fewer people is never shown, nor offered as a "did you mean" hint.
    public let minimumGroupSize: Int

    public init(name: String, teams declared: [Team], minimumGroupSize: Int) {
        self.name = name
        self.minimumGroupSize = minimumGroupSize
        var children: [TeamID: [TeamID]] = [:]
        var roots: [TeamID] = []
        let byID = Dictionary(declared.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for team in declared {
            if let parent = team.parent, byID[parent] != nil {
                children[parent, default: []].append(team.id)
            } else {
                roots.append(team.id)
            }
        }
        // Depth-first order, so a group is followed by its members on every page.
        var ordered: [Team] = []
        var headcounts: [TeamID: Int] = [:]
        var visiting: Set<TeamID> = []
        func visit(_ id: TeamID) -> Int {
            guard let team = byID[id], visiting.insert(id).inserted else { return 0 }
            ordered.append(team)
            let kids = children[id] ?? []
            let count = kids.isEmpty ? (team.headcount ?? 0) : kids.reduce(0) { $0 + visit($1) }
            headcounts[id] = count
            return count
        }
        for root in roots { _ = visit(root) }
        self.teams = ordered
        self.index = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1.id, $0) })
        self.childIDs = children
        self.rootIDs = roots
        self.headcounts = headcounts
    }

    public func team(_ id: TeamID) -> Team? {
        index[id].map { teams[$0] }
    }

    public func contains(_ id: TeamID) -> Bool { index[id] != nil }

    /// The direct members of a scope: the top-level nodes for the organization.
    public func children(of scope: Scope) -> [Team] {
        let ids = switch scope {
        case .organization: rootIDs
        case .team(let id): childIDs[id] ?? []
        }
        return ids.compactMap(team)
    }

    /// Whether a node has members of its own.
    public func isGroup(_ id: TeamID) -> Bool { !(childIDs[id] ?? []).isEmpty }

    public var groups: [Team] { teams.filter { isGroup($0.id) } }
    /// The leaves: nodes without members.
    public var leafTeams: [Team] { teams.filter { !isGroup($0.id) } }

    /// A team's declared headcount, or the sum over a group's teams.
    public func headcount(of scope: Scope) -> Int {
        switch scope {
        case .organization: rootIDs.reduce(0) { $0 + (headcounts[$1] ?? 0) }
        case .team(let id): headcounts[id] ?? 0
        }
    }

    /// Whether a team or group has fewer people than the minimum group size, so that it
    /// may not appear in the output at all.
    public func isTooSmallToShow(_ id: TeamID) -> Bool {
        headcount(of: .team(id)) < minimumGroupSize
    }

    /// The ids, as text, a "did you mean" hint may offer. A hint lands wherever its
    /// diagnostic does, CI logs and pull-request annotations among them, so it never names
    /// a team too small to show.
    public var suggestableIDs: [String] {
        teams.map(\.id).filter { !isTooSmallToShow($0) }.map(\.rawValue)
    }

    /// The scopes above a node, nearest first, ending with the organization.
    public func ancestors(of id: TeamID) -> [Scope] {
        var result: [Scope] = []
        var current = team(id)?.parent
        while let parent = current, let node = team(parent), result.count <= teams.count {
            result.append(.team(parent))
            current = node.parent
        }
        result.append(.organization)
        return result
    }

    /// The scope a node rolls up into.
    public func parent(of id: TeamID) -> Scope {
        team(id)?.parent.map(Scope.team) ?? .organization
    }
}
