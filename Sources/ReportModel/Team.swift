/// A node of the organization tree, as declared in `teams.yaml`.
///
/// A node with children is a *group*; a node without is a *team*. Only teams
/// carry a headcount; a group's headcount is the sum of its teams'.
public struct Team: Hashable, Sendable, Identifiable {
    public let id: TeamID
    public let name: String
    /// The parent group's id, or nil when the node hangs off the organization.
    public let parent: TeamID?
    /// The declared headcount. Required for teams, ignored for groups.
    public let headcount: Int?
    public let location: SourceLocation

    public init(id: TeamID, name: String, parent: TeamID? = nil, headcount: Int? = nil,
                location: SourceLocation = SourceLocation(file: "teams.yaml")) {
        self.id = id
        self.name = name
        self.parent = parent
        self.headcount = headcount
        self.location = location
    }
}
