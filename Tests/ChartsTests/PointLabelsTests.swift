import Testing
import TestSupport
@testable import Charts

/// A scatter's labels stay readable: over many random point sets, no two labels overlap,
/// none covers a marker or leaves the plot, every team is named on the chart or in the
/// key, and the same points always give the same picture.
@Suite("Scatter labels: placed apart, inside the frame")
struct PointLabelsTests {
    static let names = ["API Platform", "Infrastructure & Reliability", "Checkout Web", "Mobile App", "Merchant Portal",
                        "Growth Engineering", "Frontline Support", "Technical Support", "Merchant Onboarding Support",
                        "Sales Operations", "Data", "Search", "QA", "Billing & Invoicing", "Identity", "<script>&\"x\""]

    /// Points spread out, bunched into a corner, or along a line; names short and long.
    static func randomPoints(_ random: inout SplitMix64) -> [ScatterChart.Point] {
        let count = Int.random(in: 1...ScatterChart.mostLabelled, using: &random)
        let shape = Int.random(in: 0..<3, using: &random)
        return (0..<count).map { index in
            let u = Double.random(in: 0...1, using: &random), v = Double.random(in: 0...1, using: &random)
            let (x, y): (Double, Double) = switch shape {
            case 0: (u * 100, v * 10)
            case 1: (90 + u * 2, 9 + v * 0.3)
            default: (u * 100, u * 5 + v * 0.5)
            }
            let name = names[Int.random(in: 0..<names.count, using: &random)] + (Bool.random(using: &random) ? "" : " \(index)")
            return ScatterChart.Point(label: name, x: (x * 10).rounded() / 10, y: (y * 10).rounded() / 10)
        }
    }

    @Test("random point sets: no two labels overlap, none leaves the plot or covers a point, and every team is named")
    func randomPointSets() throws {
        var random = SplitMix64(seed: 0x5CA77E2)
        var labelled = 0, numbered = 0, unplaced = 0
        for round in 0..<400 {
            let points = Self.randomPoints(&random)
            let chart = ScatterChart(title: "T", xName: "x", yName: "y", points: points).draw()
            let svg = chart.svg(id: "p")
            let check = try #require(ScatterLabelCheck(svg: svg), "round \(round)")
            #expect(check.problems.isEmpty, "round \(round): \(check.problems.prefix(5))")
            // Every team is named once: by its label, or in the key (with a number beside
            // its point, or with its values when not even a number fits).
            let names = check.labels.count - check.numbers
            #expect(names + check.key.count == points.count, "round \(round): \(names) labels and \(check.key.count) key entries for \(points.count) teams")
            #expect(check.numbers <= check.key.count, "round \(round)")
            // Deterministic: the same points give the same SVG.
            #expect(ScatterChart(title: "T", xName: "x", yName: "y", points: points).draw().svg(id: "p") == svg, "round \(round)")
            labelled += names
            numbered += check.numbers
            unplaced += check.key.count - check.numbers
        }
        // The sets are hard enough that every fallback is used.
        #expect(labelled > 1_000)
        #expect(numbered > 20, "numbered points: \(numbered)")
        print("scatter labels: \(labelled) labelled, \(numbered) numbered, \(unplaced) named only in the key")
    }

    @Test("the placement itself: boxes apart and inside the frame, markers clear, numbers 1… for the points that have them")
    func placement() {
        var random = SplitMix64(seed: 0xB0C5)
        let frame = PointLabels.Box(left: 64, top: 30, right: 600, bottom: 272)
        for round in 0..<400 {
            let count = Int.random(in: 1...15, using: &random)
            let spread = [536.0, 120, 30][round % 3]
            let points = (0..<count).map { _ in
                (x: 64 + Double.random(in: 0...spread, using: &random), y: 30 + Double.random(in: 0...min(spread, 242), using: &random))
            }
            let labels = (0..<count).map { _ in Self.names[Int.random(in: 0..<Self.names.count, using: &random)] }
            let layout = PointLabels(points: points, labels: labels, frame: frame)
            for (index, label) in layout.placed.enumerated() {
                #expect(frame.contains(label.box), "round \(round): \(label.box)")
                for other in layout.placed[(index + 1)...] {
                    #expect(!label.box.intersects(other.box), "round \(round): \(label.text) and \(other.text)")
                }
                for point in points {
                    let marker = PointLabels.Box(left: point.x - 4, top: point.y - 4, right: point.x + 4, bottom: point.y + 4)
                    #expect(!label.box.intersects(marker), "round \(round): \(label.text) covers a point")
                }
            }
            // Each point is labelled, numbered or named in the key, exactly once.
            let labelledPoints = layout.placed.filter { !$0.isNumber }.map(\.point)
            let numberedPoints = layout.numbered.map(\.point)
            #expect((labelledPoints + numberedPoints + layout.unplaced).sorted() == Array(0..<count), "round \(round)")
            #expect(layout.numbered.map(\.number) == layout.numbered.indices.map { $0 + 1 }, "round \(round): numbers run 1… with no gaps")
            for (point, number) in layout.numbered {
                #expect(layout.placed.contains { $0.isNumber && $0.point == point && $0.text == String(number) }, "round \(round)")
            }
        }
    }

    /// The sample's 2026-Q3 values on its usage-and-outcomes page (`site/usage-vs-outcomes`'s
    /// CSV files): Growth Engineering and Checkout Web overlapped at 91% and 94%, and the
    /// rightmost labels ran past the plot.
    @Test("the sample's usage-and-outcomes charts: every team labelled in full, apart and inside the plot")
    func samplePage() throws {
        let teams = ["API Platform", "Infrastructure & Reliability", "Checkout Web", "Mobile App", "Merchant Portal", "Growth Engineering"]
        let usage: [Double] = [88, 79, 94, 90, 85, 91]
        let support = ["Frontline Support", "Technical Support", "Merchant Onboarding Support"]
        let charts: [(String, [ScatterChart.Point])] = [
            ("change lead time", zip(teams, zip(usage, [2.3, 2.0, 2.6, 4.0, 2.7, 2.7])).map { .init(label: $0, x: $1.0, y: $1.1) }),
            ("merged PRs", zip(teams, zip(usage, [3.6, 2.7, 4.5, 2.9, 3.2, 3.5])).map { .init(label: $0, x: $1.0, y: $1.1) }),
            ("time on new capabilities", zip(teams, zip(usage, [51, 41, 50, 45, 55, 50])).map { .init(label: $0, x: $1.0, y: $1.1) }),
            ("issues resolved", zip(support, zip([86, 80, 82], [2.72, 1.54, 2.22])).map { .init(label: $0, x: $1.0, y: $1.1) }),
            ("customer satisfaction", zip(support, zip([86, 80, 82], [84.1, 86.6, 81.8])).map { .init(label: $0, x: $1.0, y: $1.1) }),
        ]
        for (name, points) in charts {
            let svg = ScatterChart(title: name, xName: "Weekly active users", yName: name, points: points).draw().svg(id: "s")
            let check = try #require(ScatterLabelCheck(svg: svg))
            #expect(check.problems.isEmpty, "\(name): \(check.problems)")
            #expect(check.key.isEmpty, "\(name): a key of \(check.key)")
            #expect(check.labels.count == points.count, "\(name)")
        }
    }

    @Test("a label is user text: it is escaped wherever it goes, beside its point or in the key")
    func escaping() throws {
        // Fifteen points on one spot: most fall back to numbers and the key.
        let attack = "<script>alert(1)</script>\"&"
        let points = (0..<15).map { ScatterChart.Point(label: attack + String($0), x: 50, y: 5) }
        let svg = ScatterChart(title: "T", xName: "x", yName: "y", points: points).draw().svg(id: "e", standalone: true)
        #expect(!svg.contains("<script"))
        #expect(XMLCheck.isWellFormed(svg))
        let check = try #require(ScatterLabelCheck(svg: svg))
        #expect(check.problems.isEmpty, "\(check.problems)")
        #expect(!check.key.isEmpty)
    }

    @Test("the key lists only teams drawn: a team without both values is neither labelled nor keyed")
    func keyListsOnlyTeamsShown() throws {
        var points = (0..<15).map { ScatterChart.Point(label: "Team \($0)", x: 50 + Double($0 % 2) * 0.1, y: 5) }
        points.append(.init(label: "Hidden team", x: .nan, y: 5))
        let svg = ScatterChart(title: "T", xName: "x", yName: "y", points: points).draw().svg(id: "k")
        let check = try #require(ScatterLabelCheck(svg: svg))
        #expect(!svg.contains("Hidden team"))
        #expect(!check.key.isEmpty)
        #expect(Set(check.key.map { $0.components(separatedBy: ":")[0] }).isSubset(of: Set((0..<15).map { "Team \($0)" })))
    }
}
