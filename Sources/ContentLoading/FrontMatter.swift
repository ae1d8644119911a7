/// Splits a Markdown file into its YAML front matter (between `---` lines at the top)
/// and the body.
struct FrontMatter {
    /// The YAML text, or nil when the file has no front matter.
    var yaml: String?
    var body: String
    /// The line the body starts on.
    var bodyLine: Int
    /// Whether an opening `---` had no closing line.
    var unclosed: Bool

    init(splitting text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func isFence(_ line: Substring) -> Bool {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            return trimmed.trimmingCharacters(in: " \t") == "---"
        }
        guard let first = lines.first, isFence(first) else {
            self.init(yaml: nil, body: text, bodyLine: 1, unclosed: false)
            return
        }
        guard let close = lines.dropFirst().firstIndex(where: { isFence($0) || $0 == "..." }) else {
            self.init(yaml: nil, body: text, bodyLine: 1, unclosed: true)
            return
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        lines.removeFirst(close + 1)
        self.init(yaml: yaml, body: lines.joined(separator: "\n"), bodyLine: close + 2, unclosed: false)
    }

    private init(yaml: String?, body: String, bodyLine: Int, unclosed: Bool) {
        self.yaml = yaml
        self.body = body
        self.bodyLine = bodyLine
        self.unclosed = unclosed
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var result = self
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return result
    }
}
