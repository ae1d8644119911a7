import Foundation
import Testing

/// `discern check --format json` against the schema table in the README: every field it
/// prints is documented with the type it has, and every documented field is printed.
@Suite("check --format json follows the README's schema")
struct CheckJSONSchemaTests {
    let cli = CommandLineTests()

    /// One documented field: its path (`summary.teams`, `diagnostics[].rule`), its JSON
    /// type, whether it may be absent, and the values it may take when listed.
    struct Field {
        var path: String
        var type: String
        var optional: Bool
        var values: [String]?
    }

    static func schema() throws -> [Field] {
        let section = try Readme().section("### `discern check")
        return Readme.table(in: section, header: "| field | type |").map { cells in
            let path = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let type = cells[1].split(separator: ",").first.map(String.init) ?? ""
            var values: [String]?
            if let range = cells[2].range(of: "one of ") {
                let list = cells[2][range.upperBound...].prefix { $0 != "(" && $0 != ";" }
                values = list.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "` ")) }
            }
            return Field(path: path, type: type, optional: cells[1].contains("optional"), values: values)
        }
    }

    /// A JSON value with its type kept: JSONSerialization hands back 0 and 1 as values
    /// that pass for booleans, so types are told apart by decoding instead.
    enum JSONValue: Decodable {
        case null, boolean(Bool), integer(Int), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .boolean(value) }
            else if let value = try? container.decode(Int.self) { self = .integer(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
            else { self = .object(try container.decode([String: JSONValue].self)) }
        }

        var type: String {
            switch self {
            case .null: "null"
            case .boolean: "boolean"
            case .integer: "integer"
            case .number: "number"
            case .string: "string"
            case .array: "array"
            case .object: "object"
            }
        }
    }

    /// What does not match the schema in one object at `prefix`, and the fields seen.
    static func problems(in object: [String: JSONValue], prefix: String, schema: [Field], seen: inout Set<String>) -> [String] {
        var problems: [String] = []
        let fields = schema.filter { $0.path.hasPrefix(prefix) && !$0.path.dropFirst(prefix.count).contains(".") }
        for key in object.keys.sorted() where !fields.contains(where: { $0.path == prefix + key }) {
            problems.append("\(prefix + key) is not documented")
        }
        for field in fields {
            let key = String(field.path.dropFirst(prefix.count))
            guard let value = object[key] else {
                if !field.optional { problems.append("\(field.path) is missing") }
                continue
            }
            seen.insert(field.path)
            if value.type != field.type { problems.append("\(field.path) is \(value.type), documented as \(field.type)") }
            if let values = field.values, case .string(let text) = value, !values.contains(text) {
                problems.append("\(field.path) is '\(text)', documented as one of \(values)")
            }
        }
        return problems
    }

    @Test("the README documents every field with its type")
    func documented() throws {
        let schema = try Self.schema()
        #expect(schema.map(\.path) == [
            "diagnostics", "diagnostics[].file", "diagnostics[].line", "diagnostics[].column", "diagnostics[].severity",
            "diagnostics[].message", "diagnostics[].rule", "withheld", "summary", "summary.teams", "summary.groups", "summary.metrics",
            "summary.periods", "summary.firstPeriod", "summary.lastPeriod", "summary.observations", "summary.narratives",
            "summary.suppressedTeams", "summary.suppressedValues", "summary.errors", "summary.warnings", "summary.notes",
        ])
        #expect(schema.first { $0.path == "diagnostics[].severity" }?.values == ["error", "warning", "note"])
        #expect(schema.filter(\.optional).map(\.path) == ["diagnostics[].rule", "summary.firstPeriod", "summary.lastPeriod"])
    }

    @Test("errors, report checks, notes and the sample all print exactly the documented fields and types")
    func output() throws {
        let schema = try Self.schema()
        var errors = cli.valid
        errors["data/v.csv"] = "period,team,metric,value\n2026-Q1,a,m,x\n"
        let contents = ["Tests/Fixtures/usage-only", "content", try cli.folder(errors).path, try cli.folder(cli.valid).path]
        var seen: Set<String> = []
        for content in contents {
            let run = try cli.discern(["check", "--content", content, "--format", "json"])
            let document = try JSONDecoder().decode(JSONValue.self, from: Data(run.stdout.utf8))
            guard case .object(let object) = document else { Issue.record("\(content): not an object"); continue }
            var problems = Self.problems(in: object, prefix: "", schema: schema, seen: &seen)
            if case .array(let entries)? = object["diagnostics"] {
                for entry in entries {
                    guard case .object(let entry) = entry else { problems.append("a diagnostic is not an object"); continue }
                    problems += Self.problems(in: entry, prefix: "diagnostics[].", schema: schema, seen: &seen)
                    if case .string(let rule)? = entry["rule"] {
                        #expect(rule.count == 4 && rule.hasPrefix("D"), "\(rule)")
                    }
                }
            }
            if case .object(let summary)? = object["summary"] {
                problems += Self.problems(in: summary, prefix: "summary.", schema: schema, seen: &seen)
            }
            #expect(problems.isEmpty, "\(content): \(problems)")
        }
        // Every documented field, optional ones included, shows up in one of the runs.
        #expect(Set(schema.map(\.path)).subtracting(seen).isEmpty, "\(Set(schema.map(\.path)).subtracting(seen))")
    }
}
