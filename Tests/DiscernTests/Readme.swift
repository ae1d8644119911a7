import Foundation

/// The repository's README, read by tests that hold its examples and tables to what the
/// tool does, so the documentation cannot drift from the code unnoticed.
struct Readme {
    let lines: [String]

    init() throws {
        let url = CommandLineTests.packageRoot.appendingPathComponent("README.md")
        lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The lines from the heading that starts with `heading` to the next heading of the
    /// same or a higher level. A `#` line inside a fenced code block (a YAML comment, a
    /// command's output) is no heading.
    func section(_ heading: String) -> ArraySlice<String> {
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return [] }
        let level = lines[start].prefix { $0 == "#" }.count
        var fenced = false
        let end = lines[(start + 1)...].firstIndex { line in
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { fenced.toggle() }
            let hashes = line.prefix { $0 == "#" }.count
            return !fenced && hashes > 0 && hashes <= level && line.dropFirst(hashes).hasPrefix(" ")
        } ?? lines.endIndex
        return lines[start..<end]
    }

    /// The rows of the first table in `lines` whose header row starts with `header`,
    /// each as its trimmed cells.
    static func table(in lines: ArraySlice<String>, header: String) -> [[String]] {
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(header) }) else { return [] }
        var rows: [[String]] = []
        for line in lines[(start + 2)...] {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("|") else { break }
            rows.append(trimmed.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return rows
    }

    /// The bodies of the fenced code blocks in `lines` opened with "```" + `language`,
    /// with the block's own indentation removed.
    static func codeBlocks(in lines: ArraySlice<String>, language: String) -> [String] {
        var blocks: [String] = []
        var current: [String]?
        var indent = 0
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current == nil, trimmed == "```" + language {
                indent = line.prefix { $0 == " " }.count
                current = []
            } else if let body = current, trimmed == "```" {
                blocks.append(body.joined(separator: "\n") + "\n")
                current = nil
            } else if current != nil {
                current!.append(String(line.dropFirst(min(indent, line.prefix { $0 == " " }.count))))
            }
        }
        return blocks
    }
}
