import Formatting
import ReportModel

extension ValueFormatter {
    /// A change in words, judged: `+0.4 days (better)`, `−2 pts (worse)`, `+1 pt (no clear
    /// change)` for a move within noise, `+0.3 (not comparable: different teams reported)`
    /// for roll-ups over different teams, `+5% (context)` for neutral metrics left
    /// unjudged, or `no change` when it rounds to nothing as shown.
    public static func change(_ change: Change, for metric: Metric, unit: Bool = true)
        -> (text: String, assessment: Change.Assessment) {
        // Not even "no change" is said across different teams.
        if change.assessment != .incomparable, roundsAway(change.delta, for: metric.style) { return ("no change", .unchanged) }
        let words = change.assessment == .neutral ? "" : " (\(self.words(for: change.assessment)))"
        return (delta(change.delta, for: metric, unit: unit) + words, change.assessment)
    }

    /// The CSS classes of a change: `delta`, its judgment (`delta-better`, `delta-worse`,
    /// `delta-unclear`, `delta-incomparable`, `delta-neutral`, `delta-unchanged`), which themes colour, and
    /// which way the number moved (`delta-up`, `delta-down`), which themes draw as ▲ and
    /// ▼. The arrow says only the direction: a fall in lead time is ▼ and better.
    public static func classes(of change: Change, for metric: Metric) -> String {
        let (_, assessment) = self.change(change, for: metric)
        guard assessment != .unchanged else { return "delta delta-unchanged" }
        if assessment == .incomparable, roundsAway(change.delta, for: metric.style) { return "delta delta-incomparable" }
        return "delta delta-\(assessment.rawValue) delta-\(change.delta > 0 ? "up" : "down")"
    }

    /// The words for a change's direction, so meaning never rests on colour alone.
    static func words(for assessment: Change.Assessment) -> String {
        switch assessment {
        case .better: "better"
        case .worse: "worse"
        case .unchanged: "no change"
        case .neutral: "context"
        case .unclear: "no clear change"
        case .incomparable: "not comparable: different teams reported"
        }
    }
}
