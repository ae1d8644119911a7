/// The one rule for characters that must never reach output as themselves, whatever the
/// channel: a page, an SVG, a terminal line, a CI annotation, a step summary.
///
/// - C0 controls other than tab and line breaks, DEL and C1 controls: a terminal runs
///   them (ESC, and U+009B, which some terminals take for ESC `[`), and XML forbids them.
/// - Bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to
///   U+2069): they make a line read other than it is (a team name that reverses the
///   number after it; "Trojan Source").
/// - Unicode noncharacters, which XML and HTML forbid.
///
/// Each becomes U+FFFD, so what was there stays visible. Tab and line breaks are
/// whitespace with a meaning, which each channel keeps or replaces as it needs (a
/// diagnostic stays on one line, a Markdown cell has no breaks); escaping on top of this
/// (HTML entities, Markdown backslashes, workflow-command percent signs) is the channel's.
public enum SafeText {
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Whether the scalar is one of those above.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        if value < 0x7F { return false }
        if value <= 0x9F { return true }
        if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) { return true }
        return (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// Line feed, carriage return, and the Unicode line and paragraph separators, which
    /// editors and some terminals break lines at too.
    public static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// `text` with every unsafe scalar, and every scalar `also` picks, replaced by U+FFFD.
    public static func replacingUnsafe(_ text: String, also: (Unicode.Scalar) -> Bool = { _ in false }) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) || also($0) }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isUnsafe($0) || also($0) ? replacement : $0 }))
    }
}
