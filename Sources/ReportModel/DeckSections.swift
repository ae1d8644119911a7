/// How a narrative's `##` sections go into a slide deck, from its front matter's `deck:`
/// key. By default each section is a slide; these name the ones that are not.
///
/// ```yaml
/// deck:
///   notes: [What this report cannot tell you]   # the speaker notes of the slide before
///   omit: [Appendix]                            # not in the deck at all
/// ```
public struct DeckSections: Hashable, Sendable {
    /// Headings of sections that become the speaker notes of the slide before them.
    public var notes: [String]
    /// Headings of sections the deck leaves out.
    public var omitted: [String]
    /// Where `deck:` is written, for a heading that names no section.
    public var location: SourceLocation?

    public init(notes: [String] = [], omitted: [String] = [], location: SourceLocation? = nil) {
        self.notes = notes
        self.omitted = omitted
        self.location = location
    }

    /// What a section with this heading is in the deck. Headings match whatever their case.
    public func role(of heading: String) -> Role {
        func matches(_ names: [String]) -> Bool { names.contains { $0.lowercased() == heading.lowercased() } }
        if matches(omitted) { return .omitted }
        if matches(notes) { return .notes }
        return .slide
    }

    public enum Role: Sendable {
        case slide, notes, omitted
    }
}
