/// What a value or a narrative is about: the whole organization, or one group or team.
public enum Scope: Hashable, Comparable, Sendable, CustomStringConvertible {
    case organization
    case team(TeamID)

    /// The id that stands for the organization in data files (`team` column) and
    /// cannot be used as a team id.
    public static let organizationID = "org"

    public var teamID: TeamID? {
        if case .team(let id) = self { return id }
        return nil
    }

    public var description: String {
        switch self {
        case .organization: Scope.organizationID
        case .team(let id): id.rawValue
        }
    }
}
