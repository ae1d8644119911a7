/// What a value or a narrative is about: the whole organization, or one group or team.
package enum Scope: Hashable, Comparable, Sendable, CustomStringConvertible {
    case organization
    case team(TeamID)

    /// The id that stands for the organization in data files (`team` column) and
    /// cannot be used as a team id.
    package static let organizationID = "org"

    package var teamID: TeamID? {
        if case .team(let id) = self { return id }
        return nil
    }

    package var description: String {
        switch self {
        case .organization: Scope.organizationID
        case .team(let id): id.rawValue
        }
    }
}
