import ReportModel

/// What loading a content folder gives: the content that could be read, and every
/// problem found on the way, sorted by file and line.
public struct ContentLoad: Sendable {
    public var content: ReportContent
    public var diagnostics: [Diagnostic]
    /// Catalog files (`teams.yaml`, `metrics.yaml`) that could not be read at all. Ids
    /// that refer to them are not checked, since every reference would be reported.
    public var unreadable: Set<String>

    public init(content: ReportContent, diagnostics: [Diagnostic], unreadable: Set<String> = []) {
        self.content = content
        self.diagnostics = diagnostics
        self.unreadable = unreadable
    }
}
