/// The site-wide settings from `site.yaml`.
public struct SiteSettings: Hashable, Sendable {
    /// The smallest group whose values may be shown. Below 3 is refused.
    public static let defaultMinGroupSize = 5
    public static let lowestMinGroupSize = 3

    public var title: String
    public var organization: String
    public var description: String?
    public var minGroupSize: Int

    public init(title: String = "AI impact report", organization: String = "Organization",
                description: String? = nil, minGroupSize: Int = SiteSettings.defaultMinGroupSize) {
        self.title = title
        self.organization = organization
        self.description = description
        self.minGroupSize = minGroupSize
    }
}
