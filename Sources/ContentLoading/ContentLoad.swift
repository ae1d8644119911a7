import ReportModel

/// What loading a content folder gives: the content that could be read, and every
/// problem found on the way, sorted by file and line.
package struct ContentLoad: Sendable {
    package var content: ReportContent
    package var diagnostics: [Diagnostic]
    /// Catalog files (`teams.yaml`, `metrics.yaml`) that could not be read at all. Ids
    /// that refer to them are not checked, since every reference would be reported.
    package var unreadable: Set<String>

    package init(content: ReportContent, diagnostics: [Diagnostic], unreadable: Set<String> = []) {
        self.content = content
        self.diagnostics = diagnostics
        self.unreadable = unreadable
    }
}
