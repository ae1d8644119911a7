/// The id of a team or group declared in `teams.yaml`, such as `checkout-web`.
///
/// Not a bare `String`: raw text cannot reach a lookup without passing the loader, which
/// turns text into a `TeamID` only after checking it against the organization, and it
/// becomes text again only where it is written (pages, file names, messages).
public struct TeamID: CatalogID {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }
}
