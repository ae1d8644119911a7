import Analysis
import Foundation
import ReportModel

/// The `--format json` document of `discern check`. Its schema is in the README.
struct CheckOutput: Encodable {
    struct Entry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
        /// The lint rule, for lint findings.
        var rule: String?
    }

    var diagnostics: [Entry]
    /// Diagnostics not listed because they concern teams too small to show (in CI only).
    var withheld: Int
    var summary: ReportSummary

    init(diagnostics: [Diagnostic], withheld: Int, summary: ReportSummary) {
        self.withheld = withheld
        self.diagnostics = diagnostics.map {
            Entry(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                  severity: $0.severity.rawValue, message: $0.message, rule: $0.rule)
        }
        self.summary = summary
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
