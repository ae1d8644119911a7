/// Where a scatter's team labels go, so that none overlaps another, covers a point or
/// leaves the plot frame.
///
/// Each label is tried beside its point (right, left, above, below, then the four
/// diagonals), then further out in the same order with a short leader line back to the
/// point. A label with no free place becomes a number beside its point, placed the same
/// way, and its name goes in a key under the chart; a point whose number finds no place
/// either is named in the key with its two values, as its marker's title already says.
/// Labels also keep off the lines given (the fitted line). A label left of its point ends
/// at its box's right edge and one above or below is centred on it, so text a little
/// wider than estimated runs away from its point, not onto it.
/// Points are taken most crowded first (ties in their given order), greedily, so the same
/// points always give the same picture. Widths are estimated as `Label.fit` does, from
/// the character count at 12 px.
///
/// Positions are worked out from the markers' drawn positions and the shown labels alone,
/// so a label says nothing about a team that its point and name do not.
struct PointLabels {
    /// A rectangle in chart coordinates, y down.
    struct Box: Equatable, Sendable {
        var left: Double
        var top: Double
        var right: Double
        var bottom: Double

        /// Whether the two share any area, or come nearer than `gap`.
        func intersects(_ other: Box, gap: Double = 0) -> Bool {
            left < other.right + gap && other.left < right + gap && top < other.bottom + gap && other.top < bottom + gap
        }

        func contains(_ other: Box) -> Bool {
            other.left >= left && other.right <= right && other.top >= top && other.bottom <= bottom
        }

        func contains(x: Double, y: Double) -> Bool {
            x >= left && x <= right && y >= top && y <= bottom
        }
    }

    /// A label or number drawn beside its point.
    struct Placed: Sendable {
        /// The point's index in the points given.
        let point: Int
        /// The text shown: the label as `Label.fit` cuts it, or the point's number.
        let text: String
        /// The whole label when it was cut, for a `<title>`.
        let full: String?
        /// Where the text is anchored, and its baseline.
        let x: Double
        let y: Double
        /// `start`, `end` or `middle`: the side of the box `x` is on.
        let anchor: String
        /// The space the text is estimated to take.
        let box: Box
        /// From the marker's edge to the label, when the label sits away from its point.
        let leader: (x1: Double, y1: Double, x2: Double, y2: Double)?
        let isNumber: Bool
    }

    /// Labels and numbers placed, in the order they were placed.
    private(set) var placed: [Placed] = []
    /// Points shown by number, `(point, number)`, numbered 1… in the points' given order.
    private(set) var numbered: [(point: Int, number: Int)] = []
    /// Points with neither a label nor a number beside them, in their given order.
    private(set) var unplaced: [Int] = []
    private let lines: [(x1: Double, y1: Double, x2: Double, y2: Double)]

    /// The widest a label is drawn before it is cut with "…".
    static let labelWidth = 130.0
    /// Text at 12 px: about 10 units above the baseline and 3 below.
    static let ascent = 10.0, descent = 3.0
    /// Half a marker's size: markers are about 8 to 10 units across.
    static let markerRadius = 5.0
    /// The space kept between a label and anything else: a little more than nothing, as
    /// the width estimate is an average and real text can run a few units wider.
    static let gap = 3.0
    /// How far from its point's centre a label's nearest edge sits, beside it and then
    /// further out with a leader line.
    static let distances = [7.0, 22.0, 40.0]
    /// Right, left, above, below, then the diagonals.
    static let directions: [(dx: Double, dy: Double)] = [(1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1)]

    /// - Parameters:
    ///   - points: the markers' centres, as drawn.
    ///   - labels: each point's label, uncut.
    ///   - frame: where labels must stay: the plot area.
    ///   - lines: lines drawn over the plot that labels keep off, such as the fitted line.
    init(points: [(x: Double, y: Double)], labels: [String], frame: Box, avoiding lines: [(x1: Double, y1: Double, x2: Double, y2: Double)] = []) {
        self.lines = lines
        let markers = points.map { Box(left: $0.x - Self.markerRadius, top: $0.y - Self.markerRadius,
                                       right: $0.x + Self.markerRadius, bottom: $0.y + Self.markerRadius) }
        // Most crowded first: a point with many neighbours has the fewest free places.
        let neighbours = points.map { point in
            points.filter { other in
                let (dx, dy) = (other.x - point.x, other.y - point.y)
                return dx * dx + dy * dy < 60 * 60
            }.count
        }
        let order = points.indices.sorted { neighbours[$0] != neighbours[$1] ? neighbours[$0] > neighbours[$1] : $0 < $1 }

        var failed: [Int] = []
        for index in order {
            let (shown, full) = Label.fit(labels[index], width: Self.labelWidth)
            if let label = place(shown, full: full, point: index, at: points[index], markers: markers, frame: frame, isNumber: false) {
                placed.append(label)
            } else {
                failed.append(index)
            }
        }
        for (offset, index) in failed.sorted().enumerated() {
            let number = offset + 1
            numbered.append((index, number))
            if let label = place(String(number), full: nil, point: index, at: points[index], markers: markers, frame: frame, isNumber: true) {
                placed.append(label)
            } else {
                unplaced.append(index)
            }
        }
        numbered.removeAll { unplaced.contains($0.point) }
        // Renumber, so the numbers drawn run 1… with no gaps.
        numbered = numbered.enumerated().map { ($0.element.point, $0.offset + 1) }
        let numbers = Dictionary(uniqueKeysWithValues: numbered.map { ($0.point, $0.number) })
        placed = placed.map { label in
            guard label.isNumber, let number = numbers[label.point], String(number) != label.text else { return label }
            // A shorter number fits wherever the longer one did, anchored at the same x.
            let width = Double(String(number).count) * Label.characterWidth
            let left = label.anchor == "start" ? label.x : label.anchor == "end" ? label.x - width : label.x - width / 2
            let box = Box(left: left, top: label.box.top, right: left + width, bottom: label.box.bottom)
            return Placed(point: label.point, text: String(number), full: nil, x: label.x, y: label.y, anchor: label.anchor, box: box,
                          leader: label.leader, isNumber: true)
        }
        unplaced.sort()
    }

    /// The first free place for `text` beside the point, or nil: clear of the lines to
    /// avoid if any place is, and otherwise across them, since a name over a dashed line
    /// reads better than a number.
    private func place(_ text: String, full: String?, point index: Int, at point: (x: Double, y: Double), markers: [Box], frame: Box,
                       isNumber: Bool) -> Placed? {
        for avoidingLines in [true, false] where avoidingLines || !lines.isEmpty {
            if let found = place(text, full: full, point: index, at: point, markers: markers, frame: frame, isNumber: isNumber,
                                 avoidingLines: avoidingLines) {
                return found
            }
        }
        return nil
    }

    private func place(_ text: String, full: String?, point index: Int, at point: (x: Double, y: Double), markers: [Box], frame: Box,
                       isNumber: Bool, avoidingLines: Bool) -> Placed? {
        let width = Double(text.count) * Label.characterWidth, height = Self.ascent + Self.descent
        for (ring, distance) in Self.distances.enumerated() {
            for (dx, dy) in Self.directions {
                // A diagonal's corner sits as far from the point as a side's edge does.
                let (along, across) = dx != 0 && dy != 0 ? (distance * 0.75, distance * 0.75) : (distance, distance)
                var left = dx > 0 ? point.x + along : dx < 0 ? point.x - along - width : point.x - width / 2
                var top = dy > 0 ? point.y + across : dy < 0 ? point.y - across - height : point.y - height / 2
                // A label beside a point at the plot's edge slides along it to stay inside,
                // as long as it still faces its point.
                if dy == 0 { top = min(max(top, frame.top), frame.bottom - height, point.y) }
                if dy == 0 { top = max(top, point.y - height) }
                if dx == 0 { left = max(min(max(left, frame.left), frame.right - width), point.x - width) }
                if dx == 0 { left = min(left, point.x) }
                let box = Box(left: left, top: top, right: left + width, bottom: top + height)
                guard frame.contains(box), isFree(box, of: index, markers: markers, avoidingLines: avoidingLines) else { continue }
                var leader: (Double, Double, Double, Double)?
                if ring > 0 {
                    // From the marker's edge towards the nearest point of the label.
                    let tx = min(max(point.x, box.left), box.right), ty = min(max(point.y, box.top), box.bottom)
                    let length = ((tx - point.x) * (tx - point.x) + (ty - point.y) * (ty - point.y)).squareRoot()
                    let start = (point.x + (tx - point.x) / length * Self.markerRadius, point.y + (ty - point.y) / length * Self.markerRadius)
                    guard leaderIsClear(from: start, to: (tx, ty), markers: markers, except: index) else { continue }
                    leader = (start.0, start.1, tx, ty)
                }
                let (x, anchor) = dx > 0 ? (box.left, "start") : dx < 0 ? (box.right, "end")
                    : left == point.x - width / 2 ? (left + width / 2, "middle") : left > point.x - width / 2 ? (box.left, "start") : (box.right, "end")
                return Placed(point: index, text: text, full: full, x: x, y: top + Self.ascent, anchor: anchor, box: box, leader: leader,
                              isNumber: isNumber)
            }
        }
        return nil
    }

    /// Clear of every marker (its own point's by a hair, the rest by `gap`), every label
    /// placed, every leader line drawn and the lines to avoid.
    private func isFree(_ box: Box, of index: Int, markers: [Box], avoidingLines: Bool) -> Bool {
        let padded = Box(left: box.left - Self.gap, top: box.top - Self.gap, right: box.right + Self.gap, bottom: box.bottom + Self.gap)
        return !markers.indices.contains { markers[$0].intersects(box, gap: $0 == index ? 0 : Self.gap) }
            && !(avoidingLines && lines.contains { Self.crosses(padded, $0) })
            && !placed.contains { $0.box.intersects(box, gap: Self.gap) }
            && !placed.contains { label in label.leader.map { Self.crosses(box, $0) } ?? false }
    }

    /// A leader line that crosses no label placed and no other team's marker.
    private func leaderIsClear(from start: (Double, Double), to end: (Double, Double), markers: [Box], except index: Int) -> Bool {
        let line = (start.0, start.1, end.0, end.1)
        return !placed.contains { Self.crosses($0.box, line) }
            && !markers.indices.contains { $0 != index && Self.crosses(markers[$0], line) }
    }

    /// Whether a line segment passes through a box, checked at points 1 unit apart: ample
    /// for lines a few dozen units long and boxes several units across.
    static func crosses(_ box: Box, _ line: (x1: Double, y1: Double, x2: Double, y2: Double)) -> Bool {
        let length = ((line.x2 - line.x1) * (line.x2 - line.x1) + (line.y2 - line.y1) * (line.y2 - line.y1)).squareRoot()
        let steps = max(1, Int(length.rounded(.up)))
        return (0...steps).contains { step in
            let t = Double(step) / Double(steps)
            return box.contains(x: line.x1 + (line.x2 - line.x1) * t, y: line.y1 + (line.y2 - line.y1) * t)
        }
    }
}
