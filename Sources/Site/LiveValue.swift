import Analysis
import ContentLoading
import Formatting
import ReportModel

/// A number in prose taken from the data: `{{ value cycle_time }}`, `{{ delta csat
/// team=support }}`, `{{ baseline rework_rate period=2026-Q2 }}`, `{{ target csat }}`.
/// It defaults to the page's team and quarter.
struct LiveValue: Hashable {
    enum Function: String, CaseIterable {
        /// The value in the quarter.
        case value
        /// The change from the previous quarter, signed and judged in words.
        case delta
        /// The value in the metric's baseline quarter.
        case baseline
        /// The metric's target.
        case target
    }

    var function: Function
    var metric: Metric
    var scope: Scope?
    var period: Period?

    /// What is wrong with a live value, for a diagnostic.
    struct Problem: Error {
        var message: String
    }

    /// What a live value turned into: the words, and a class that says good or bad.
    struct Rendered {
        var text: String
        var cssClass: String

        var html: HTML { "<span class=\"\(cssClass)\">\(text)</span>" }
    }

    /// Reads the text between the braces, or says what is wrong with it.
    static func parse(_ expression: String, report: Report) -> Result<LiveValue, Problem> {
        let words = expression.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return .failure(Problem(message: "empty live value; write {{ value METRIC }}")) }
        let functions = Function.allCases.map(\.rawValue)
        guard let function = Function(rawValue: first) else {
            return .failure(Problem(message: "unknown live value '\(first)'; expected \(functions.joined(separator: ", "))"
                + Suggestion.hint(for: first, in: functions)))
        }
        guard words.count >= 2 else { return .failure(Problem(message: "'\(first)' needs a metric id, as in {{ \(first) cycle_time }}")) }
        let metricIDs = report.metrics.map(\.id)
        guard let metric = report.metric(words[1]) else {
            return .failure(Problem(message: "unknown metric '\(words[1])'" + Suggestion.hint(for: words[1], in: metricIDs)))
        }
        var value = LiveValue(function: function, metric: metric)
        for option in words.dropFirst(2) {
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return .failure(Problem(message: "expected key=value, found '\(option)'")) }
            switch parts[0] {
            case "team":
                if parts[1] == Scope.organizationID {
                    value.scope = .organization
                } else if report.organization.contains(parts[1]) {
                    value.scope = .team(parts[1])
                } else {
                    return .failure(Problem(message: "unknown team '\(parts[1])'" + Suggestion.hint(for: parts[1], in: report.organization.suggestableIDs)))
                }
            case "period":
                guard let period = Period(parts[1]) else { return .failure(Problem(message: Period.problem(parts[1]))) }
                value.period = period
            default:
                return .failure(Problem(message: "unknown option '\(parts[0])'; expected team= or period="))
            }
        }
        return .success(value)
    }

    /// The words for this value on a page about `scope` in `period`.
    func render(report: Report, scope pageScope: Scope, period pagePeriod: Period) -> Rendered {
        let scope = self.scope ?? pageScope
        let period = self.period ?? pagePeriod
        let missing = Rendered(text: "no data", cssClass: "live-value no-data")
        guard report.isVisible(scope) else { return Self.suppressed(report.minimumGroupSize) }
        switch function {
        case .target:
            guard let target = metric.target else { return Rendered(text: "no target", cssClass: "live-value no-data") }
            return Rendered(text: ValueFormatter.value(target, for: metric), cssClass: "live-value")
        case .value, .baseline:
            let quarter = function == .baseline ? metric.baseline : period
            guard let quarter, let reading = report.reading(metric.id, for: scope, in: quarter) else { return missing }
            guard let number = reading.value else { return Self.suppressed(reading) }
            return Rendered(text: ValueFormatter.value(number, for: metric), cssClass: "live-value")
        case .delta:
            guard let change = report.change(metric.id, for: scope, in: period) else {
                if let reading = report.reading(metric.id, for: scope, in: period), reading.isSuppressed {
                    return Self.suppressed(reading)
                }
                return Rendered(text: "no change data", cssClass: "live-value no-data")
            }
            let (text, assessment) = ValueFormatter.change(change, for: metric)
            return Rendered(text: text, cssClass: "live-value delta delta-\(assessment.rawValue)")
        }
    }

    static func suppressed(_ reading: Reading) -> Rendered {
        Rendered(text: Suppressed.words(reading.suppression), cssClass: "live-value suppressed")
    }

    static func suppressed(_ minimum: Int) -> Rendered {
        Rendered(text: "suppressed (fewer than \(minimum))", cssClass: "live-value suppressed")
    }
}
