import Charts
import ReportModel

/// Places charts on one page: each gets an id unique on the page, a figure with its
/// data table and links to its standalone SVG and CSV, which are collected for writing.
final class ChartPlacement {
    /// A chart's standalone files, by path relative to the site root.
    struct File: Sendable {
        var path: String
        var bytes: [UInt8]
    }

    let page: PageAddress
    let timings: StageTimings?
    /// Names the files: the same for every page showing the same scope and quarter,
    /// so the latest-quarter copy of a page shares its files.
    let key: String
    /// Whether this page writes the standalone files. The latest-quarter copy of a page
    /// links to the files its quarter's page writes, so it need not draw them again.
    let writesFiles: Bool
    /// Charts placed, sparklines included.
    private(set) var count = 0
    /// The figures placed so far (sparklines are not figures).
    private(set) var figures = 0
    private(set) var files: [File] = []

    init(page: PageAddress, key: String, writesFiles: Bool = true, timings: StageTimings? = nil) {
        self.page = page
        self.key = key
        self.writesFiles = writesFiles
        self.timings = timings
    }

    /// A figure: the SVG, a caption, links to the files, and the data as a table.
    func figure(_ chart: Chart, caption: String? = nil, slug: String) -> HTML {
        count += 1
        figures += 1
        let id = "chart-\(count)"
        let base = "\(key)/\(figures)-\(chart.type.rawValue)-\(slug)"
        if writesFiles {
            files.append(File(path: "charts/\(base).svg", bytes: Array(chart.svg(id: "c", standalone: true).utf8)))
            files.append(File(path: "data/\(base).csv", bytes: Array(chart.table.csv.utf8)))
        }
        // The caption comes last, as HTML requires, and holds the links and the data.
        var html: HTML = "<figure class=\"chart chart-\(chart.type.rawValue)\">" + HTML(markup: chart.svg(id: id))
        html += "<figcaption><p class=\"chart-title\"><strong>\(chart.title)</strong>" + (caption.map { HTML(text: ". " + $0) } ?? .empty) + "</p>"
        html += "<p class=\"chart-links\">Download <a href=\"\(page.root)charts/\(base).svg\">SVG</a> · <a href=\"\(page.root)data/\(base).csv\">CSV</a></p>"
        html += Self.table(chart.table, summary: "Data for this chart")
        return html + "</figcaption></figure>\n"
    }

    /// A sparkline for a card: no files, no table (the card states its values).
    func sparkline(_ chart: Chart) -> HTML {
        count += 1
        let svg = timings.measure(.charts) { chart.svg(id: "chart-\(count)") }
        return "<div class=\"sparkline\">" + HTML(markup: svg) + "</div>"
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
