import ContentLoading

extension ContentSource {
    /// A whole content folder written as one string of `-- path --` sections, as Hugo's
    /// tests do. Handy for tests and for reproducing a problem in a bug report:
    ///
    ///     -- site.yaml --
    ///     title: Example
    ///     -- teams.yaml --
    ///     teams: []
    public static func fixture(_ text: String) -> ContentSource {
        var files: [String: String] = [:]
        var current: String?
        var lines: [Substring] = []
        func flush() {
            if let current { files[current] = lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n") }
            lines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                flush()
                current = String(line.dropFirst(3).dropLast(3))
            } else if current != nil {
                lines.append(line)
            }
        }
        flush()
        // A trailing empty line before the next header belongs to the layout, not the file.
        return .memory(text: files.mapValues { $0.hasSuffix("\n\n") ? String($0.dropLast()) : $0 })
    }
}
