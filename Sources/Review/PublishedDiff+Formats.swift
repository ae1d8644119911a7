import Formatting
import Foundation

extension PublishedDiff {
    /// An aligned table for a terminal, then the count line:
    ///
    ///     Period   Scope       Metric      Old         New
    ///     2026-Q2  Operations  Cycle time  3.0 days  → 3.5 days
    ///
    ///     1 published number changes in 1 team.
    public func text() -> String {
        guard !changes.isEmpty else { return countLine + "\n" }
        let header = ["Period", "Scope", "Metric", "Old", "New"]
        let rows = changes.map { change in
            [change.period.description, Self.printable(change.scopeName), Self.printable(change.metricName),
             Self.printable(PublishedChange.words(change.old)), Self.printable(change.newWords)]
        }
        let widths = (0..<4).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String], arrow: String) -> String {
            // Padded by characters, as a terminal shows them, not by UTF-16 units.
            (0..<4).map { cells[$0] + String(repeating: " ", count: widths[$0] - cells[$0].count) }.joined(separator: "  ")
                + arrow + cells[4]
        }
        let lines = [line(header, arrow: "   ")] + rows.map { line($0, arrow: " → ") }
        return lines.joined(separator: "\n") + "\n\n" + countLine + "\n"
    }

    /// A Markdown table for a pull-request comment or a step summary, every name escaped.
    public func markdown() -> String {
        var lines = ["### Published numbers that change", ""]
        if !changes.isEmpty {
            lines += ["| Quarter | Scope | Metric | Old | New |", "|---|---|---|---|---|"]
            for change in changes {
                let cells = [change.period.description, change.scopeName, change.metricName,
                             PublishedChange.words(change.old), change.newWords]
                lines.append("| " + cells.map(MarkdownText.escape).joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        lines += [countLine, ""]
        return lines.joined(separator: "\n") + "\n"
    }

    /// One JSON document: `changes` (each with `period`, `scope`, `scopeKind`,
    /// `scopeName`, `metric`, `metricName`, `old`, `oldStatus`, `new`, `newStatus`, and
    /// `released` when the new number restates a released one) and
    /// `summary` (`changes`, `scopes`, `withheld`, `line`). Keys are sorted, so output is stable.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(changes: changes.map(Entry.init),
                                summary: Summary(changes: changes.count, scopes: Set(changes.map(\.scope)).count, withheld: withheld, line: countLine))
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        var changes: [Entry]
        var summary: Summary
    }

    private struct Summary: Encodable {
        var changes: Int
        var scopes: Int
        /// Changes to teams now too small to show, not listed.
        var withheld: Int
        var line: String
    }

    private struct Entry: Encodable {
        let change: PublishedChange

        enum Key: String, CodingKey {
            case period, scope, scopeKind, scopeName, metric, metricName, old, oldStatus, new, newStatus, released
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(change.period.description, forKey: .period)
            try container.encode(change.scope.description, forKey: .scope)
            try container.encode(change.kind.rawValue, forKey: .scopeKind)
            try container.encode(change.scopeName, forKey: .scopeName)
            try container.encode(change.metric.rawValue, forKey: .metric)
            try container.encode(change.metricName, forKey: .metricName)
            for (shown, text, status) in [(change.old, Key.old, Key.oldStatus), (change.new, .new, .newStatus)] {
                switch shown {
                case .value(let value):
                    try container.encode(value, forKey: text)
                    try container.encode("published", forKey: status)
                case .suppressed:
                    try container.encodeNil(forKey: text)
                    try container.encode("suppressed", forKey: status)
                case .absent:
                    try container.encodeNil(forKey: text)
                    try container.encode("absent", forKey: status)
                }
            }
            try container.encodeIfPresent(change.released, forKey: .released)
        }
    }

    /// A name made safe for one cell of a terminal table: what `SafeText` rules out, and
    /// tabs and line breaks, which would break the columns, become U+FFFD.
    static func printable(_ text: String) -> String {
        SafeText.replacingUnsafe(text, also: { $0 == "\t" || SafeText.isLineBreak($0) })
    }
}
