import ContentLoading
import ReportModel

extension M365CopilotReport {
    /// The first of a column's spellings that the file has.
    static func column(_ headers: [String], in csv: CSVInput) -> Int? {
        headers.lazy.compactMap(csv.column).first
    }

    /// The refresh date, UPN and period columns, or nil after reporting what is missing.
    /// The admin center's export has no refresh date or period; its error says so once.
    static func requiredColumns(of csv: CSVInput, diagnostics: inout DiagnosticLog) -> (Int, Int, Int)? {
        let refresh = column(refreshHeaders, in: csv), upn = column(upnHeaders, in: csv)
        let period = column(periodHeaders, in: csv)
        if let refresh, let upn, let period { return (refresh, upn, period) }
        let header = SourceLocation(file: csv.file, line: csv.header.line, column: 1)
        let adminCenter = csv.column("User name") != nil
            || csv.header.fields.contains { TeamMapping.foldHeader($0.text).hasPrefix("lastactivitydateof") }
        if adminCenter, refresh == nil, period == nil {
            diagnostics.error("the Microsoft 365 admin center's export has no 'Report Refresh Date' and 'Report Period' "
                              + "columns: add them (the day the report was exported, and the number of days it covers, "
                              + "like 30), or take the report from Microsoft Graph, which has both", at: header)
        } else {
            for (found, name) in [(refresh, refreshHeaders[0]), (upn, upnHeaders[0]), (period, periodHeaders[0])]
            where found == nil {
                diagnostics.error("missing column '\(name)'", at: header)
            }
        }
        return nil
    }

    /// A column Discern does not read but whose name says it is a per-app date or a count
    /// is warned about at its header cell: a renamed column must not vanish in silence.
    static func warnOfUnknownColumns(in csv: CSVInput, known: [Int], diagnostics: inout DiagnosticLog) {
        let skipped = Set(known + displayNameHeaders.compactMap(csv.column))
        for (index, field) in csv.header.fields.enumerated() where !skipped.contains(index) {
            let name = TeamMapping.foldHeader(field.text)
            let kind = if name.contains("lastactivity") {
                "a last-activity column"
            } else if name.contains("prompt") || name.contains("activeday") || name.contains("activeusageday") {
                "a count of prompts or active days"
            } else {
                String?.none
            }
            guard let kind else { continue }
            diagnostics.warning("'\(field.text.trimmingSpaces)' looks like \(kind), but Discern does not know it; "
                                + "it is left out", at: csv.location(of: field))
        }
    }

    /// Where a file's JSON begins, if its first byte other than white space (after a byte
    /// order mark) is `{` or `[`: the beta endpoint answers JSON unless asked for CSV.
    static func jsonStart(of file: InputFile) -> SourceLocation? {
        var bytes = file.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var line = 1, column = 1
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\n"): line += 1; column = 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): column += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["): return SourceLocation(file: file.path, line: line, column: column)
            default: return nil
            }
        }
        return nil
    }
}
