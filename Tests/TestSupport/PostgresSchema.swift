import CLibPQ

/// A schema made for a test through libpq directly: `PostgresDatabase` runs one query that
/// returns rows, and cannot make tables.
public enum PostgresSchema {
    /// `server`'s URL for a connection whose search path is `schema` (libpq's `options`
    /// parameter sets a server setting for that connection only).
    public static func url(_ server: String, schema: String) -> String {
        server + (server.contains("?") ? "&" : "?") + "options=-csearch_path%3D" + schema
    }

    public static func create(_ schema: String, on url: String, running setup: String) throws {
        guard let connection = PQconnectdb(url) else { throw PostgresTestServer.Unavailable(description: "libpq returned no connection") }
        defer { PQfinish(connection) }
        guard PQstatus(connection) == CONNECTION_OK else {
            throw PostgresTestServer.Unavailable(description: "cannot connect to the test server: " + String(cString: PQerrorMessage(connection)))
        }
        // The simple query protocol runs several statements in one call.
        let result = PQexec(connection, "CREATE SCHEMA \(schema); SET search_path TO \(schema);\n" + setup)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else {
            throw PostgresTestServer.Unavailable(description: "setup failed: " + String(cString: PQresultErrorMessage(result)))
        }
    }
}
