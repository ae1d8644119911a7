import Formatting
import ReportModel

/// A GitHub Actions workflow command that turns a diagnostic into an annotation on the
/// pull request's line: `::error file=content/data/v.csv,line=2,col=13,title=Discern::…`.
///
/// The runner reads these from a step's output. It shows at most ten annotations of each
/// kind per step (and fifty per job); the rest stay in the log, which is why every
/// diagnostic is still printed.
public enum WorkflowCommand {
    /// The annotation for a diagnostic: `::error`, `::warning` or `::notice` (for notes),
    /// at `path` (relative to the repository), titled `Discern` or `Discern D101`.
    public static func annotation(_ diagnostic: Diagnostic, path: String) -> String {
        let title = diagnostic.rule.map { "Discern \($0)" } ?? "Discern"
        return command(diagnostic.severity, [
            "file=" + property(path),
            "line=\(diagnostic.location.line)",
            "col=\(diagnostic.location.column)",
            "title=" + property(title),
        ], diagnostic.message)
    }

    /// The annotation for findings withheld from shared output: no file and no line,
    /// only how many there are, as grave as the gravest of them.
    public static func withheld(_ shared: SharedDiagnostics) -> String? {
        guard let notice = shared.notice, let severity = shared.withheldSeverity else { return nil }
        return command(severity, ["title=Discern"], notice)
    }

    private static func command(_ severity: Diagnostic.Severity, _ properties: [String], _ message: String) -> String {
        let name = switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        return "::\(name) \(properties.joined(separator: ","))::\(data(message))"
    }

    /// A command's message: `%`, carriage returns and line feeds are percent-encoded,
    /// so a message can neither end the command early nor start another, and what
    /// `SafeText` rules out becomes U+FFFD (a message is already safe; a file name may not be).
    public static func data(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case _ where SafeText.isUnsafe(scalar): result.unicodeScalars.append(SafeText.replacement)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A property value (`file=…`, `title=…`): as `data`, and `:` and `,` too, which
    /// would otherwise end the value or the list of properties.
    public static func property(_ text: String) -> String {
        var result = ""
        for scalar in data(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
