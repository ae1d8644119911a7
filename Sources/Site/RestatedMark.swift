import Analysis
import Formatting
import ReportModel

/// What a value shown differently since its release carries beside it: the released
/// number, in the text and not only a tooltip. It was published, and a reader comparing
/// versions should not have to hover to see what changed. CSS: `.restated`.
enum RestatedMark {
    /// Empty when the value reads as it was released, or no release showed it.
    static func html(_ metric: Metric, _ scope: Scope, _ period: Period, in report: Report) -> HTML {
        guard let released = report.restatement(metric.id, for: scope, in: period) else { return "" }
        let was = ValueFormatter.value(released, for: metric)
        return " <span class=\"restated\" title=\"Restated: released as \(was)\">restated from \(was)</span>"
    }
}
