/// One 16:9 slide of a board deck: a title, a body laid out by `layout`, and what the
/// presenter sees under it on screen (speaker notes, the chart files to lift into a
/// slide tool), which print leaves out.
///
/// CSS: `.slide`, `.slide-<kind>`, `.slide-frame`, `.slide-body.layout-<layout>`,
/// `.slide-notes`, `.slide-files`.
struct Slide {
    enum Layout: String {
        /// Prose alone.
        case text
        /// Headline numbers in a grid.
        case tiles
        /// Prose or numbers beside a chart.
        case split
        /// A row of numbers over a chart.
        case stack
        /// One chart, filling the slide.
        case chart
    }

    /// What a slide is; its raw value is the slide's class name, `.slide-<kind>`.
    enum Kind: String {
        case title, highlights, kpis, narrative, chart, group, usage, about
    }

    var kind: Kind
    var title: String
    var layout: Layout
    var body: HTML
    /// Speaker notes, as HTML; empty when there are none.
    var notes: HTML = .empty
    /// The standalone SVG and CSV files of the slide's charts, by path from the site root.
    var files: [String] = []

    /// The slide's markup. The title slide's heading is the page's `h1`.
    func render(number: Int, of total: Int, footer: String) -> HTML {
        let id = "slide-\(number)"
        let heading: HTML = kind == .title ? "<h1 id=\"\(id)\">\(title)</h1>" : "<h2 id=\"\(id)\">\(title)</h2>"
        var html: HTML = "<section class=\"slide slide-\(kind.rawValue)\" aria-labelledby=\"\(id)\">"
        html += "<div class=\"slide-frame\">\(heading)<div class=\"slide-body layout-\(layout.rawValue)\">\(body)</div>"
        html += "<p class=\"slide-footer\"><span>\(footer)</span><span class=\"slide-number\">\(number) / \(total)</span></p></div>"
        if !notes.isEmpty || !files.isEmpty {
            html += "<div class=\"slide-extras\">"
            if !notes.isEmpty { html += "<aside class=\"slide-notes\" aria-label=\"Speaker notes for slide \(number)\"><p class=\"label\">Speaker notes</p>\(notes)</aside>" }
            if !files.isEmpty {
                let links = files.map { path -> HTML in
                    let name = path.hasSuffix(".svg") ? "SVG" : "CSV"
                    return "<a href=\"\(path)\">\(name)</a>"
                }
                html += "<p class=\"slide-files\">Chart files for a slide tool: \(links.joined(separator: " · "))</p>"
            }
            html += "</div>"
        }
        return html + "</section>\n"
    }
}
