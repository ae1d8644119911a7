/// The plot area of a chart and its value axis: grid lines and tick labels.
struct PlotArea {
    let left: Double
    let top: Double
    let right: Double
    let bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }

    /// Which way a value scale runs across the plot area.
    enum Direction {
        /// Values up the side: horizontal grid lines, labels on the left.
        case vertical
        /// Values along the bottom: vertical grid lines, labels below.
        case horizontal
    }

    /// Grid lines and tick labels for a value scale.
    func valueAxis(_ scale: NiceScale, unit: TickUnit, _ direction: Direction = .vertical) -> SVGNode {
        let marks = scale.ticks.flatMap { tick -> [SVGNode] in
            // Only the geometry differs between the two directions.
            let grid: (x1: Double, x2: Double, y1: Double, y2: Double)
            let label: (x: Double, y: Double, anchor: String)
            switch direction {
            case .vertical:
                let y = scale.position(tick, from: bottom, to: top)
                grid = (left, right, y, y)
                label = (left - 6, y + 4, "end")
            case .horizontal:
                let x = scale.position(tick, from: left, to: right)
                grid = (x, x, top, bottom)
                label = (x, bottom + 14, "middle")
            }
            return [
                .element("line", [("class", tick == 0 ? "axis" : "grid"), ("x1", Coordinate.text(grid.x1)), ("x2", Coordinate.text(grid.x2)),
                                  ("y1", Coordinate.text(grid.y1)), ("y2", Coordinate.text(grid.y2))]),
                .element("text", [("class", "tick"), ("x", Coordinate.text(label.x)), ("y", Coordinate.text(label.y)), ("text-anchor", label.anchor)],
                         [.text(scale.label(tick, unit: unit))]),
            ]
        }
        return .element("g", [("class", "value-axis")], marks)
    }

    /// A note where the data would be, for a chart with nothing to draw.
    func empty(_ message: String) -> SVGNode {
        .element("text", [("class", "note"), ("x", Coordinate.text(left + width / 2)), ("y", Coordinate.text(top + height / 2)), ("text-anchor", "middle")],
                 [.text(message)])
    }
}
