/// Input quoted in a message, cut to a readable length: a diagnostic names what it found,
/// and a 5 MB cell or the rest of a file after an unclosed quote must not become one
/// megabyte-long line.
public enum Excerpt {
    /// The most characters a quoted excerpt has, its ellipsis included.
    static let limit = 80

    /// `text` as it is when it has at most `limit` characters; otherwise its first
    /// `limit - 1` and `…`.
    ///
    /// A word cut in two that holds an `@` is left out whole: half an e-mail address no
    /// longer looks like one, and `Diagnostic` would print what it hides.
    public static func of(_ text: some StringProtocol) -> String {
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end != text.endIndex else {
            return String(text)
        }
        let cut = text.index(before: end)
        var kept = text[..<cut]
        let wordStart = kept.lastIndex(where: \.isWhitespace).map { kept.index(after: $0) } ?? kept.startIndex
        // An address is at most 254 characters, so the rest of the word is looked at that far.
        let restOfWord = text[cut...].prefix(254).prefix { !$0.isWhitespace }
        if kept[wordStart...].contains("@") || restOfWord.contains("@") { kept = kept[..<wordStart] }
        return String(kept) + "…"
    }
}
