import Testing
@testable import ContentLoading

@Suite("Front matter")
struct FrontMatterTests {
    @Test("front matter and body are split at the fences, with the body's first line")
    func split() {
        let parts = FrontMatter(splitting: "---\ntitle: A\nauthor: B\n---\n# Body\n\ntext\n")
        #expect(parts.yaml == "title: A\nauthor: B")
        #expect(parts.body == "# Body\n\ntext\n")
        #expect(parts.bodyLine == 5)
        #expect(!parts.unclosed)
    }

    @Test("odd but valid fences: empty front matter, '...', spaces, no final line feed")
    func oddFences() {
        let empty = FrontMatter(splitting: "---\n---\nbody")
        #expect(empty.yaml == "" && empty.body == "body" && empty.bodyLine == 3)
        let dots = FrontMatter(splitting: "--- \ntitle: A\n...\n")
        #expect(dots.yaml == "title: A" && dots.body == "" && dots.bodyLine == 4)
        let atEnd = FrontMatter(splitting: "---\ntitle: A\n---")
        #expect(atEnd.yaml == "title: A" && atEnd.body == "" && !atEnd.unclosed)
    }

    @Test("no front matter leaves the text whole; an unclosed one is reported")
    func absentAndUnclosed() {
        let none = FrontMatter(splitting: "# Title\n---\n")
        #expect(none.yaml == nil && none.body == "# Title\n---\n" && none.bodyLine == 1)
        let unclosed = FrontMatter(splitting: "---\ntitle: A\n\nbody\n")
        #expect(unclosed.unclosed && unclosed.yaml == nil)
        let multibyte = FrontMatter(splitting: "---\ntitle: Équipe 🚀\n---\nCorps é\n")
        #expect(multibyte.yaml == "title: Équipe 🚀" && multibyte.body == "Corps é\n")
    }
}
