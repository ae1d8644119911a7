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
        let command = switch diagnostic.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        let title = diagnostic.rule.map { "Discern \($0)" } ?? "Discern"
        let properties = [
            "file=" + property(path),
            "line=\(diagnostic.location.line)",
            "col=\(diagnostic.location.column)",
            "title=" + property(title),
        ]
        return "::\(command) \(properties.joined(separator: ","))::\(data(diagnostic.message))"
    }

    /// A command's message: `%`, carriage returns and line feeds are percent-encoded,
    /// so a message can neither end the command early nor start another.
    public static func data(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
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
