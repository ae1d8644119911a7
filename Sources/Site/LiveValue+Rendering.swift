import Analysis
import Formatting
import ReportModel

extension LiveValue {
    /// What a live value turned into: the words, and a class that says good or bad.
    struct Rendered {
        var text: String
        var cssClass: String

        var html: HTML { "<span class=\"\(cssClass)\">\(text)</span>" }

        /// What stands for a live value with an error, already reported at load.
        static let invalid = Rendered(text: "?", cssClass: "live-value no-data")
    }

    /// The words for this value on a page about `scope` in `period`.
    func render(report: Report, scope pageScope: Scope, period pagePeriod: Period) -> Rendered {
        // Checked against the catalog at load; absent only when the catalog was unreadable.
        guard let metric = report.metric(self.metric) else { return .invalid }
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
            let (text, _) = ValueFormatter.change(change, for: metric)
            return Rendered(text: text, cssClass: "live-value " + ValueFormatter.classes(of: change, for: metric))
        }
    }

    static func suppressed(_ reading: Reading) -> Rendered {
        Rendered(text: Suppressed.words(reading.suppression), cssClass: "live-value suppressed")
    }

    static func suppressed(_ minimum: Int) -> Rendered {
        Rendered(text: "suppressed (fewer than \(minimum))", cssClass: "live-value suppressed")
    }
}
