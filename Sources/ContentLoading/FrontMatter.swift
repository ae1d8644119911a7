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

    /// Reads only as far as the closing fence, in UTF-8 bytes: the body, usually nearly
    /// all of the file, is sliced off whole rather than split into lines and joined.
    init(splitting text: String) {
        let bytes = text.utf8
        /// The line starting at `start`, without its line feed, and where the next begins.
        func line(at start: String.Index) -> (line: Substring, next: String.Index?) {
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return (text[start...], nil) }
            return (text[start..<end], bytes.index(after: end))
        }
        func isFence(_ line: Substring) -> Bool {
            let trimmed = line.utf8.drop { $0 == 32 || $0 == 9 }.reversed().drop { $0 == 32 || $0 == 9 || $0 == 13 }
            return trimmed.elementsEqual("---".utf8.reversed())
        }
        let (first, afterFirst) = line(at: text.startIndex)
        guard isFence(first) else {
            self.init(yaml: nil, body: text, bodyLine: 1, unclosed: false)
            return
        }
        var next = afterFirst
        var lineNumber = 1
        while let start = next {
            let (current, following) = line(at: start)
            lineNumber += 1
            if isFence(current) || current == "..." {
                let yaml = text[afterFirst!..<(start == afterFirst! ? start : bytes.index(before: start))]
                let body = following.map { String(text[$0...]) } ?? ""
                self.init(yaml: String(yaml), body: body, bodyLine: lineNumber + 1, unclosed: false)
                return
            }
            next = following
        }
        self.init(yaml: nil, body: text, bodyLine: 1, unclosed: true)
    }

    private init(yaml: String?, body: String, bodyLine: Int, unclosed: Bool) {
        self.yaml = yaml
        self.body = body
        self.bodyLine = bodyLine
        self.unclosed = unclosed
    }
}
