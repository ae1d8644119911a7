import ContentLoading
import ReportModel

/// The records of a usage report: NDJSON, one JSON object per line, as GitHub's reports
/// are downloaded. A file holding one JSON document, an array of the same objects or an
/// API response object written over several lines, is read too, since that is how people
/// often save what an API returned; and so are an API's pages as `gh api --paginate`
/// saves them (https://cli.github.com/manual/gh_api): arrays one after another
/// (`[…][…]`), or with `--slurp` arrays inside one array.
enum JSONRecords {
    /// Every record with its true line; a line that is not JSON is reported at its
    /// line and column, and the rest of the file is still read.
    static func read(_ file: InputFile, diagnostics: inout DiagnosticLog) -> [JSONValue] {
        guard let text = file.text(diagnostics: &diagnostics) else { return [] }
        let first = text.utf8.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) })
        if first == UInt8(ascii: "[") {
            var records: [JSONValue] = []
            for page in JSONValue.parseSequence(text, file: file.path, diagnostics: &diagnostics) {
                guard case .array(let elements) = page.kind else {
                    diagnostics.error("expected a JSON array of records after the first one (pages are arrays), found "
                                          + page.typeName, at: page.location(in: file.path))
                    continue
                }
                for element in elements {
                    // `--slurp` puts each page, an array, inside one outer array.
                    if case .array(let inner) = element.kind { records += inner } else { records.append(element) }
                }
            }
            return records
        }
        // One object over several lines (a saved API response) parses whole; NDJSON does not,
        // and is then read line by line, where its problems are reported.
        if first == UInt8(ascii: "{") {
            var problems = DiagnosticLog()
            if let document = JSONValue.parse(text, file: file.path, diagnostics: &problems), !problems.hasErrors {
                return [document]
            }
        }
        var records: [JSONValue] = []
        var number = 0
        // JSON strings cannot hold a raw line break, so every record is on one line.
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if diagnostics.isSaturated(file.path) { break }
            let body = line.hasSuffix("\r") ? line.dropLast() : line
            if body.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            // The line is parsed alone, so its problems count lines from 1.
            var problems = DiagnosticLog()
            if let value = JSONValue.parse(String(body), file: file.path, diagnostics: &problems) {
                records.append(value.movedDown(by: number - 1))
            }
            for problem in problems.all {
                var location = problem.location
                location.line += number - 1
                diagnostics.report(Diagnostic(problem.severity, at: location, problem.message))
            }
        }
        return records
    }
}

private extension JSONValue {
    /// The same value with every position `lines` further down, for a line parsed alone.
    func movedDown(by lines: Int) -> JSONValue {
        guard lines > 0 else { return self }
        var copy = self
        copy.line += lines
        switch kind {
        case .object(let members):
            copy.kind = .object(members.map { member in
                var moved = member
                moved.keyLine += lines
                moved.value = member.value.movedDown(by: lines)
                return moved
            })
        case .array(let elements):
            copy.kind = .array(elements.map { $0.movedDown(by: lines) })
        default:
            break
        }
        return copy
    }
}
