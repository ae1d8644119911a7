/// The Markdown prose written for the organization or one team, for one quarter.
///
/// Its fields live in one shared reference: a report holds thousands of narratives and
/// copies them whole (the visible ones, each check's worker, a watched build's edit), and
/// one retain per copy is cheaper than one per field. It is a value all the same: nothing
/// in it changes after it is made.
public struct Narrative: Hashable, Sendable {
    /// What a narrative says, as the front matter and body gave it.
    private struct Fields: Hashable, Sendable {
        var scope: Scope
        var period: Period
        var title: String?
        var summary: String?
        var author: String?
        var date: String?
        var highlights: [MetricID]
        var highlightsLocation: SourceLocation?
        var deck: DeckSections
        var titleText: InlineText?
        var summaryText: InlineText?
        var body: NarrativeBody
        var location: SourceLocation
    }

    private final class Storage: Sendable {
        let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private let storage: Storage

    public var scope: Scope { storage.fields.scope }
    public var period: Period { storage.fields.period }
    public var title: String? { storage.fields.title }
    var summary: String? { storage.fields.summary }
    public var author: String? { storage.fields.author }
    public var date: String? { storage.fields.date }
    /// Metric ids to lead the page with.
    public var highlights: [MetricID] { storage.fields.highlights }
    /// Where `highlights` is written in the front matter, for findings about it.
    public var highlightsLocation: SourceLocation? { storage.fields.highlightsLocation }
    /// Which sections a slide deck shows, keeps as speaker notes, or leaves out.
    public var deck: DeckSections { storage.fields.deck }
    /// The title and summary with their live values read, for pages to fill in.
    public var titleText: InlineText? { storage.fields.titleText }
    public var summaryText: InlineText? { storage.fields.summaryText }
    /// The Markdown after the front matter, with its blocks and live values read.
    public var body: NarrativeBody { storage.fields.body }
    public var location: SourceLocation { storage.fields.location }

    /// The line in the file where the body starts, so later diagnostics point at the file.
    public var bodyLine: Int { body.firstLine }

    public init(scope: Scope, period: Period, title: String? = nil, summary: String? = nil,
                author: String? = nil, date: String? = nil, highlights: [MetricID] = [],
                highlightsLocation: SourceLocation? = nil, deck: DeckSections = DeckSections(),
                titleText: InlineText? = nil, summaryText: InlineText? = nil, body: NarrativeBody, location: SourceLocation) {
        storage = Storage(Fields(scope: scope, period: period, title: title, summary: summary, author: author, date: date,
                                 highlights: highlights, highlightsLocation: highlightsLocation, deck: deck,
                                 titleText: titleText, summaryText: summaryText, body: body, location: location))
    }

    public static func == (left: Narrative, right: Narrative) -> Bool {
        left.storage === right.storage || left.storage.fields == right.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }
}
