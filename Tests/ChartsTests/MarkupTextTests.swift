import Foundation
import Formatting
import Testing
import TestSupport
@testable import Charts

@Suite("Markup text escaping")
struct MarkupTextTests {
    @Test("markup characters become entities, with the text between them kept in order")
    func entities() {
        #expect(MarkupText.escaped(#"a<b & "c" 'd'>"#) == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(MarkupText.escaped("&") == "&amp;")
        #expect(MarkupText.escaped("plain text, tabs\tand\nlines") == "plain text, tabs\tand\nlines")
    }

    @Test("controls and noncharacters become U+FFFD; other non-ASCII text is kept")
    func forbidden() {
        let nonCharacter = String(Unicode.Scalar(0xFDD0)!)
        let lastOfPlane = String(Unicode.Scalar(0x1FFFF)!)
        #expect(MarkupText.escaped("\u{1}é\(nonCharacter)z\u{85}🚀\(lastOfPlane)") == "\u{FFFD}é\u{FFFD}z\u{FFFD}🚀\u{FFFD}")
        #expect(MarkupText.escaped("déjà vu, naïve") == "déjà vu, naïve")
    }

    @Test("bidirectional overrides and isolates become U+FFFD in HTML and SVG, like in every other output")
    func bidi() {
        #expect(MarkupText.escaped("Team \u{202E}drawkcab\u{202C} \u{2068}x\u{2069}") == "Team \u{FFFD}drawkcab\u{FFFD} \u{FFFD}x\u{FFFD}")
    }

    @Test("escaping appends to what is already there")
    func appends() {
        var output = "<svg>"
        MarkupText.escape("x<y", into: &output)
        MarkupText.escape("", into: &output)
        #expect(output == "<svg>x&lt;y")
    }

    @Test("random text escapes to well-formed XML that reads back as the same text")
    func roundTrip() {
        var random = SplitMix64(seed: 11)
        let alphabet: [Unicode.Scalar] = ["a", "Z", " ", "&", "<", ">", "\"", "'", "é", "🚀", "\u{1}", "\u{9F}", "\t"]
        for _ in 0..<200 {
            var text = ""
            for _ in 0..<Int(random.next() % 12) {
                text.unicodeScalars.append(alphabet[Int(random.next() % UInt64(alphabet.count))])
            }
            let escaped = MarkupText.escaped(text)
            #expect(XMLCheck.isWellFormed("<t a=\"\(escaped)\">\(escaped)</t>"), "\(text.debugDescription)")
            let expected = String(String.UnicodeScalarView(text.unicodeScalars.map { SafeText.isUnsafe($0) ? "\u{FFFD}" : $0 }))
            let readBack = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            #expect(readBack == expected, "\(text.debugDescription)")
        }
    }

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
