import Formatting
@testable import Charts

/// One chart of every type, plus degenerate data, for goldens and properties.
enum ChartSamples {
    static let quarters = ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
    // Plain labels with an ASCII minus, as the goldens were drawn (`fixed` once wrote a
    // negative whole number that way); the site's labels come from `ValueFormatter`.
    static let days = ValueLabels(value: { DecimalText.signed($0, decimals: 1, minus: "-") + " days" })
    static let percent = ValueLabels(value: { DecimalText.signed($0, decimals: 0, minus: "-") + "%" }, tick: TickUnit(isPercent: true))

    static var all: [String: Chart] {
        [
            "line": LineChart.draw(title: "Cycle time", periods: quarters, series: [
                .init(name: "Platform", values: [6.1, 5.4, nil, 4.6, 4.2]),
                .init(name: "Engineering", values: [5.5, 5.3, 5.0, 4.9, 4.8]),
            ], target: 4, baseline: 0, labels: days),
            "bar": BarChart.draw(title: "Change failure rate, 2026-Q3", bars: [
                .init(label: "Checkout Web", value: 19.3, tone: .bad, direction: .up), .init(label: "API Platform", value: 11.2, tone: .good, direction: .down),
                .init(label: "Mobile App", value: -2, tone: .good, direction: .down),
            ], labels: percent),
            // Survey shares with their published 95% intervals: a band over a run of two
            // quarters and one lone quarter, none where n is hidden; whiskers on two bars.
            "line-band": LineChart.draw(title: "Trust", periods: quarters, series: [
                .init(name: "Platform", values: [60, 64, nil, 70, 72], intervals: [.init(low: 45, high: 73), .init(low: 49, high: 77), nil, nil, .init(low: 58, high: 83)]),
                .init(name: "Engineering", values: [58, 61, 63, 66, 68]),
            ], target: 75, labels: percent),
            "bar-whisker": BarChart.draw(title: "Trust, 2026-Q3", bars: [
                .init(label: "Checkout Web", value: 72, tone: .good, direction: .up, interval: .init(low: 58, high: 83)),
                .init(label: "API Platform", value: 55, tone: .bad, direction: .down, interval: .init(low: 35, high: 73)),
                .init(label: "Engineering", value: 64, tone: .neutral, direction: .level),
            ], labels: percent),
            "stacked": StackedChart.draw(title: "Delegation fluency", partNames: ["Novice", "Developing", "Fluent"], rows: [
                .init(label: "Platform", parts: [3, 7, 4]), .init(label: "Support", parts: [6, 10, 2]),
            ]),
            "sparkline": Sparkline.draw(title: "Cycle time", periods: quarters, values: [6.1, 5.4, nil, 4.6, 4.2], labels: days),
            "scatter": ScatterChart(title: "Usage and cycle time", xName: "Weekly active users", yName: "Cycle time", points: scatterTeams,
                                    xLabels: percent, yLabels: days).draw(),
            "bullet": BulletChart.draw(title: "CSAT", value: 84.3, target: 85, previous: 84.1, tone: .good, labels: percent),
            "slope": SlopeChart.draw(title: "Rework", beforeLabel: "2025-Q2", afterLabel: "2026-Q3", items: [
                .init(label: "Checkout Web", before: 8, after: 14.6, tone: .bad), .init(label: "Merchant Portal", before: 9, after: 6, tone: .good),
            ], labels: percent),
            "heatmap": Heatmap.draw(title: "Change from baseline", rowNames: ["Platform", "Product"], columnNames: ["Cycle time", "CSAT"], cells: [
                [.init(text: "4.2 days", score: 0.8, direction: .down), .init(text: "84%", score: -0.2, direction: .down)],
                [.init(text: "5.1 days", score: 0, direction: .level), nil],
            ]),
        ]
    }

    static var degenerate: [String: Chart] {
        [
            "line-one-point": LineChart.draw(title: "One", periods: ["2026-Q3"], series: [.init(name: "T", values: [3])]),
            "line-all-equal": LineChart.draw(title: "Flat", periods: quarters, series: [.init(name: "T", values: [2, 2, 2, 2, 2])]),
            "line-gaps": LineChart.draw(title: "Gaps", periods: quarters, series: [.init(name: "T", values: [nil, 1, nil, nil, 3])]),
            "line-empty": LineChart.draw(title: "Empty", periods: quarters, series: [.init(name: "T", values: [nil, nil, nil, nil, nil])]),
            "bar-one-team": BarChart.draw(title: "One", bars: [.init(label: "Only team", value: 0)]),
            "bar-150-teams": BarChart.draw(title: "Many", bars: (1...150).map { .init(label: "Team \($0) with a rather long name indeed", value: Double($0 % 37) - 5) }),
            "scatter-one-point": ScatterChart(title: "One", xName: "x", yName: "y", points: [.init(label: "A", x: 1, y: 1)]).draw(),
            "scatter-few-teams": ScatterChart(title: "Usage and cycle time", xName: "Weekly active users", yName: "Cycle time", points: [
                .init(label: "A", x: 40, y: 5), .init(label: "B", x: 60, y: 4.1), .init(label: "C", x: 80, y: 4.9), .init(label: "D", x: 90, y: 3.2),
            ], xLabels: percent, yLabels: days).draw(),
            // Twelve teams in a bunch, where not every name fits: numbers and a key.
            "scatter-crowded": ScatterChart(title: "Crowded", xName: "Weekly active users", yName: "Cycle time", points: crowdedTeams,
                                            xLabels: percent, yLabels: days).draw(),
            "scatter-vertical": ScatterChart(title: "Same x", xName: "x", yName: "y", points: [.init(label: "A", x: 1, y: 1), .init(label: "B", x: 1, y: 3)]).draw(),
            "stacked-zero-row": StackedChart.draw(title: "Zero", partNames: ["a", "b"], rows: [.init(label: "Z", parts: [0, 0])]),
        ]
    }

    /// Nine teams, enough for r at the default `min_teams_for_correlation` of 8; the two at
    /// 88% and 90% sit close enough that their labels must be placed apart.
    static let scatterTeams: [ScatterChart.Point] = [
        .init(label: "API Platform", x: 88, y: 2.3), .init(label: "Infrastructure & Reliability", x: 79, y: 2.0),
        .init(label: "Checkout Web", x: 94, y: 2.6), .init(label: "Mobile App", x: 90, y: 4.0),
        .init(label: "Merchant Portal", x: 85, y: 2.7), .init(label: "Growth Engineering", x: 91, y: 2.7),
        .init(label: "Data", x: 60, y: 5.1), .init(label: "Search", x: 70, y: 4.4), .init(label: "Billing", x: 75, y: 3.9),
    ]

    static let crowdedTeams: [ScatterChart.Point] = (0..<12).map { (index: Int) -> ScatterChart.Point in
        let name: String = ["Platform", "Checkout Web", "Merchant Onboarding Support", "Mobile App"][index % 4]
        return ScatterChart.Point(label: "\(name) \(index + 1)", x: 80 + Double(index % 4), y: 3 + Double(index / 4) * 0.1)
    } + [ScatterChart.Point(label: "Far away", x: 40, y: 6)]
}
