import ContentLoading
import DataSources
import Foundation
import ReportModel
import Snapshots

/// A content folder on disk with two teams and two metrics, the queries a test writes,
/// and a database made by an `SQLSource`.
struct QueryFolder {
    let root: URL
    let source: any DataSource

    static let site = "title: T\norganization: Acme\n"
    static let teams = "teams:\n  - {id: a, name: A, headcount: 8}\n  - {id: b, name: B, headcount: 9}\n"
    static let metrics = """
        metrics:
          - {id: m, name: M, category: outcome, unit: d, better: lower, aggregate: mean}
          - {id: k, name: K, category: quality, unit: "%", better: lower, aggregate: mean}

        """
    /// A table of values in long form, the shape most cases query.
    static let results = """
        CREATE TABLE results (period TEXT, team TEXT, metric TEXT, value DOUBLE PRECISION, n INTEGER);
        INSERT INTO results VALUES ('2026-Q1', 'a', 'm', 2.5, NULL);
        INSERT INTO results VALUES ('2026-Q1', 'b', 'm', 3, 12);
        INSERT INTO results VALUES ('2026-Q2', 'a', 'm', 0.1, NULL);
        """

    /// Makes the folder with `queries` (`data/NAME.sql` to text) and a database holding `setup`.
    init(_ sqlSource: SQLSource, setup: String = QueryFolder.results, queries: [String: String]) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("discern-sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        for (path, text) in ["site.yaml": Self.site + sqlSource.sourcesYAML, "teams.yaml": Self.teams,
                             "metrics.yaml": Self.metrics].merging(queries, uniquingKeysWith: { $1 }) {
            try Data(text.utf8).write(to: root.appendingPathComponent(path))
        }
        self.root = root
        source = try sqlSource.make(setup, root)
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    /// Every file in `data/`, hidden ones included, but the database's.
    func dataFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("data").path)
            .filter { !$0.hasPrefix("metrics.db") }.sorted()
    }

    /// Runs the queries (all when none is named) as `discern refresh` does.
    func refresh(_ queries: [String]? = nil, timeout: Duration = .seconds(60)) -> SnapshotRefresh.Outcome {
        let context = ContentLoader(source: .disk(root)).queries()
        let refresh = SnapshotRefresh(content: root, context: context, timeout: timeout,
                                      now: { Date(timeIntervalSince1970: 1_796_083_200) })
        return refresh.run(queries ?? context.queries, on: source)
    }

    /// The folder as `check` and `build` load it.
    func load() -> ContentLoad {
        ContentLoader(source: .disk(root)).load()
    }
}

extension SnapshotRefresh.Outcome {
    var messages: [String] { diagnostics.map(\.description) }
}
