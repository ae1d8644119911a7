/// Text that is not Markdown but may hold live values (a title, a summary, a block's
/// caption, a section heading), split and checked at load.
public struct InlineText: Hashable, Sendable {
    public enum Part: Hashable, Sendable {
        case text(String)
        case value(LiveValue)
        /// A `{{ … }}` with an error, reported at load; it shows as `?`.
        case invalid
    }

    public var parts: [Part]

    public init(_ parts: [Part]) {
        self.parts = parts
    }
}
