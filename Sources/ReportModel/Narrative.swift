/// The Markdown prose written for the organization or one team, for one quarter.
public struct Narrative: Hashable, Sendable {
    public let scope: Scope
    public let period: Period
    public let title: String?
    let summary: String?
    public let author: String?
    public let date: String?
    /// Metric ids to lead the page with.
    public let highlights: [MetricID]
    /// Where `highlights` is written in the front matter, for findings about it.
    public let highlightsLocation: SourceLocation?
    /// Which sections a slide deck shows, keeps as speaker notes, or leaves out.
    public let deck: DeckSections
    /// The title and summary with their live values read, for pages to fill in.
    public let titleText: InlineText?
    public let summaryText: InlineText?
    /// The Markdown after the front matter, with its blocks and live values read.
    public let body: NarrativeBody
    public let location: SourceLocation

    /// The line in the file where the body starts, so later diagnostics point at the file.
    public var bodyLine: Int { body.firstLine }

    public init(scope: Scope, period: Period, title: String? = nil, summary: String? = nil,
                author: String? = nil, date: String? = nil, highlights: [MetricID] = [],
                highlightsLocation: SourceLocation? = nil, deck: DeckSections = DeckSections(),
                titleText: InlineText? = nil, summaryText: InlineText? = nil, body: NarrativeBody, location: SourceLocation) {
        self.scope = scope
        self.period = period
        self.title = title
        self.summary = summary
        self.author = author
        self.date = date
        self.highlights = highlights
        self.highlightsLocation = highlightsLocation
        self.deck = deck
        self.titleText = titleText
        self.summaryText = summaryText
        self.body = body
        self.location = location
    }
}
