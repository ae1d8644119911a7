/// The site-wide settings from `site.yaml`.
package struct SiteSettings: Hashable, Sendable {
    /// The smallest group whose values may be shown. Below 3 is refused.
    package static let defaultMinGroupSize = 5
    package static let lowestMinGroupSize = 3
    /// The largest headcount or `n` accepted: sums over any tree stay far from overflow.
    package static let largestCount = 10_000_000
    /// The years a quarter may fall in; beyond them a year is a typo, and the dense
    /// value store would grow with the span.
    package static let years = 1900...2199

    package var title: String
    package var organization: String
    package var description: String?
    package var minGroupSize: Int
    /// Whether narratives may contain raw HTML. Off by default: cmark drops it.
    package var allowRawHTML: Bool = false
    /// The theme to build with: a name under `Themes/` or a folder path.
    package var theme: String?
    /// The page language, for `<html lang>`.
    package var language: String = "en"
    /// Lint rules the site switches off, by id, each with the reason the methodology
    /// page shows: a rule is never silenced without saying why.
    package var lintsOff: [String: String] = [:]
    /// The judgment view's scorecard, if the site sets one.
    package var fluency: FluencyScorecard?
    /// Where `fluency:` is written, for findings about the metrics it names.
    package var fluencyLocations: [MetricID: SourceLocation] = [:]

    package init(title: String = "AI impact report", organization: String = "Organization",
                description: String? = nil, minGroupSize: Int = SiteSettings.defaultMinGroupSize) {
        self.title = title
        self.organization = organization
        self.description = description
        self.minGroupSize = minGroupSize
    }
}
