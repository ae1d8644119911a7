extension String {
    /// The text on one line: libpq's messages end in a newline and continue on indented
    /// lines (`…failed: Connection refused\n\tIs the server running…`), and a diagnostic is
    /// one line. The lines are trimmed and joined with `; `.
    var oneLine: String {
        split(whereSeparator: \.isNewline)
            .map { $0.trimmingPrefix(while: \.isWhitespace) }
            .map { line in String(line[..<(line.lastIndex { !$0.isWhitespace }.map(line.index(after:)) ?? line.startIndex)]) }
            .filter { !$0.isEmpty }
            .joined(separator: "; ")
    }
}
