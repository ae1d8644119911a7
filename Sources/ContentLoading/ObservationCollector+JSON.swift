import Formatting
import ReportModel

extension ObservationCollector {
    static let jsonKeys = ["period", "team", "metric", "value", "n"] + spreadKeys

    /// Reads a JSON data file: an array of `{period, team, metric, value, n?}`, with
    /// `ci_low` and `ci_high`, or `sd`, for a metric whose intervals the data gives.
    /// A `null` value is missing, never zero.
    mutating func readJSON(_ text: String, file: String) {
        guard let document = JSONValue.parse(text, file: file, diagnostics: &log) else { return }
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: file, line: line, column: column)
        }
        guard case .array(let items) = document.kind else {
            report(.error("expected an array of {period, team, metric, value, n} objects, found \(document.typeName)",
                          at: at(document.line, document.column)))
            return
        }
        for item in items {
            if isSaturated(file) { return }
            let itemLocation = at(item.line, item.column)
            guard case .object(let members) = item.kind else {
                report(.error("expected an object {period, team, metric, value, n}, found \(item.typeName)",
                              at: itemLocation))
                continue
            }
            var fields: [String: JSONValue] = [:]
            var valid = true
            for member in members {
                let keyLocation = at(member.keyLine, member.keyColumn)
                if PersonIdentifier.isIdentifierColumn(member.key) {
                    report(.error(PersonIdentifier.columnMessage(member.key), at: keyLocation))
                    valid = false
                } else if fields[member.key] != nil {
                    report(.error("duplicate key '\(Excerpt.of(member.key))'", at: keyLocation))
                    valid = false
                } else if !Self.jsonKeys.contains(member.key) {
                    report(.warning("unknown key '\(Excerpt.of(member.key))' is ignored" + Suggestion.hint(for: member.key, in: Self.jsonKeys),
                                    at: keyLocation))
                } else {
                    fields[member.key] = member.value
                }
            }
            var texts: [String: String] = [:]
            for key in ["period", "team", "metric"] {
                guard let field = fields[key] else {
                    report(.error("missing required key '\(key)'", at: itemLocation))
                    valid = false
                    continue
                }
                guard case .string(let text) = field.kind else {
                    report(.error("'\(key)' must be a string, found \(field.typeName)", at: at(field.line, field.column)))
                    valid = false
                    continue
                }
                texts[key] = text
            }
            func location(_ key: String) -> SourceLocation { at(fields[key]!.line, fields[key]!.column) }
            var period: Period?, scope: Scope?, metric: MetricID?
            if let text = texts["period"] { period = self.period(text, at: location("period")) }
            if let text = texts["team"] { scope = self.scope(text, at: location("team")) }
            if let text = texts["metric"] { metric = self.metric(text, at: location("metric")) }
            let value = number(fields["value"], key: "value", required: itemLocation, file: file)
            let n = number(fields["n"], key: "n", required: nil, file: file)
            var count: Int?
            if let raw = n.value {
                if raw >= 0, raw == raw.rounded(), raw <= Double(SiteSettings.largestCount) {
                    count = Int(raw)
                } else {
                    report(.error("n must be a whole number of people from 0 to \(SiteSettings.largestCount)",
                                  at: location("n")))
                    valid = false
                }
            }
            var cells: [String: SpreadCell] = [:]
            for key in Self.spreadKeys {
                guard let field = fields[key], case .number(let text) = field.kind else {
                    _ = number(fields[key], key: key, required: nil, file: file)
                    continue
                }
                if let number = number(field, key: key, required: nil, file: file).value {
                    cells[key] = SpreadCell(value: number, text: text, location: location(key))
                }
            }
            guard valid, let period, let scope, let metric, let value = value.value, !n.isInvalid else { continue }
            let spread = spread(low: cells["ci_low"], high: cells["ci_high"], sd: cells["sd"], value: value, n: count, metric: metric)
            add(Observation(period: period, scope: scope, metric: metric, value: value, n: count, spread: spread,
                            location: itemLocation))
        }
    }

    /// A number member: blank when null or absent (and optional), invalid after an error.
    private mutating func number(_ field: JSONValue?, key: String, required: SourceLocation?, file: String) -> CellContent<Double> {
        guard let field else {
            if let required {
                report(.error("missing required key '\(key)'", at: required))
                return .invalid
            }
            return .blank
        }
        let location = SourceLocation(file: file, line: field.line, column: field.column)
        switch field.kind {
        case .null: return .blank
        case .number(let text):
            switch NumberText.parse(text) {
            case .success(let value): return .value(value)
            case .failure(let problem):
                report(.error("\(key) \(problem.message(for: text))", at: location))
                return .invalid
            }
        default:
            report(.error("\(key) must be a number, found \(field.typeName)", at: location))
            return .invalid
        }
    }
}
