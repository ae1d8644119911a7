/// A data block of a narrative's body (` ```chart `, ` ```table `, ` ```kpis `), read
/// once at load.
public struct NarrativeBlock: Hashable, Sendable {
    public enum State: Hashable, Sendable {
        /// Its YAML read without errors; the title and caption with their live values.
        case resolved(BlockSpec, title: InlineText?, caption: InlineText?)
        /// It has errors, reported at load; the page says so in its place.
        case invalid
    }

    public var kind: BlockSpec.Kind
    /// The line of the opening fence, counted in the body.
    public var line: Int
    public var state: State

    public init(kind: BlockSpec.Kind, line: Int, state: State) {
        self.kind = kind
        self.line = line
        self.state = state
    }

    /// The spec when the block has no errors.
    public var spec: BlockSpec? {
        if case .resolved(let spec, _, _) = state { return spec }
        return nil
    }
}
