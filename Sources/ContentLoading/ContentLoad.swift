import ReportModel

/// What loading a content folder gives: the content that could be read, and every
/// problem found on the way, sorted by file and line.
public struct ContentLoad: Sendable {
    public var content: ReportContent
    public var diagnostics: [Diagnostic]

    public init(content: ReportContent, diagnostics: [Diagnostic]) {
        self.content = content
        self.diagnostics = diagnostics
    }
}
