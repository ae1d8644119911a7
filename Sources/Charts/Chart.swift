import ReportModel

/// A drawn chart: SVG marks plus what makes it accessible and portable, the sentence
/// that says what it shows and its data as a table.
public struct Chart: Sendable {
    public let type: BlockSpec.ChartType
    public let title: String
    /// One sentence stating what the chart shows; the SVG's `<desc>`.
    let summary: String
    let width: Int
    let height: Int
    /// The chart's data, for an HTML table beside it and a CSV file.
    public let table: DataTable
    let marks: [SVGNode]
    /// The marks, written once: every chart appears at least inline, and a figure also
    /// as a standalone file.
    private let writtenMarks: SVGNode
    /// Where data marks (markers, bars, lines) may be drawn; labels sit outside it.
    let plot: PlotArea?

    init(type: BlockSpec.ChartType, title: String, summary: String, width: Int, height: Int, table: DataTable, marks: [SVGNode],
         plot: PlotArea? = nil) {
        self.type = type
        self.title = title
        self.summary = summary
        self.width = width
        self.height = height
        self.table = table
        self.marks = marks
        self.plot = plot
        writtenMarks = .written(marks)
    }

    /// The SVG. Inline charts take their colours from the page's CSS custom properties,
    /// so themes, the dark scheme and print apply; a standalone file carries its own
    /// styles and a light background, for slides.
    /// - Parameter id: unique on the page; names the title and description.
    public func svg(id: String, standalone: Bool = false) -> String {
        String(decoding: svgBytes(id: id, standalone: standalone), as: UTF8.self)
    }

    /// The SVG as UTF-8, as pages and files take it.
    public func svgBytes(id: String, standalone: Bool = false) -> [UInt8] {
        var attributes: [(String, String)] = [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("viewBox", "0 0 \(width) \(height)"),
        ]
        if standalone {
            attributes += [("width", String(width)), ("height", String(height))]
        }
        attributes += [
            ("role", "img"),
            ("aria-labelledby", "\(id)-title \(id)-desc"),
            ("class", "chart-svg chart-\(type)"),
        ]
        var children: [SVGNode] = [
            .element("title", [("id", "\(id)-title")], [.text(title)]),
            .element("desc", [("id", "\(id)-desc")], [.text(summary)]),
        ]
        if standalone {
            children.append(.element("style", [], [Self.standaloneStyle]))
            children.append(.element("rect", [("class", "background"), ("width", String(width)), ("height", String(height))]))
        }
        children.append(writtenMarks)
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        SVGNode.element("svg", attributes, children).write(to: &output)
        return output
    }

    private static let standaloneStyle = SVGNode.written([.text(ChartStyle.standalone)])
}

/// A chart's data in rows and columns of text.
public struct DataTable: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }
}
