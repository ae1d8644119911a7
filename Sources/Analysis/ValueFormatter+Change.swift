import Formatting
import ReportModel

extension ValueFormatter {
    /// A change in words, judged: `+0.4 days (better)`, `−2 pts (worse)`, `+5% (context)`
    /// for neutral metrics left unjudged, or `no change` when it rounds to nothing as shown.
    public static func change(_ change: Change, for metric: Metric, unit: Bool = true)
        -> (text: String, assessment: Change.Assessment) {
        if roundsAway(change.delta, for: metric.style) { return ("no change", .unchanged) }
        let words = change.assessment == .neutral ? "" : " (\(self.words(for: change.assessment)))"
        return (delta(change.delta, for: metric, unit: unit) + words, change.assessment)
    }

    /// The words for a change's direction, so meaning never rests on colour alone.
    static func words(for assessment: Change.Assessment) -> String {
        switch assessment {
        case .better: "better"
        case .worse: "worse"
        case .unchanged: "no change"
        case .neutral: "context"
        }
    }
}
