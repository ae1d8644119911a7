import ReportModel

extension ContentLoader {
    /// A query, `data/NAME.sql`, is never run here: its result is read from the snapshot
    /// `discern refresh` wrote, `data/NAME.csv`, like any data file. This checks that the
    /// snapshot is there and was made from the query's present text.
    func checkSnapshot(ofQuery path: String, present: Set<String>, diagnostics: inout DiagnosticLog) {
        let snapshot = QuerySnapshot.snapshotPath(ofQuery: path), record = QuerySnapshot.recordPath(ofQuery: path)
        let name = String(path.dropFirst("data/".count).dropLast(".sql".count))
        let at = SourceLocation(file: path)
        guard present.contains(snapshot) else {
            diagnostics.error("no snapshot of this query's result (\(snapshot)); run `discern refresh` to run it and write one",
                              at: at)
            return
        }
        guard present.contains(record) else {
            diagnostics.error("\(snapshot) has no record of the query it was made from (\(record)); "
                                + "run `discern refresh \(name)` to make it from this query", at: at)
            return
        }
        guard let text = text(of: record, diagnostics: &diagnostics) else { return }
        guard let made = QuerySnapshot(text: text) else {
            diagnostics.error("not a snapshot record as discern refresh writes it; run `discern refresh \(name)` to write it again",
                              at: SourceLocation(file: record))
            return
        }
        guard let bytes = try? source.read(path) else {
            diagnostics.error("cannot read the query", at: at)
            return
        }
        if QuerySnapshot.hash(of: bytes) != made.query {
            diagnostics.error("this query was changed after \(snapshot) was made from it (at \(made.ranAt)); "
                                + "run `discern refresh \(name)` to bring the snapshot up to date", at: at)
        }
    }

    /// Whether a file in `data/` is the SQLite database `sources:` names, or one of the
    /// journal files SQLite keeps beside it: not data, and no cause for a warning.
    static func isDatabase(_ path: String, of site: SiteSettings) -> Bool {
        guard case .sqlite(let database) = site.sources?.database else { return false }
        return path == database || ["-journal", "-wal", "-shm"].contains { path == database + $0 }
    }

    /// What `discern refresh` needs of the content before it runs the queries: `sources:`,
    /// the queries, and the catalogs their results are checked against. Only `site.yaml`,
    /// `teams.yaml` and `metrics.yaml` are read; their problems are in `diagnostics`.
    public func queries() -> QueryContext {
        var diagnostics = DiagnosticLog()
        let catalogs = loadCatalogs(diagnostics: &diagnostics)
        let queries = catalogs.files.filter { $0.hasPrefix("data/") && $0.hasSuffix(".sql") }
        return QueryContext(site: catalogs.site, queries: queries, diagnostics: diagnostics.all.sorted(),
                            catalogs: catalogs)
    }
}
