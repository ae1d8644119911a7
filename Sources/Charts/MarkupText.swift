import Formatting

/// Escaping of text for HTML and XML, shared by the SVG writer and the site's `HTML`
/// type so that both follow one rule: the five markup characters become entities, and
/// what `SafeText` rules out everywhere (controls XML 1.0 and HTML forbid, bidirectional
/// overrides, noncharacters) becomes U+FFFD.
public enum MarkupText {
    /// Appends `text`, escaped, to `output`.
    ///
    /// Every page holds thousands of labels and attribute values, nearly all of them
    /// plain ASCII, so those are appended whole; anything else is copied in runs between
    /// the scalars that must change, never a scalar at a time.
    static func escape(_ text: String, into output: inout String) {
        guard needsEscaping(text) else {
            output += text
            return
        }
        let scalars = text.unicodeScalars
        var runStart = scalars.startIndex
        var index = runStart
        while index != scalars.endIndex {
            let next = scalars.index(after: index)
            if let replacement = replacement(for: scalars[index]) {
                output += text[runStart..<index]
                output += replacement
                runStart = next
            }
            index = next
        }
        output += text[runStart...]
    }

    /// Appends `text`, escaped, to `output` as UTF-8: a text with nothing to escape, nearly
    /// every one, is copied whole.
    public static func escape(_ text: String, into output: inout [UInt8]) {
        guard needsEscaping(text) else {
            output.append(utf8: text)
            return
        }
        var escaped = ""
        escape(text, into: &escaped)
        output.append(utf8: escaped)
    }

    /// `text`, escaped.
    public static func escaped(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        escape(text, into: &output)
        return output
    }

    /// Whether any byte of `text` needs care: a loop over a native string's contiguous
    /// bytes, since stepping through the `utf8` view checked an index at every byte, and
    /// this runs for every label and attribute on every page.
    private static func needsEscaping(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in
            for byte in bytes where needsCare(byte) { return true }
            return false
        }) { return found }
        return text.utf8.contains(where: needsCare)
    }

    /// A byte that is a markup character, a control, or part of a non-ASCII scalar (which
    /// could be a C1 control, a bidirectional override or a noncharacter).
    private static func needsCare(_ byte: UInt8) -> Bool {
        byte >= 127 || byte < 64 && careBelow64 >> UInt64(byte) & 1 != 0
    }

    /// Bit n set for each byte n below 64 that needs care: the controls but tab and line
    /// breaks, and `"`, `&`, `'`, `<` and `>`. One shift and test instead of a chain of
    /// comparisons, for every byte of every label.
    private static let careBelow64: UInt64 = 0x5000_00C4_FFFF_D9FF

    private static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        case _ where SafeText.isUnsafe(scalar): "\u{FFFD}"
        default: nil
        }
    }
}
