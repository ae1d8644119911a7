import ReportModel

/// One page, rendered: where it goes, its HTML and how many charts it holds. A page has
/// no problems of its own to report: its narrative was checked when it was loaded.
struct RenderedPage: Sendable {
    var address: PageAddress
    var html: String
    var charts: Int = 0
    /// Standalone SVG and CSV files for the page's charts.
    var chartFiles: [ChartPlacement.File] = []
    /// Slides on the page: the deck's, which print one to a page.
    var slides: Int = 0

    /// What the build summary counts once the page is written.
    struct Counts: Sendable {
        var charts: Int
        var files: Int
        var slides: Int
    }

    var counts: Counts { Counts(charts: charts, files: 1 + chartFiles.count, slides: slides) }
}

extension SiteContext {
    /// Fills the theme's page shell.
    func shell(_ address: PageAddress, title: String, pageClass: String, breadcrumbs: HTML = .empty,
               description: String? = nil, main: HTML) -> String {
        var values: [String: Any] = [
            "lang": site.language,
            "title": title,
            "site_title": site.title,
            "organization": site.organization,
            // The 404 page is served at any depth, so its links start from the base URL.
            "root": address == .notFound ? (options.baseURL ?? "") : address.root,
            "page_class": pageClass,
            "breadcrumbs": breadcrumbs.markup,
            "main": (banner + main).markup,
            "min_group_size": String(site.minGroupSize),
        ]
        if let description = description ?? site.description { values["description"] = description }
        if let latest = report.latestPeriod { values["latest_period"] = latest.description }
        if let base = options.baseURL, address != .notFound { values["canonical"] = base + (address == .home ? "" : address.path) }
        if let generated = options.generated { values["generated"] = generated }
        return options.timings.measure(.templates) { theme.render(values) }
    }

    /// The site's `banner:` as the first thing in every page's main content, escaped; in
    /// the content rather than a template slot, so that no theme can leave it out.
    var banner: HTML {
        guard let text = site.banner else { return .empty }
        return "<p class=\"site-banner\" role=\"note\">\(text)</p>\n"
    }
}
