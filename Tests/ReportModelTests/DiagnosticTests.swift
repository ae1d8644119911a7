import ReportModel
import Testing

@Suite("Diagnostics print as one safe line")
struct DiagnosticTests {
    @Test("bidirectional overrides, isolates and C1 controls in a message become U+FFFD")
    func bidiInMessage() {
        let diagnostic = Diagnostic.error("unknown team 'ab\u{202E}cd\u{2066}ef\u{2069}\u{9B}31m'", at: SourceLocation(file: "teams.yaml"))
        #expect(diagnostic.message == "unknown team 'ab\u{FFFD}cd\u{FFFD}ef\u{FFFD}\u{FFFD}31m'")
    }

    @Test("a file name with a line break or a bidirectional override prints on one safe line")
    func hostileFileName() {
        let diagnostic = Diagnostic.error("bad", at: SourceLocation(file: "data/a\u{202E}b\nc.csv", line: 2, column: 3))
        #expect(diagnostic.description == "data/a\u{FFFD}b\\nc.csv:2:3: error: bad")
    }
}
