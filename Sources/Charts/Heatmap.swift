/// Teams × metrics, each cell coloured by its change from baseline on a diverging scale
/// (better one way, worse the other), with the value printed in the cell after ▲ or ▼
/// for which way it moved, as on the cards; the judgment is the colour and its title's words.
public enum Heatmap {
    public struct Cell: Sendable {
        /// What the cell says, such as "2.7 days".
        var text: String
        /// How good the change from baseline is, from −1 (much worse) to 1 (much better);
        /// nil when there is no baseline to compare with.
        var score: Double?
        /// Which way the value moved since the baseline.
        var direction: Direction

        public init(text: String, score: Double?, direction: Direction = .level) {
            self.text = text
            self.score = score
            self.direction = direction
        }
    }

    static func heatClass(_ score: Double?) -> String {
        guard let score, score.isFinite else { return "heat-neutral" }
        let size = abs(score)
        let level = size < 0.05 ? 0 : size < 0.34 ? 1 : size < 0.67 ? 2 : 3
        return level == 0 ? "heat-neutral" : "heat-\(score > 0 ? "good" : "bad")-\(level)"
    }

    /// - Parameter cells: rows of cells; nil for no value.
    public static func draw(title: String, rowNames: [String], columnNames: [String], cells: [[Cell?]]) -> Chart {
        let cellWidth = columnNames.isEmpty ? 100.0 : min(110, 460 / Double(columnNames.count))
        let cellHeight = 26.0
        let width = 640
        let height = Int(58 + cellHeight * Double(max(1, rowNames.count)) + 24)
        let left = 170.0, top = 52.0
        var marks: [SVGNode] = []
        for (column, name) in columnNames.enumerated() {
            marks.append(Label.text(name, x: left + (Double(column) + 0.5) * cellWidth, y: top - 8, width: cellWidth - 4, anchor: "middle", className: "tick"))
        }
        var rows: [[String]] = []
        var better = 0, worse = 0
        for (row, name) in rowNames.enumerated() {
            let y = top + Double(row) * cellHeight
            marks.append(Label.text(name, x: left - 8, y: y + 17, width: 160, anchor: "end"))
            var tableRow = [name]
            for column in columnNames.indices {
                let cell = row < cells.count && column < cells[row].count ? cells[row][column] : nil
                tableRow.append(cell?.text ?? "")
                let x = left + Double(column) * cellWidth
                let heat = cell.map { Self.heatClass($0.score) } ?? "heat-none"
                if heat.hasPrefix("heat-good") { better += 1 }
                if heat.hasPrefix("heat-bad") { worse += 1 }
                let judged = heat.hasPrefix("heat-good") ? " (better)" : heat.hasPrefix("heat-bad") ? " (worse)" : ""
                marks.append(.titled("rect", [("class", heat), ("x", Coordinate.text(x + 1)), ("y", Coordinate.text(y + 1)),
                                              ("width", Coordinate.text(cellWidth - 2)), ("height", Coordinate.text(cellHeight - 2))],
                                     title: cell.map { "\(name), \(columnNames[column]): \($0.text)\(judged)" }))
                if let cell {
                    marks.append(.element("text", [("class", "in-cell"), ("x", Coordinate.text(x + cellWidth / 2)), ("y", Coordinate.text(y + 17)), ("text-anchor", "middle")],
                                          [.text(Label.fit(cell.direction.symbol + cell.text, width: cellWidth - 6).shown)]))
                }
            }
            rows.append(tableRow)
        }
        marks.append(Label.text("▲ rose, ▼ fell · green better, red worse · darker is more", x: left, y: Double(height) - 8, width: 460, className: "note"))
        let summary = "\(title): \(rowNames.count) teams by \(columnNames.count) metrics; \(better) cells better than baseline, \(worse) worse."
        return Chart(type: .heatmap, title: title, summary: summary, width: width, height: height,
                     table: DataTable(columns: ["Team"] + columnNames, rows: rows), marks: marks,
                     plot: PlotArea(left: left, top: top, right: left + cellWidth * Double(columnNames.count),
                                    bottom: top + cellHeight * Double(rowNames.count)))
    }
}
