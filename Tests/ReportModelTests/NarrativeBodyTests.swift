import Testing
@testable import ReportModel

/// A narrative keeps its prose runs as ranges into its own Markdown where it can, and
/// copies only the rest; whatever it keeps, the runs must come back as they were given.
@Suite("Narrative prose")
struct NarrativeBodyTests {
    @Test("runs come back as given: verbatim, repeated, out of order, resolved from an entity, empty and multibyte")
    func roundTrip() {
        let markdown = """
            # Delivery

            Cycle time fell to **4.2 days** at AT&amp;T's request, and 4.2 days is the median.

            Café – 5% *of* teams said \\*so\\*.
            """
        let runs = [
            NarrativeBody.ProseRun(text: "Delivery", line: 1),
            NarrativeBody.ProseRun(text: "Cycle time fell to ", line: 3),
            NarrativeBody.ProseRun(text: "4.2 days", line: 3),
            NarrativeBody.ProseRun(text: " at AT&T's request, and 4.2 days is the median.", line: 3),  // not in the Markdown as such
            NarrativeBody.ProseRun(text: "4.2 days", line: 3),  // again, and behind the cursor
            NarrativeBody.ProseRun(text: "", line: 4),
            NarrativeBody.ProseRun(text: "Café – 5% ", line: 5),
            NarrativeBody.ProseRun(text: "of", line: 5),
            NarrativeBody.ProseRun(text: " teams said *so*.", line: 5),  // the escapes resolved
            NarrativeBody.ProseRun(text: "Delivery", line: 1),  // back at the start
        ]
        let body = NarrativeBody(markdown: markdown, prose: runs)
        #expect(body.prose == runs)
    }

    @Test("a body without prose has none, and text in the Markdown alone is not prose")
    func empty() {
        #expect(NarrativeBody(markdown: "Some text.").prose.isEmpty)
        #expect(NarrativeBody(markdown: "", prose: [.init(text: "elsewhere", line: 1)]).prose == [.init(text: "elsewhere", line: 1)])
    }
}
