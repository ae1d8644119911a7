/// The Markdown prose written for the organization or one team, for one quarter.
public struct Narrative: Hashable, Sendable {
    public let scope: Scope
    public let period: Period
    public let title: String?
    public let summary: String?
    public let author: String?
    public let date: String?
    /// Metric ids to lead the page with.
    public let highlights: [String]
    /// Where `highlights` is written in the front matter, for findings about it.
    public let highlightsLocation: SourceLocation?
    /// Which sections a slide deck shows, keeps as speaker notes, or leaves out.
    public let deck: DeckSections
    /// The Markdown after the front matter.
    public let body: String
    /// The line in the file where `body` starts, so later diagnostics point at the file.
    public let bodyLine: Int
    public let location: SourceLocation

    public init(scope: Scope, period: Period, title: String? = nil, summary: String? = nil,
                author: String? = nil, date: String? = nil, highlights: [String] = [],
                highlightsLocation: SourceLocation? = nil, deck: DeckSections = DeckSections(), body: String, bodyLine: Int = 1, location: SourceLocation) {
        self.scope = scope
        self.period = period
        self.title = title
        self.summary = summary
        self.author = author
        self.date = date
        self.highlights = highlights
        self.highlightsLocation = highlightsLocation
        self.deck = deck
        self.body = body
        self.bodyLine = bodyLine
        self.location = location
    }
}
