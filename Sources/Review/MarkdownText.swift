/// Text from the content (team and metric names, messages, paths) made safe to put in
/// GitHub-flavoured Markdown: it reads as written and cannot add markup, a link, an
/// image, a table cell, raw HTML, a mention or maths to a step summary or a PR comment.
public enum MarkdownText {
    /// The characters that can start markup inside a line of GitHub's Markdown, each
    /// written with a backslash, which CommonMark allows before any ASCII punctuation.
    /// `[` covers links, images (`![`) and footnotes (`[^`); `@` and `#` would mention
    /// people and link issues; `$` starts maths; `|` ends a table cell; `<` and `&`
    /// start HTML and entities. Others (`-`, `+`, `.`, `(`) only matter at the start of
    /// a line, where this text is never put.
    static let special: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "#", "|", "<", ">", "~", "&", "@", "$"]

    /// The text escaped for anywhere in a line, a table cell included. Line breaks and
    /// other control characters become spaces, so the text stays on its line.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 32 || scalar.value == 127 || scalar == "\u{2028}" || scalar == "\u{2029}" {
                result += " "
            } else if special.contains(scalar) {
                result += "\\"
                result.unicodeScalars.append(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
