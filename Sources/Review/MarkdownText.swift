import Formatting

/// Text from the content (team and metric names, messages, paths) made safe to put in
/// GitHub-flavoured Markdown: it reads as written and cannot add markup, a link, an
/// image, a table cell, raw HTML, a mention or maths to a step summary or a PR comment.
///
/// Escaping alone does not stop GitHub's autolinks: cmark-gfm links `https://…`,
/// `www.…` and `name@host` in plain text, backslashes or not. Those are *defanged* the way
/// security write-ups quote addresses: `https[:]//evil.example`, `www[.]evil.example`,
/// `ops[@]evil.example`. They still read as what they are, and none is a link. The
/// brackets rule out mentions too (`[@]everyone`).
public enum MarkdownText {
    /// The characters that can start markup inside a line of GitHub's Markdown, each
    /// written with a backslash, which CommonMark allows before any ASCII punctuation.
    /// `[` covers links, images (`![`) and footnotes (`[^`); `@` and `#` would mention
    /// people and link issues; `$` starts maths; `|` ends a table cell; `<` and `&`
    /// start HTML and entities. Others (`-`, `+`, `.`, `(`) only matter at the start of
    /// a line, where this text is never put.
    static let special: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "#", "|", "<", ">", "~", "&", "@", "$"]

    /// The text escaped for anywhere in a line, a table cell included. Tabs and line
    /// breaks become spaces, so the text stays on its line; what `SafeText` rules out
    /// becomes U+FFFD.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\t" || SafeText.isLineBreak(scalar) {
                result += " "
            } else if SafeText.isUnsafe(scalar) {
                result.unicodeScalars.append(SafeText.replacement)
            } else if scalar == ":" && scalars[(index + 1)...].starts(with: ["/", "/"]) {
                result += "\\[:\\]"
            } else if scalar == "@" {
                result += "\\[@\\]"
            } else if scalar == "." && Self.endsWithWWW(scalars[..<index]) {
                result += "\\[.\\]"
            } else if special.contains(scalar) {
                result += "\\"
                result.unicodeScalars.append(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether text ends in `www` (any case) at the start of a word, where GitHub's
    /// autolinks look for one.
    private static func endsWithWWW(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard text.count >= 3, String(String.UnicodeScalarView(text.suffix(3))).lowercased() == "www" else { return false }
        guard let before = text.dropLast(3).last else { return true }
        return !(before.properties.isAlphabetic || ("0"..."9").contains(before))
    }
}
