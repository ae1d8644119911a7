/// Shares that sum to 100% per team, such as the distribution of fluency levels.
public enum StackedChart {
    public struct Row: Sendable {
        var label: String
        /// One amount per part; normalised to shares of the row's total.
        var parts: [Double]

        public init(label: String, parts: [Double]) {
            self.label = label
            self.parts = parts
        }
    }

    public static func draw(title: String, partNames: [String], rows: [Row]) -> Chart {
        let rowHeight = 26.0
        let width = 640
        let height = Int(48 + rowHeight * Double(max(1, rows.count)) + 8)
        let area = PlotArea(left: 170, top: 40, right: 620, bottom: Double(height) - 8)
        let table = DataTable(columns: ["Team"] + partNames,
                              rows: rows.map { row in [row.label] + Self.percents(row.parts).map { "\($0)%" } })
        var marks: [SVGNode] = []
        var legendX = area.left
        for (index, name) in partNames.enumerated() {
            marks.append(.element("rect", [("class", "part-\(index % 5 + 1)"), ("x", Coordinate.text(legendX)), ("y", "12"), ("width", "12"), ("height", "12")]))
            marks.append(Label.text(name, x: legendX + 16, y: 22, width: 90))
            legendX += 22 + Double(min(name.count, 14)) * Label.characterWidth
        }
        guard !rows.isEmpty else {
            return Chart(type: .stacked, title: title, summary: "\(title): no data to show.", width: width, height: height, table: table, marks: marks + [area.empty("No data")])
        }
        for (index, row) in rows.enumerated() {
            let top = area.top + Double(index) * rowHeight
            marks.append(Label.text(row.label, x: area.left - 8, y: top + 17, width: 160, anchor: "end"))
            var x = area.left
            for (part, share) in Self.percents(row.parts).enumerated() where share > 0 {
                // Drawn from the whole percent it is labelled with, not the exact share.
                let width = Double(share) / 100 * area.width
                let percent = "\(share)%"
                let name = part < partNames.count ? partNames[part] : "Part \(part + 1)"
                marks.append(.titled("rect", [("class", "part-\(part % 5 + 1)"), ("x", Coordinate.text(x)), ("y", Coordinate.text(top + 4)),
                                              ("width", Coordinate.text(width)), ("height", Coordinate.text(rowHeight - 8))],
                                     title: "\(row.label), \(name): \(percent)"))
                if width >= 30 {
                    marks.append(.element("text", [("class", "in-bar"), ("x", Coordinate.text(x + width / 2)), ("y", Coordinate.text(top + 17)), ("text-anchor", "middle")], [.text(percent)]))
                }
                x += width
            }
        }
        let summary = "\(title): shares of \(partNames.joined(separator: ", ")) for \(rows.count) team\(rows.count == 1 ? "" : "s")."
        return Chart(type: .stacked, title: title, summary: summary, width: width, height: height, table: table, marks: marks, plot: area)
    }

    /// Each part's share of the row in whole percent, as labelled and drawn. Rounding
    /// each share alone can sum to 99% or 101%, so the points left over go to the largest
    /// remainders (ties to the earlier part): every row sums to exactly 100% and fills
    /// the bar. All zero when nothing is positive; a part that is not a positive number is 0.
    static func percents(_ parts: [Double]) -> [Int] {
        let parts = parts.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        let total = parts.reduce(0, +)
        guard total > 0 else { return parts.map { _ in 0 } }
        let exact = parts.map { $0 / total * 100 }
        var percents = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { a, b in
            let (ra, rb) = (exact[a] - Double(percents[a]), exact[b] - Double(percents[b]))
            return ra == rb ? a < b : ra > rb
        }
        for index in order.prefix(max(0, 100 - percents.reduce(0, +))) { percents[index] += 1 }
        return percents
    }
}
