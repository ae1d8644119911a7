import Testing
import Formatting

@Suite("Quoted input cut to a readable length")
struct ExcerptTests {
    @Test("up to 80 characters are kept; longer text keeps 79 and an ellipsis")
    func cut() {
        let eighty = String(repeating: "é", count: 80)
        #expect(Excerpt.of(eighty) == eighty)
        #expect(Excerpt.of(eighty + "x") == String(repeating: "é", count: 79) + "…")
        #expect(Excerpt.of("") == "")
        #expect(Excerpt.of(String(repeating: "x", count: 5_000_000)).count == 80)
    }

    @Test("a cut word holding an @ is left out whole, so no half e-mail address escapes redaction")
    func cutAddress() {
        let padding = String(repeating: "a", count: 70)
        #expect(Excerpt.of(padding + " jane.doe@example.com") == padding + " …")
        #expect(Excerpt.of("jane.doe@example.com" + padding) == "…")
        #expect(Excerpt.of(padding + " plainwordthatgoeson") == padding + " plainwor…")
    }
}
