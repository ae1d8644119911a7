import CLibPQ

/// Reading libpq's results into the values `DataSource` hands over.
extension PostgresDatabase {
    /// The result's column names, in order.
    static func columnNames(of result: OpaquePointer) -> [String] {
        (0..<PQnfields(result)).map { String(cString: PQfname(result, $0)) }
    }

    /// One row's values as the server wrote them in text format; nil for NULL.
    static func values(of result: OpaquePointer, row: Int32) -> [String?] {
        (0..<PQnfields(result)).map { column in
            guard PQgetisnull(result, row, column) == 0, let value = PQgetvalue(result, row, column) else { return nil }
            let bytes = UnsafeRawBufferPointer(start: value, count: Int(PQgetlength(result, row, column)))
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Why the server rejected `query`: its primary message and hint on one line, and where,
    /// as a 0-based offset in Unicode scalars.
    ///
    /// The server counts the statement position from 1 in characters of the query as it
    /// received it, which is the query as sent, since the connection is always UTF-8.
    static func rejection(in result: OpaquePointer, query: String) -> DataSourceError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0).oneLine }
        }
        let primary = field(discern_pg_diag_message_primary)
            ?? String(cString: PQresultErrorMessage(result)).oneLine
        let hint = field(discern_pg_diag_message_hint)
        let message = hint.map { "\(primary); hint: \($0)" } ?? primary
        let position = field(discern_pg_diag_statement_position).flatMap { Int($0) }
        let offset = position.map { $0 - 1 }.flatMap { (0...query.unicodeScalars.count).contains($0) ? $0 : nil }
        return .rejected(message.isEmpty ? "the server rejected the query without a reason" : message, offset: offset)
    }
}
