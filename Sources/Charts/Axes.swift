/// The plot area of a chart and its value axis: grid lines and tick labels.
struct PlotArea {
    let left: Double
    let top: Double
    let right: Double
    let bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }

    /// Horizontal grid lines with labels on the left, for a vertical value scale.
    func valueAxis(_ scale: NiceScale, unit: TickUnit) -> SVGNode {
        var marks: [SVGNode] = []
        for tick in scale.ticks {
            let y = scale.position(tick, from: bottom, to: top)
            marks.append(.element("line", [("class", tick == 0 ? "axis" : "grid"), ("x1", Coordinate.text(left)), ("x2", Coordinate.text(right)),
                                           ("y1", Coordinate.text(y)), ("y2", Coordinate.text(y))]))
            marks.append(.element("text", [("class", "tick"), ("x", Coordinate.text(left - 6)), ("y", Coordinate.text(y + 4)), ("text-anchor", "end")],
                                  [.text(scale.label(tick, unit: unit))]))
        }
        return .element("g", [("class", "value-axis")], marks)
    }

    /// Vertical grid lines with labels below, for a horizontal value scale.
    func horizontalValueAxis(_ scale: NiceScale, unit: TickUnit) -> SVGNode {
        var marks: [SVGNode] = []
        for tick in scale.ticks {
            let x = scale.position(tick, from: left, to: right)
            marks.append(.element("line", [("class", tick == 0 ? "axis" : "grid"), ("x1", Coordinate.text(x)), ("x2", Coordinate.text(x)),
                                           ("y1", Coordinate.text(top)), ("y2", Coordinate.text(bottom))]))
            marks.append(.element("text", [("class", "tick"), ("x", Coordinate.text(x)), ("y", Coordinate.text(bottom + 14)), ("text-anchor", "middle")],
                                  [.text(scale.label(tick, unit: unit))]))
        }
        return .element("g", [("class", "value-axis")], marks)
    }

    /// A note where the data would be, for a chart with nothing to draw.
    func empty(_ message: String) -> SVGNode {
        .element("text", [("class", "note"), ("x", Coordinate.text(left + width / 2)), ("y", Coordinate.text(top + height / 2)), ("text-anchor", "middle")],
                 [.text(message)])
    }
}
