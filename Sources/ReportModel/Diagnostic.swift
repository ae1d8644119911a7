import Formatting

/// One problem found in the content, with where it is and what to do about it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error
        case warning
        /// A prompt, not a problem: never fails a build, not even with `--strict`.
        case note

        /// Errors first, then warnings, then notes.
        var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// The lint rule that found it (`D101`…), for lint findings; nil for content errors.
    public var rule: String?
    /// What kind of id it reports as missing from its catalog, if that is what it says: when
    /// a catalog could not be read at all, every reference to it is unknown, and the loader
    /// leaves those out rather than bury the one real error.
    public var unknown: Unknown?

    /// An id that a catalog does not hold.
    public enum Unknown: Hashable, Sendable {
        case team, metric
    }

    /// The message is made safe to print: e-mail addresses are replaced (a diagnostic
    /// must not spread the person identifiers it complains about), line breaks from
    /// quoted input are shown as `\n`, so each diagnostic stays one line, and what
    /// `SafeText` rules out (controls, bidirectional overrides) becomes U+FFFD.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String, rule: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = Diagnostic.printable(message)
        self.rule = rule
    }

    static func printable(_ message: String) -> String {
        let text = oneLine(message)
        guard text.contains("@") else { return text }
        // Words are split at spaces and quotes, the way messages quote what they found.
        var result = ""
        var word = ""
        func flush() {
            result += EmailAddress.matches(word) ? "<e-mail address>" : word
            word = ""
        }
        for character in text {
            if character == " " || character == "'" || character == "\"" || character == "`" {
                flush()
                result.append(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return result
    }

    /// `text` on one safe line: each line break (CRLF counts as one) written `\n`, and
    /// what `SafeText` rules out replaced by U+FFFD. Tabs stay.
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { SafeText.isUnsafe($0) || SafeText.isLineBreak($0) }) else { return text }
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n", previous == "\r" { continue }
            if SafeText.isLineBreak(scalar) {
                result.append(contentsOf: "\\n".unicodeScalars)
            } else {
                result.append(SafeText.isUnsafe(scalar) ? SafeText.replacement : scalar)
            }
        }
        return String(result)
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// An error about an id that its catalog does not hold.
    public static func unknown(_ kind: Unknown, _ message: String, at location: SourceLocation) -> Diagnostic {
        var diagnostic = Diagnostic(.error, at: location, message)
        diagnostic.unknown = kind
        return diagnostic
    }

    /// `path:line:column: error: message`, with ` [D101]` after a lint's message.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)" + (rule.map { " [\($0)]" } ?? "")
    }
}

extension Diagnostic: Comparable {
    /// Sorted by file, then line and column, then errors, warnings and notes, then text,
    /// so that output is the same whatever order the files were read in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity.rank < rhs.severity.rank }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
    public var noteCount: Int { count { $0.severity == .note } }
}
