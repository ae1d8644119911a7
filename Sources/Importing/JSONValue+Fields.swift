import ContentLoading
import ReportModel

/// Typed reads of a JSON object's fields for the GitHub feeds. Each problem becomes a
/// diagnostic at the field; messages name the field and what was expected, never the
/// value found, which could be a login.
extension JSONValue {
    /// The value of `key` in an object; nil when absent, `null`, or this is no object.
    func field(_ key: String) -> JSONValue? {
        guard case .object(let members) = kind,
              let value = members.first(where: { $0.key == key })?.value else { return nil }
        if case .null = value.kind { return nil }
        return value
    }

    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// A count or amount: a finite number of 0 or more. Absent or `null` is nil.
    func amount(_ key: String, file: String, diagnostics: inout DiagnosticLog) -> Double? {
        guard let value = field(key) else { return nil }
        guard case .number(let text) = value.kind else {
            diagnostics.error("'\(key)' must be a number of 0 or more, found \(value.typeName)", at: value.location(in: file))
            return nil
        }
        guard case .success(let number) = NumberText.parse(text), number >= 0 else {
            diagnostics.error("'\(key)' must be a number of 0 or more, up to 1e15", at: value.location(in: file))
            return nil
        }
        return number
    }

    /// A true-or-false field; absent or `null` is false.
    func flag(_ key: String, file: String, diagnostics: inout DiagnosticLog) -> Bool {
        guard let value = field(key) else { return false }
        guard case .bool(let flag) = value.kind else {
            diagnostics.error("'\(key)' must be true or false, found \(value.typeName)", at: value.location(in: file))
            return false
        }
        return flag
    }

    /// A string, or a number written as one (GitHub ids). Absent or `null` is nil.
    func text(_ key: String, file: String, diagnostics: inout DiagnosticLog) -> String? {
        guard let value = field(key) else { return nil }
        switch value.kind {
        case .string(let text): return text
        case .number(let text): return text
        default:
            diagnostics.error("'\(key)' must be a string, found \(value.typeName)", at: value.location(in: file))
            return nil
        }
    }

    /// A date; reports an error when it is absent too.
    func day(_ key: String, file: String, diagnostics: inout DiagnosticLog) -> CalendarDay? {
        guard let value = field(key) else {
            diagnostics.error("missing '\(key)'; every record needs its date", at: location(in: file))
            return nil
        }
        guard case .string(let text) = value.kind, let day = CalendarDay(text) else {
            diagnostics.error(CalendarDay.problem(field: key), at: value.location(in: file))
            return nil
        }
        return day
    }

    /// A moment, such as GitHub's `2025-07-02T09:00:00Z`; absent or `null` is nil, and
    /// reported as missing: `why` says what needs it.
    func timestamp(_ key: String, file: String, diagnostics: inout DiagnosticLog, why: String) -> Timestamp? {
        guard let value = field(key) else {
            diagnostics.error("missing '\(key)'; \(why)", at: location(in: file))
            return nil
        }
        guard case .string(let text) = value.kind, let moment = Timestamp(iso8601: text) else {
            diagnostics.error(Timestamp.problem(field: key), at: value.location(in: file))
            return nil
        }
        return moment
    }

    /// The elements of an array field; absent or `null` is empty.
    func elements(_ key: String, file: String, diagnostics: inout DiagnosticLog) -> [JSONValue] {
        guard let value = field(key) else { return [] }
        guard case .array(let elements) = value.kind else {
            diagnostics.error("'\(key)' must be an array, found \(value.typeName)", at: value.location(in: file))
            return []
        }
        return elements
    }

    /// An object field; absent or `null` is nil.
    func object(_ key: String, file: String, diagnostics: inout DiagnosticLog) -> JSONValue? {
        guard let value = field(key) else { return nil }
        guard case .object = value.kind else {
            diagnostics.error("'\(key)' must be an object, found \(value.typeName)", at: value.location(in: file))
            return nil
        }
        return value
    }
}
