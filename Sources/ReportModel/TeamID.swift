/// The id of a team or group declared in `teams.yaml`, such as `checkout-web`.
///
/// A type of its own, not a bare `String`, so that a team id and a metric id cannot be
/// swapped, and raw text cannot reach a lookup without passing the loader, which turns
/// text into a `TeamID` only after checking it against the organization. It becomes
/// text again only where it is written (pages, file names, messages), through
/// `description`, which is the id exactly as declared. It hashes and compares like the
/// string it wraps.
package struct TeamID: Hashable, Comparable, Sendable, CustomStringConvertible,
                       ExpressibleByStringLiteral {
    /// The id as written in the content.
    package let rawValue: String

    package init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    package init(stringLiteral value: String) {
        self.rawValue = value
    }

    package var description: String { rawValue }

    package static func < (lhs: TeamID, rhs: TeamID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
