import Formatting
import ReportModel
import Yams

extension ContentLoader {
    static let sourcesKeys = ["sqlite", "postgres", "timeout"]
    static let postgresKeys = ["url_env"]
    /// The longest `sources.timeout`: a day. A query that needs longer belongs in a
    /// scheduled job that fills a table the report's query then reads.
    static let longestTimeout = 86_400.0

    /// `sources:`: the database `discern refresh` runs the queries on, and the timeout.
    /// A connection URL is never accepted in the file, only the name of the environment
    /// variable that holds it: the content is committed, and a password in it would be too.
    func loadSources(_ sources: YAMLMapping, diagnostics: inout DiagnosticLog) -> QuerySources {
        refuseURL(in: sources, diagnostics: &diagnostics)
        sources.refuseUnknownKeys(Self.sourcesKeys + ["url"], in: "sources", diagnostics: &diagnostics)
        var result = QuerySources(database: nil, location: sources.location)
        if let timeout = sources.number("timeout", diagnostics: &diagnostics) {
            if timeout > 0, timeout <= Self.longestTimeout {
                result.timeout = timeout
            } else {
                diagnostics.error("sources.timeout is in seconds, more than 0 and at most \(Int(Self.longestTimeout)); "
                                    + "found '\(Excerpt.of(sources.node("timeout")?.scalar?.string ?? ""))'",
                                  at: sources.location(of: sources.node("timeout")!))
            }
        }
        let sqlite = sources.node("sqlite") == nil ? nil : sqlitePath(in: sources, diagnostics: &diagnostics)
        let postgres = sources.node("postgres") == nil ? nil : postgresVariable(in: sources, diagnostics: &diagnostics)
        switch (sources.node("sqlite"), sources.node("postgres")) {
        case (nil, nil):
            if sources.node("url") == nil {
                diagnostics.error("sources names no database; give `sqlite: data/metrics.db` (a file in the content folder) "
                                    + "or `postgres: {url_env: DISCERN_DATABASE_URL}`", at: sources.location)
            }
        case (.some, .some):
            diagnostics.error("sources names both sqlite and postgres; the queries run on one database, so keep one",
                              at: sources.location(ofKey: "postgres"))
        case (.some, nil):
            result.database = sqlite.map { .sqlite(path: $0) }
        case (nil, .some):
            result.database = postgres.map { .postgres(urlVariable: $0) }
        }
        return result
    }

    /// `sqlite:`, a file inside the content folder, so that a copy of the folder finds it.
    private func sqlitePath(in sources: YAMLMapping, diagnostics: inout DiagnosticLog) -> String? {
        guard let path = sources.string("sqlite", diagnostics: &diagnostics) else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !parts.contains(".."), !path.hasSuffix("/") else {
            diagnostics.error("sources.sqlite is the path of a file inside the content folder, such as data/metrics.db; "
                                + "found '\(Excerpt.of(path))'", at: sources.location(of: sources.node("sqlite")!))
            return nil
        }
        return parts.filter { !$0.isEmpty && $0 != "." }.joined(separator: "/")
    }

    /// `postgres: {url_env: NAME}`: the name of the environment variable with the URL.
    private func postgresVariable(in sources: YAMLMapping, diagnostics: inout DiagnosticLog) -> String? {
        let node = sources.node("postgres")!
        guard case .mapping = node else {
            diagnostics.error("postgres takes the name of the environment variable that holds the connection URL, "
                                + "`postgres: {url_env: DISCERN_DATABASE_URL}`; credentials never go in the content",
                              at: sources.location(of: node))
            return nil
        }
        guard let postgres = sources.mapping("postgres", diagnostics: &diagnostics) else { return nil }
        refuseURL(in: postgres, diagnostics: &diagnostics)
        postgres.refuseUnknownKeys(Self.postgresKeys + ["url"], in: "postgres", diagnostics: &diagnostics)
        guard let name = postgres.string("url_env", diagnostics: &diagnostics) else {
            if postgres.node("url") == nil {
                diagnostics.error("postgres needs url_env, the environment variable that holds the connection URL: "
                                    + "`postgres: {url_env: DISCERN_DATABASE_URL}`", at: postgres.location)
            }
            return nil
        }
        guard Self.isVariableName(name) else {
            diagnostics.error("url_env is the name of an environment variable (letters, digits and _, not starting "
                                + "with a digit), such as DISCERN_DATABASE_URL; found '\(Excerpt.of(name))'",
                              at: postgres.location(of: postgres.node("url_env")!))
            return nil
        }
        return name
    }

    /// A `url:` key is refused with the reason, rather than as an unknown key.
    private func refuseURL(in mapping: YAMLMapping, diagnostics: inout DiagnosticLog) {
        guard mapping.keys.contains("url") else { return }
        diagnostics.error("a connection URL never goes in site.yaml: it holds credentials and the content is committed; "
                            + "put it in an environment variable and name that, `postgres: {url_env: DISCERN_DATABASE_URL}`",
                          at: mapping.location(ofKey: "url"))
    }

    /// A POSIX environment variable name: letters, digits and underscores, not starting with a digit.
    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
