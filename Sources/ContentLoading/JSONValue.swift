import ReportModel

/// A JSON value with the position it starts at, for diagnostics.
///
/// Foundation's `JSONSerialization` gives no positions, so data files are read by the
/// small parser in `JSONValue+Parsing.swift`.
package struct JSONValue {
    package enum Kind {
        case object([Member])
        case array([JSONValue])
        case string(String)
        /// The number as written; converted by whoever knows what it means.
        case number(String)
        case bool(Bool)
        case null
    }

    package struct Member {
        package var key: String
        package var keyLine: Int
        package var keyColumn: Int
        package var value: JSONValue
    }

    package var kind: Kind
    package var line: Int
    package var column: Int

    package var typeName: String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }
}
