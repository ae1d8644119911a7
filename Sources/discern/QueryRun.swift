import ArgumentParser
import ContentLoading
import DataSources
import Formatting
import Foundation
import ReportModel
import Snapshots

/// One `discern refresh` run, shared by the command and by `serve`, which refreshes a
/// query when its file is saved.
struct QueryRun {
    /// The queries that were to run, the snapshots written, and every problem.
    var queries: [String]
    var written: [SnapshotRefresh.Written]
    var diagnostics: [Diagnostic]
    /// The whole run's time, opening the database included.
    var seconds: Double

    /// Runs the queries named (all when none is) and writes their snapshots, all or none.
    /// Throws a `ValidationError` for a name that is no query.
    static func refresh(_ names: [String], content: URL, context: QueryContext,
                        environment: [String: String] = ProcessInfo.processInfo.environment) throws -> QueryRun {
        let start = ContinuousClock.now
        let queries = try select(names, from: context.queries)
        var run = QueryRun(queries: queries, written: [], diagnostics: context.diagnostics, seconds: 0)
        guard !queries.isEmpty, !context.diagnostics.hasErrors else { return run }
        guard let sources = context.site.sources else {
            run.diagnostics.append(.error("site.yaml names no database for the queries in data/; add `sources:` with "
                                          + "`sqlite: data/metrics.db` or `postgres: {url_env: DISCERN_DATABASE_URL}`",
                                          at: SourceLocation(file: "site.yaml")))
            return run
        }
        guard let database = sources.database else { return run }  // already reported by the loader
        let source: any DataSource
        do {
            source = try database.open(content: content, environment: environment)
        } catch let DataSourceError.connection(message) {
            run.diagnostics.append(.error(message, at: sources.location))
            return run
        } catch {
            run.diagnostics.append(.error("cannot open the database: \(error.localizedDescription)", at: sources.location))
            return run
        }
        let refresh = SnapshotRefresh(content: content, context: context, timeout: .seconds(sources.timeout))
        let outcome = refresh.run(queries, on: source)
        run.written = outcome.written
        run.diagnostics += outcome.diagnostics
        let elapsed = start.duration(to: .now).components
        run.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return run
    }

    /// The queries named: `lead`, `lead.sql` or `data/lead.sql` for `data/lead.sql`.
    static func select(_ names: [String], from queries: [String]) throws -> [String] {
        guard !names.isEmpty else { return queries }
        return try names.map { name in
            var path = name.hasPrefix("data/") ? name : "data/" + name
            if !path.hasSuffix(".sql") { path += ".sql" }
            guard queries.contains(path) else {
                let known = queries.map { String($0.dropFirst("data/".count).dropLast(".sql".count)) }
                throw ValidationError("no query \(path)"
                    + (known.isEmpty ? "; data/ holds no .sql file" : "; the queries are \(known.joined(separator: ", "))"))
            }
            return path
        }
    }

    static func count(_ value: Int, _ noun: String) -> String {
        "\(DecimalText.signed(Double(value), decimals: 0, grouping: true, minus: "-")) \(noun)\(value == 1 ? "" : "s")"
    }

    static func seconds(_ value: Double) -> String {
        DecimalText.signed(value, decimals: 2, minus: "-")
    }
}
