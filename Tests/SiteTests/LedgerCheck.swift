import Analysis
import Foundation
import TestSupport
@testable import Site

/// Reads every number in a built site and looks each one up in the report's
/// `PublicationLedger`, or places it in a named, narrow structural class. What is left is
/// a number the ledger does not hold: a leak, or an output the ledger does not yet know.
///
/// Numbers are tokens of digits (with `.` and `,` between digits), read with a sign
/// (`+`, `−`, `-`) before them and a compact suffix (`k`, `M`, `B`) after. `2026-Q3` is one
/// token, a quarter, and `2026-10-15` one token, a date. A token maps to the ledger by its
/// text as the site writes it, and its context chooses which kinds it may be:
/// `n = 12` only an `n`, `18 people` a headcount or a threshold, a signed token a change
/// or a (negative) value, a percentage a value or the catalog's, a quarter a quarter (or
/// one an author typed). Any other token may be any kind but a change.
///
/// The structural classes, each as narrow as the markup allows:
/// - **stylesheet**: numbers inside `<style>` and in `assets/style.css`.
/// - **markup names**: digits in `class`, `id`, `aria-labelledby` and `aria-describedby`
///   values (`s1`, `part-2`, `heat-good-3`, `chart-4`), and the SVG namespace.
/// - **link paths**: in `href`, a quarter (which must be in the ledger) or a chart's
///   ordinal in its file name (`chart-3-bar-cycle_time.svg`); nothing else.
/// - **page chrome**: `charset="utf-8"` and the viewport's `initial-scale=1`.
/// - **axis ticks**: a `text.tick` label in a chart's `g.value-axis`, when the axis's
///   labels step evenly (the nice scale drawn around shown values).
/// - **interval level**: the `95` of `95% interval`.
/// - **correlation**: `r = 0.45, 95% interval −0.21 to 0.82` in a scatter's caveat and
///   description and on the usage page, when ChartReader finds it is the r (and interval)
///   of the points as shown.
/// - **rule id**: `D101`…`D199`, a report check's name.
/// - **manifest**: in the marker (`.discern-site`), after its fixed heading, the size and
///   hash on each file's line; the path after them is read as a link path, but for the
///   404 page's name.
///
/// Chart coordinates are not looked up as text. In a chart that `ChartReader.check`
/// reads without a problem (every mark where its shown value falls, those values being
/// text tokens checked above), a coordinate is:
/// - **mark**: `x`/`width` of a `rect.bar`, `cx`/`cy`/`x`/`y`/`r` of a `.marker`, `d` of
///   a `path.line`, the ends of `line.target`, `line.fit`, `line.slope`, `line.previous`,
///   `rect.range`, `rect.value` and the `x`/`width` of `rect.part-N`, the `d` of a
///   `path.ci-band` and the ends of a `line.whisker` (read against the 95% interval its
///   title or its points' titles state): all read by ChartReader against shown values;
/// - **layout**: the frame (`svg` `viewBox`/`width`/`height`, `rect.background`), tick
///   and axis lines in `g.value-axis` and `line.axis`/`line.grid`/`line.baseline`, and the
///   positions of text and of cells laid out in bands (`text.label`, `text.value`,
///   `text.note`, `text.caveat`, `text.tick`, `text.in-bar`, `text.in-cell`, `rect.band`,
///   `rect.heat-*`, legend swatches, `y`/`height` of bars and parts), plus presentation
///   attributes (`stroke-width`, `stroke-dasharray`). A value label's position follows its
///   mark's end, which is itself read; a scatter's point labels, numbers and leader lines
///   (`text.point-number`, `line.leader`) and its key (`text.key`) are placed from the
///   markers' drawn positions and the labels' lengths. Any other coordinate is reported.
/// - **point number**: the text of a `text.point-number`, a scatter's numbered point and
///   its entry in the key: 1 to the number of the chart's markers.
struct LedgerCheck {
    let ledger: PublicationLedger
    let shown: ShownValues
    /// Tokens placed, by class: `ledger:value`, `layout`, `stylesheet`, …
    private(set) var counts: [String: Int] = [:]
    /// `file: token in “context”`, for every number with no place.
    private(set) var problems: [String] = []
    private(set) var files = 0

    init(ledger: PublicationLedger, shown: ShownValues) {
        self.ledger = ledger
        self.shown = shown
    }

    /// Reads one file of the site.
    mutating func check(_ path: String, _ text: String) {
        files += 1
        if path.hasSuffix(".html") {
            checkHTML(path, text)
        } else if path.hasSuffix(".svg") {
            checkSVG(path, text)
        } else if path.hasSuffix(".csv") {
            for (row, line) in text.components(separatedBy: "\r\n").enumerated() {
                for cell in Self.cells(line) { checkText(path, cell, context: "row \(row + 1): \(cell)") }
            }
        } else if path.hasSuffix(".css") {
            place("stylesheet", Self.tokens(in: text).count)
        } else if path == OutputFolder.marker {
            checkManifest(path, text)
        } else {
            checkText(path, text, context: "file")
        }
    }

    // MARK: Tokens

    struct Token {
        var text: String
        var range: Range<String.Index>
        var isPeriod = false
        var isDate = false
        var signed: Bool { text.hasPrefix("+") || text.hasPrefix("−") || text.hasPrefix("-") }
    }

    static let pattern = try! NSRegularExpression(pattern: #"\d{4}-Q\d|\d{4}-\d{2}-\d{2}|[+−-]?\d(?:[\d]|[.,]\d)*[kMB]?"#)

    /// Every number token in a text.
    static func tokens(in text: String) -> [Token] {
        pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let range = Range(match.range, in: text) else { return nil }
            var token = Token(text: String(text[range]), range: range)
            token.isPeriod = token.text.contains("-Q")
            token.isDate = !token.isPeriod && token.text.count == 10 && token.text.dropFirst(4).first == "-"
            // A hyphen glued to a word is not a minus (`level-2`); nor a compact suffix
            // glued to a word (`3 Months`).
            if token.text.hasPrefix("-"), range.lowerBound > text.startIndex,
               text[text.index(before: range.lowerBound)].isLetter || text[text.index(before: range.lowerBound)].isNumber {
                token.text.removeFirst()
                token.range = text.index(after: range.lowerBound)..<range.upperBound
            }
            if let last = token.text.last, "kMB".contains(last), token.range.upperBound < text.endIndex,
               text[token.range.upperBound].isLetter {
                token.text.removeLast()
            }
            return token
        }
    }

    /// The text before a token and after it, for reading its context: sixteen characters
    /// before (the longest context a kind is told by is "restated from "), twelve after.
    static func around(_ text: String, _ token: Token) -> (before: Substring, after: Substring) {
        (text[..<token.range.lowerBound].suffix(24), text[token.range.upperBound...].prefix(12))
    }

    mutating func place(_ what: String, _ count: Int = 1) { counts[what, default: 0] += count }

    mutating func problem(_ path: String, _ token: String, _ context: String) {
        problems.append("\(path): \(token) in “\(context.prefix(160))”")
    }

    /// Looks up every number in a run of text a reader sees.
    mutating func checkText(_ path: String, _ text: String, context: String, correlations: Set<String> = []) {
        for token in Self.tokens(in: text) {
            let (before, after) = Self.around(text, token)
            if let kind = lookUp(token, before: before, after: after, correlations: correlations) {
                place(kind)
            } else {
                problem(path, token.text, context)
            }
        }
    }

    /// The class a token falls in, or nil when the ledger does not hold it.
    func lookUp(_ token: Token, before: Substring, after: Substring, correlations: Set<String>) -> String? {
        let entries = ledger.entries(writtenAs: token.text)
        func kind(_ allowed: Set<PublicationLedger.Kind>) -> String? {
            entries.first { allowed.contains($0.kind) }.map { "ledger:\($0.kind.rawValue)" }
        }
        if token.isPeriod { return kind([.period, .narrative, .settings]) }
        if token.isDate { return kind([.date, .narrative, .settings]) }
        // The level of every interval Discern draws or states: `95% interval`.
        if token.text == "95", after.hasPrefix("% interval ") { return "interval level" }
        if before.hasSuffix("r = ") || before.hasSuffix("r = −") { return correlations.contains(token.text) ? "correlation" : nil }
        // An interval's ends: a scatter's r (`95% interval 0.35 to 0.95`), or a shown value's
        // (`32% (95% interval 25% to 40%)`, `band` and `whisker` titles), which the ledger holds
        // (`before` is the 24 characters before the token, enough for `interval −0.94 to −`).
        if before.hasSuffix("95% interval ") || before.hasSuffix("95% interval −") {
            return correlations.contains(token.text) ? "correlation" : kind([.interval])
        }
        if before.hasSuffix(" to ") || before.hasSuffix(" to −"), before.contains("interval ") {
            if correlations.contains(token.text) { return "correlation" }
            if let interval = kind([.interval]) { return interval }
        }
        if before.hasSuffix("D"), token.text.count == 3, token.text.hasPrefix("1") { return "rule id" }
        if before.hasSuffix("n = ") { return kind([.n]) }
        if before.hasSuffix("restated from ") || before.hasSuffix("released as ") { return kind([.released]) }
        if after.hasPrefix(" people") || after.hasPrefix(")") && before.hasSuffix("fewer than ") {
            return kind([.headcount, .threshold])
        }
        if token.signed { return kind([.change, .value, .narrative, .settings]) }
        // A percentage is a value, an interval's end (a chart CSV's `ci_low`), a target or
        // range, or typed: never a count.
        if after.hasPrefix("%") || after.hasPrefix(" pt") { return kind([.value, .interval, .catalog, .narrative, .settings]) }
        return kind(Set(PublicationLedger.Kind.allCases).subtracting([.change, .released]))
    }

    // MARK: HTML

    /// Walks a page as tags and text: inline SVG is read as a chart, `<style>` as the
    /// stylesheet, attributes and text nodes as text.
    mutating func checkHTML(_ path: String, _ html: String) {
        // A page states the r of its scatters in its own words too.
        let correlations = html.components(separatedBy: "<svg ").dropFirst()
            .compactMap { ChartReader(svg: "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>") }
            .reduce(into: Set<String>()) { $0.formUnion(Self.correlations($1)) }
        var rest = Substring(html)
        var chart = 0
        while let open = rest.firstIndex(of: "<") {
            checkText(path, Self.decoded(String(rest[..<open])), context: String(rest[..<open]), correlations: correlations)
            rest = rest[open...]
            if rest.hasPrefix("<svg ") {
                let end = rest.range(of: "</svg>")!.upperBound
                chart += 1
                checkSVG("\(path) #\(chart)", String(rest[..<end]))
                rest = rest[end...]
            } else if rest.hasPrefix("<style") {
                let end = rest.range(of: "</style>")!.upperBound
                place("stylesheet", Self.tokens(in: String(rest[..<end])).count)
                rest = rest[end...]
            } else if rest.hasPrefix("<!--") {
                let end = rest.range(of: "-->")!.upperBound
                checkText(path, String(rest[..<end]), context: String(rest[..<end]))
                rest = rest[end...]
            } else {
                let end = rest.firstIndex(of: ">").map { rest.index(after: $0) } ?? rest.endIndex
                let tag = String(rest[..<end])
                for (name, value) in Self.attributes(tag) { checkAttribute(path, name, Self.decoded(value), tag: tag) }
                rest = rest[end...]
            }
        }
        checkText(path, Self.decoded(String(rest)), context: String(rest))
    }

    static let attributePattern = try! NSRegularExpression(pattern: #"([a-zA-Z:-]+)="([^"]*)""#)

    static func attributes(_ tag: String) -> [(String, String)] {
        attributePattern.matches(in: tag, range: NSRange(tag.startIndex..., in: tag)).map { match in
            (String(tag[Range(match.range(at: 1), in: tag)!]), String(tag[Range(match.range(at: 2), in: tag)!]))
        }
    }

    static func decoded(_ text: String) -> String {
        var text = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// An attribute of an HTML element (outside charts).
    mutating func checkAttribute(_ path: String, _ name: String, _ value: String, tag: String) {
        let tokens = Self.tokens(in: value)
        guard !tokens.isEmpty else { return }
        switch name {
        case "class", "id", "aria-labelledby", "aria-describedby":
            place("markup names", tokens.count)
        case "href":
            checkLink(path, value)
        case "charset" where value == "utf-8", "content" where value == "width=device-width, initial-scale=1":
            place("page chrome", tokens.count)
        default:
            checkText(path, value, context: tag)
        }
    }

    static let chartFile = try! NSRegularExpression(pattern: #"(?:^|/)chart-\d+-(line|bar|bullet|slope|scatter|stacked|heatmap|sparkline)-"#)

    /// A link: quarters in it are looked up, a chart file's ordinal is a name, and the
    /// numbers in a link an author wrote in a narrative are theirs.
    mutating func checkLink(_ path: String, _ href: String) {
        let ordinals = Self.chartFile.matches(in: href, range: NSRange(href.startIndex..., in: href)).compactMap { Range($0.range, in: href) }
        for token in Self.tokens(in: href) {
            if token.isPeriod, !ledger.entries(writtenAs: token.text).isEmpty {
                place("link paths")
            } else if !token.isPeriod, ordinals.contains(where: { $0.contains(token.range.lowerBound) }) {
                place("link paths")
            } else if ledger.entries(writtenAs: token.text).contains(where: { $0.kind == .narrative && !token.isPeriod }) {
                place("ledger:narrative")
            } else {
                problem(path, token.text, href)
            }
        }
    }

    /// The marker's manifest: a line per file of the site, its size and hash, then its
    /// path, whose numbers are read as a link's.
    mutating func checkManifest(_ path: String, _ text: String) {
        guard text.hasPrefix(SiteManifest.heading) else { return problem(path, "no heading", String(text.prefix(80))) }
        for line in text.dropFirst(SiteManifest.heading.count).split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 2)
            guard fields.count == 3, fields[0].allSatisfy(\.isASCII), fields[0].allSatisfy(\.isNumber),
                  fields[1].count == 16, fields[1].allSatisfy(\.isHexDigit) else {
                problem(path, "a line not of a file", String(line))
                continue
            }
            place("manifest", 2)
            if fields[2] == "404.html" { place("manifest") } else { checkLink(path, String(fields[2])) }
        }
    }

    // MARK: Charts

    static let coordinates: Set<String> = ["x", "y", "cx", "cy", "x1", "x2", "y1", "y2", "width", "height", "r", "d", "points",
                                           "transform", "viewBox"]
    /// Elements whose coordinates place a value, with the coordinates ChartReader reads.
    static let marks: [String: Set<String>] = [
        "rect.bar": ["x", "width"], "circle.marker": ["cx", "cy", "r"], "rect.marker": ["x", "y", "width", "height"],
        "path.line": ["d"], "line.target": ["x1", "x2", "y1", "y2"], "line.fit": ["x1", "x2", "y1", "y2"],
        "line.slope": ["x1", "x2", "y1", "y2"], "line.previous": ["x1", "x2", "y1", "y2"], "rect.range": ["x", "width"],
        "rect.value": ["x", "width"], "rect.part": ["x", "width"], "path.ci-band": ["d"], "line.whisker": ["x1", "x2"],
    ]
    /// Elements placed by the frame, the axes or the bands, never by a value.
    static let layout: Set<String> = [
        "svg", "rect.background", "line.axis", "line.grid", "line.baseline", "text.tick", "text.label", "text.value",
        "text.note", "text.caveat", "text.in-bar", "text.in-cell", "text.legend", "rect.band", "rect.heat", "rect.bar",
        "rect.part", "rect.range", "rect.value", "line.target", "line.previous", "text", "line.leader", "text.point-number",
        "text.key", "line.whisker",
    ]

    /// An element's name and its first class, with a numbered class's number dropped:
    /// `rect.part`, `rect.heat`, `circle.marker`.
    static func kind(of node: XMLTree) -> String {
        guard node.name != "svg", let first = node.classes.first else { return node.name }
        if first.hasPrefix("part-") { return node.name + ".part" }
        if first.hasPrefix("heat-") { return node.name + ".heat" }
        return node.name + "." + first
    }

    /// A chart: its marks read by ChartReader, its texts looked up, its coordinates
    /// classed as mark or layout.
    mutating func checkSVG(_ place: String, _ svg: String) {
        guard let chart = ChartReader(svg: svg) else { return problems.append("\(place): not well-formed SVG") }
        let findings = chart.check(shown)
        problems += findings.problems.map { "\(place): \($0)" }
        let correlations = Self.correlations(chart)
        var tickTexts: Set<String> = []
        for axis in chart.root.all where axis.name == "g" && axis.classes.contains("value-axis") {
            let ticks = axis.children.filter { $0.name == "text" }.map(\.text)
            let values = ticks.compactMap(ChartReader.number(in:))
            let steps = zip(values.dropFirst(), values).map { $0 - $1 }
            if values.count == ticks.count, steps.allSatisfy({ abs($0 - steps[0]) < 1e-9 * max(1, abs(steps[0])) }) {
                tickTexts.formUnion(ticks)
            }
        }
        walk(chart.root, in: place, chart: chart, ticks: tickTexts, correlations: correlations)
    }

    /// The r a scatter's caveat states, which `ChartReader.check` holds to the r of the
    /// points as shown.
    static func correlations(_ chart: ChartReader) -> Set<String> {
        Set(chart.marks("text", class: "caveat").flatMap { node -> [String] in
            let text = node.title ?? node.text
            guard text.hasPrefix("r = ") else { return [] }
            // `r = 0.80, 95% interval 0.35 to 0.95: …`: r and the interval's two ends, unsigned.
            let quoted = text.dropFirst(4).prefix { $0 != ":" }
            return quoted.replacingOccurrences(of: ", 95% interval ", with: " ").replacingOccurrences(of: " to ", with: " ")
                .split(separator: " ").map { String($0.drop { $0 == "−" }) }
        })
    }

    /// Whether a point-shaped marker (`path.marker`, a triangle or diamond for a series
    /// after the first) sits on a point of a series' line that ChartReader reads: its
    /// bounding box's centre within 3 px of it.
    static func onLine(_ node: XMLTree, _ chart: ChartReader) -> Bool {
        let numbers = (node["d"] ?? "").split(whereSeparator: { !$0.isNumber && $0 != "." }).compactMap { Double($0) }
        guard numbers.count >= 4, numbers.count % 2 == 0 else { return false }
        let xs = stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }, ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
        let (x, y) = ((xs.min()! + xs.max()!) / 2, (ys.min()! + ys.max()!) / 2)
        return chart.linePoints.contains { abs($0.x - x) <= 0.1 && abs($0.y - y) <= 3 }
    }

    private mutating func walk(_ node: XMLTree, in place: String, chart: ChartReader, ticks: Set<String>, correlations: Set<String>) {
        let kind = Self.kind(of: node)
        if node.name == "style" {
            self.place("stylesheet", Self.tokens(in: node.text).count)
            return
        }
        for (name, value) in node.attributes.sorted(by: { $0.key < $1.key }) {
            let tokens = Self.tokens(in: value)
            guard !tokens.isEmpty else { continue }
            if Self.coordinates.contains(name) {
                if Self.marks[kind]?.contains(name) == true || kind == "path.marker" && name == "d" && Self.onLine(node, chart) {
                    self.place("chart mark", tokens.count)
                } else if Self.layout.contains(kind) {
                    self.place("chart layout", tokens.count)
                } else {
                    problem(place, value, "\(name) of \(kind)")
                }
            } else if ["class", "id", "aria-labelledby", "aria-describedby"].contains(name) || name == "xmlns" {
                self.place("markup names", tokens.count)
            } else if ["stroke-width", "stroke-dasharray"].contains(name) {
                self.place("chart layout", tokens.count)
            } else {
                checkText(place, value, context: "\(name) of \(kind)", correlations: correlations)
            }
        }
        if !node.text.isEmpty {
            if kind == "text.tick", ticks.contains(node.text) {
                self.place("axis ticks", Self.tokens(in: node.text).count)
            } else if kind == "text.point-number", let number = Int(node.text), number >= 1, number <= chart.marks("circle", class: "marker").count {
                self.place("point number")
            } else {
                checkText(place, node.text, context: "\(kind): \(node.text)", correlations: correlations)
            }
        }
        for child in node.children { walk(child, in: place, chart: chart, ticks: ticks, correlations: correlations) }
    }

    // MARK: CSV

    /// The cells of one CSV line, quotes removed.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var previous: Character?
        for character in line {
            if character == "\"" {
                if quoted, previous == "\"" { cell.append("\"") }
                quoted.toggle()
            } else if character == ",", !quoted {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(character)
            }
            previous = character
        }
        return cells + [cell]
    }
}
