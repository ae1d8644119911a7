import ReportModel

/// One page, rendered: where it goes, its HTML and how many charts it holds. A page has
/// no problems of its own to report: its narrative was checked when it was loaded.
struct RenderedPage: Sendable {
    var address: PageAddress
    /// The page as UTF-8, as it is written.
    var html: [UInt8]
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
    /// Fills the theme's page shell, as UTF-8.
    ///
    /// The main content, most of a page's bytes, does not go through the template: the
    /// template gets a marker in its place, and the content's bytes go where the marker
    /// comes out. Passing it through would turn it into a `String` (checking every byte
    /// of UTF-8) and copy it through each template and partial on its way. The marker
    /// holds NUL, which no text of a report can (`SafeText`), and a theme that writes
    /// `{{{main}}}` gets exactly what it got before.
    func shell(_ address: PageAddress, title: String, pageClass: String, breadcrumbs: HTML = .empty,
               description: String? = nil, main: HTML) -> [UInt8] {
        let content = banner + main
        var values: [String: Any] = [
            "lang": site.language,
            "title": title,
            "site_title": site.title,
            "organization": site.organization,
            // The 404 page is served at any depth, so its links start from the base URL.
            "root": address == .notFound ? (options.baseURL ?? "") : address.root,
            "page_class": pageClass,
            "breadcrumbs": breadcrumbs.markup,
            // An empty main stays empty, so that `{{#main}}` still reads it as false.
            "main": content.isEmpty ? "" : Self.mainMarker,
            "min_group_size": String(site.minGroupSize),
        ]
        if let description = description ?? site.description { values["description"] = description }
        if let latest = report.latestPeriod { values["latest_period"] = latest.description }
        if let base = options.baseURL, address != .notFound { values["canonical"] = base + (address == .home ? "" : address.path) }
        if let generated = options.generated { values["generated"] = generated }
        return options.timings.measure(.templates) {
            Self.splice(content.bytes, into: theme.render(values), at: Array(Self.mainMarker.utf8))
        }
    }

    private static let mainMarker = "\u{0}discern:main\u{0}"

    /// `shell`'s UTF-8 with `content` wherever `marker` stands.
    static func splice(_ content: [UInt8], into shell: String, at marker: [UInt8]) -> [UInt8] {
        var shell = shell
        return shell.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + content.count)
            var start = 0, index = 0
            while index + marker.count <= bytes.count {
                if bytes[index] == marker[0], bytes[index..<index + marker.count].elementsEqual(marker) {
                    output.append(contentsOf: bytes[start..<index])
                    output += content
                    index += marker.count
                    start = index
                } else {
                    index += 1
                }
            }
            output.append(contentsOf: bytes[start...])
            return output
        }
    }

    /// The site's `banner:` as the first thing in every page's main content, escaped; in
    /// the content rather than a template slot, so that no theme can leave it out.
    var banner: HTML {
        guard let text = site.banner else { return .empty }
        return "<p class=\"site-banner\" role=\"note\">\(text)</p>\n"
    }
}
