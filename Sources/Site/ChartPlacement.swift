import Charts
import ReportModel

/// Places charts on one page: each gets an id unique on the page, a figure with its
/// data table and links to its standalone SVG and CSV, which are collected for writing.
/// The files sit in the folder of the page that writes them, beside its `index.html`
/// (`teams/platform/2026-Q3/chart-2-line-cycle_time.svg`).
final class ChartPlacement {
    /// A chart's standalone files, by path relative to the site root.
    struct File: Sendable {
        var path: String
        var bytes: [UInt8]
    }

    let page: PageAddress
    let timings: StageTimings?
    /// The folder the files sit in, relative to the site root: that of the page that
    /// writes them.
    let folder: String
    /// Whether this page writes the standalone files. The latest-quarter copy of a page
    /// links to the files its quarter's page writes, so it need not draw them again.
    let writesFiles: Bool
    /// Charts placed, sparklines included.
    private(set) var count = 0
    /// The figures placed so far (sparklines are not figures).
    private(set) var figures = 0
    private(set) var files: [File] = []

    /// - Parameter owner: the page whose files these are, when `page` shows another
    ///   page's charts (the latest-quarter copy shows its quarter's); `page` by default.
    init(page: PageAddress, sharing owner: PageAddress? = nil, timings: StageTimings? = nil) {
        let owner = owner ?? page
        self.page = page
        self.folder = owner.folder
        self.writesFiles = owner == page
        self.timings = timings
    }

    /// Whether a file name is one a chart file is given, `chart-<n>-<type>-<slug>.svg`
    /// or `.csv`: the files a page's folder holds besides its `index.html`.
    static func isFileName(_ name: String) -> Bool {
        name.hasPrefix("chart-") && (name.hasSuffix(".svg") || name.hasSuffix(".csv"))
    }

    /// A figure: the SVG, a caption, links to the files, and the data as a table.
    func figure(_ chart: Chart, caption: String? = nil, slug: String) -> HTML {
        count += 1
        figures += 1
        let id = "chart-\(count)"
        let name = "chart-\(figures)-\(chart.type.rawValue)-\(slug)"
        if writesFiles {
            files.append(File(path: folder + name + ".svg", bytes: chart.svgBytes(id: "c", standalone: true)))
            files.append(File(path: folder + name + ".csv", bytes: Array(chart.table.csv.utf8)))
        }
        // A page links to its own files by name, and to another page's through the root.
        let link = (folder == page.folder ? "" : page.root + folder) + name
        // The caption comes last, as HTML requires, and holds the links and the data.
        var html: HTML = "<figure class=\"chart chart-\(chart.type.rawValue)\">" + HTML(bytes: chart.svgBytes(id: id))
        html += "<figcaption><p class=\"chart-title\"><strong>\(chart.title)</strong>" + (caption.map { HTML(text: ". " + $0) } ?? .empty) + "</p>"
        html += "<p class=\"chart-links\">Download <a href=\"\(link).svg\">SVG</a> · <a href=\"\(link).csv\">CSV</a></p>"
        html += Self.table(chart.table, summary: "Data for this chart")
        return html + "</figcaption></figure>\n"
    }

    /// A sparkline for a card: no files, no table (the card states its values).
    func sparkline(_ chart: Chart) -> HTML {
        count += 1
        let svg = timings.measure(.charts) { chart.svgBytes(id: "chart-\(count)") }
        return "<div class=\"sparkline\">" + HTML(bytes: svg) + "</div>"
    }

    static func table(_ table: DataTable, summary: String) -> HTML {
        var html: HTML = "<details class=\"chart-data\"><summary>\(summary)</summary><div class=\"table-scroll\"><table><thead><tr>"
        for column in table.columns { html += "<th scope=\"col\">\(column)</th>" }
        html += "</tr></thead><tbody>"
        for row in table.rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                html += index == 0 ? "<th scope=\"row\">\(cell)</th>" : "<td class=\"number\">\(cell)</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table></div></details>"
    }
}
