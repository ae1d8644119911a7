import ReportModel

/// The content as `discern refresh` reads it before running the queries
/// (`ContentLoader.queries()`).
public struct QueryContext {
    /// `site.yaml`'s settings, `sources:` among them.
    public var site: SiteSettings
    /// Every query in the content, `data/NAME.sql`, sorted.
    public var queries: [String]
    /// The problems found in `site.yaml`, `teams.yaml` and `metrics.yaml`.
    public var diagnostics: [Diagnostic]
    let catalogs: ContentLoader.Catalogs

    init(site: SiteSettings, queries: [String], diagnostics: [Diagnostic], catalogs: ContentLoader.Catalogs) {
        self.site = site
        self.queries = queries
        self.diagnostics = diagnostics
        self.catalogs = catalogs
    }

    /// A check of the result of the query at `path`, against the catalogs.
    public func check(query path: String) -> ResultCheck {
        ResultCheck(collector: catalogs.collector(), query: path)
    }
}
