/// The Markdown prose written for the organization or one team, for one quarter.
package struct Narrative: Hashable, Sendable {
    package let scope: Scope
    package let period: Period
    package let title: String?
    package let summary: String?
    package let author: String?
    package let date: String?
    /// Metric ids to lead the page with.
    package let highlights: [MetricID]
    /// Where `highlights` is written in the front matter, for findings about it.
    package let highlightsLocation: SourceLocation?
    /// Which sections a slide deck shows, keeps as speaker notes, or leaves out.
    package let deck: DeckSections
    /// The title and summary with their live values read, for pages to fill in.
    package let titleText: InlineText?
    package let summaryText: InlineText?
    /// The Markdown after the front matter, with its blocks and live values read.
    package let body: NarrativeBody
    package let location: SourceLocation

    /// The line in the file where the body starts, so later diagnostics point at the file.
    package var bodyLine: Int { body.firstLine }

    package init(scope: Scope, period: Period, title: String? = nil, summary: String? = nil,
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
