import Formatting
import Testing
@testable import Charts

@Suite("Escaping markup")
struct MarkupTextTests {
    /// The quick check that lets a text through unescaped must miss no byte: every ASCII
    /// character, alone and between letters, against the rule written out.
    @Test("every ASCII character is escaped, replaced or kept as the rule says")
    func everyASCIICharacter() {
        let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        for code in UInt8(0)...127 {
            let scalar = Unicode.Scalar(code), character = Character(scalar)
            let expected = entities[character] ?? (SafeText.isUnsafe(scalar) ? "\u{FFFD}" : String(character))
            #expect(MarkupText.escaped(String(character)) == expected, "byte \(code)")
            #expect(MarkupText.escaped("a\(character)b") == "a\(expected)b", "byte \(code)")
            var bytes: [UInt8] = []
            MarkupText.escape("a\(character)b", into: &bytes)
            #expect(bytes == Array("a\(expected)b".utf8), "byte \(code)")
        }
    }
}
