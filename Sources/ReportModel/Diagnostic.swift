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

    /// The message is made safe to print: e-mail addresses are replaced (a diagnostic
    /// must not spread the person identifiers it complains about) and line breaks from
    /// quoted input are shown as `\n`, so each diagnostic stays one line.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String, rule: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = Diagnostic.printable(message)
        self.rule = rule
    }

    static func printable(_ message: String) -> String {
        var text = message
        if text.contains("\n") || text.contains("\r") {
            text = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
                .joined(separator: "\\n")
        }
        if text.unicodeScalars.contains(where: { $0.value < 32 && $0 != "\t" || $0.value == 127 }) {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 32 && $0 != "\t" || $0.value == 127 ? "\u{FFFD}" : $0 }))
        }
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

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
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
