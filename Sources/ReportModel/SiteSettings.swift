/// The site-wide settings from `site.yaml`.
public struct SiteSettings: Hashable, Sendable {
    /// The smallest group whose values may be shown. Below 3 is refused.
    public static let defaultMinGroupSize = 5
    public static let lowestMinGroupSize = 3
    /// The largest headcount or `n` accepted: sums over any tree stay far from overflow.
    public static let largestCount = 10_000_000
    /// The years a quarter may fall in; beyond them a year is a typo, and the dense
    /// value store would grow with the span.
    public static let years = 1900...2199

    public var title: String
    public var organization: String
    public var description: String?
    public var minGroupSize: Int
    /// How far, as a share of a hidden value, a reader must stay from it on each side:
    /// `privacy.protection`, 10% by default. At least one display unit either way.
    public var protection: Double = SiteSettings.defaultProtection
    public static let defaultProtection = 0.10
    /// Whether narratives may contain raw HTML. Off by default: cmark drops it.
    public var allowRawHTML: Bool = false
    /// The theme to build with: a name under `Themes/` or a folder path.
    public var theme: String?
    /// Where `theme:`'s value is written, for a theme that cannot be found.
    public var themeLocation: SourceLocation?
    /// The page language, for `<html lang>`.
    public var language: String = "en"
    /// A notice shown at the top of every page (`banner:`), such as "Example data" or
    /// "Draft": plain text, escaped like every other string of the content.
    public var banner: String?
    /// Lint rules the site switches off, by id, each with the reason the methodology
    /// page shows: a rule is never silenced without saying why.
    public var lintsOff: [String: String] = [:]
    /// The fewest teams a scatter needs before r is given (`min_teams_for_correlation`):
    /// with fewer, a pattern across teams is mostly chance, and pages say so instead.
    public var minTeamsForCorrelation: Int = SiteSettings.defaultMinTeamsForCorrelation
    public static let defaultMinTeamsForCorrelation = 8
    /// Fisher's interval for r needs more than three teams (its standard error is 1/√(n − 3)).
    public static let lowestMinTeamsForCorrelation = 4
    /// The judgment view's scorecard, if the site sets one.
    public var fluency: FluencyScorecard?
    /// Where `fluency:` is written, for findings about the metrics it names.
    public var fluencyLocations: [MetricID: SourceLocation] = [:]
    /// Where `discern refresh` runs the queries (`sources:`), if the site says.
    public var sources: QuerySources?

    public init(title: String = "AI impact report", organization: String = "Organization",
                description: String? = nil, minGroupSize: Int = SiteSettings.defaultMinGroupSize) {
        self.title = title
        self.organization = organization
        self.description = description
        self.minGroupSize = minGroupSize
    }
}
