import Analysis
import ArgumentParser
import Formatting
import Foundation
import ReportModel

/// `discern audit`: what a reader of everything published can work out about each value
/// the privacy rules hide, for the content's author.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how close a reader of the published report can get to each hidden value.",
        discussion: """
            For every value hidden for its own sake (a team too small to show, too few people) and every \
            remainder of a value given for a group that covers too few people, prints the interval a reader can \
            narrow it to from everything published, and the protection it must keep (privacy.protection of the \
            value, at least one display unit, on each side within the metric's range), the tightest first. \
            The lines hold hidden values, so with CI set only the counts are printed. \
            Then the same for every hidden count: the headcount of each team too small to show, and each `n` \
            hidden for such a team or for a group that includes one, with the whole numbers a reader can narrow \
            it to from the published counts and the 2 people (or privacy.protection of it) it must keep on each \
            side. Exits 0 when every value and count is protected, 1 when one is not or the content has errors.
            """
    )

    @OptionGroup var options: ContentOptions

    func run() throws {
        let pipeline = Pipeline(content: options.url, contentLabel: options.content, theme: nil, loadsTheme: false)
        try pipeline.requireNoErrors("not audited")
        let report = pipeline.report
        let audited = report.privacyAudit()
        let counts = report.countPrivacyAudit()
        let exposed = audited.filter { !$0.isProtected }.count
        let exposedCounts = counts.filter { !$0.isProtected }.count
        if !SharedOutput.isCI {
            for value in audited { print(Self.line(value, report: report)) }
            for count in counts { print(Self.line(count)) }
        }
        let hidden = "\(audited.count) protected value\(audited.count == 1 ? "" : "s") audited"
        print(exposed == 0 ? "\(hidden); every one keeps its protection."
                           : "\(hidden); \(exposed) can be narrowed too far.")
        let hiddenCounts = "\(counts.count) hidden count\(counts.count == 1 ? "" : "s") audited"
        print(exposedCounts == 0 ? "\(hiddenCounts); every one keeps 2 people either side."
                                 : "\(hiddenCounts); \(exposedCounts) can be narrowed too far.")
        if exposed > 0 || exposedCounts > 0 { throw ExitCode(1) }
    }

    /// `cycle_time 2026-Q1 devex: 1.8 days, a reader can narrow it to 0.4–5.0; must reach 1.6–2.0 (kept)`.
    static func line(_ value: AuditedValue, report: Report) -> String {
        guard let metric = report.metric(value.key.metric) else { return "\(value.key.metric)" }
        func number(_ x: Double) -> String {
            x.isInfinite ? (x > 0 ? "∞" : "−∞") : ValueFormatter.number(x, for: metric)
        }
        let what = value.isRemainder ? "the people \(value.key.scope)'s given value covers beyond its teams" : "\(value.key.scope)"
        let verdict = value.isProtected ? "kept" : "NOT KEPT"
        return "\(value.key.metric) \(value.key.period) \(what): \(ValueFormatter.value(value.value, for: metric)); "
            + "a reader can narrow it to \(number(value.interval.lowerBound))–\(number(value.interval.upperBound)), "
            + "must reach \(number(value.required.lowerBound))–\(number(value.required.upperBound)) (\(verdict))"
    }

    /// `n trust 2026-Q1 eng: 21; a reader can narrow it to 18–22 people, must reach 19–22 people (kept)`,
    /// or `headcount tiny: 3; …`. "people" after each interval also keeps the line from reading as
    /// a value's to a script that parses those (`Tests/attacker`).
    static func line(_ count: AuditedCount) -> String {
        func number(_ x: Double) -> String { x.isInfinite ? (x > 0 ? "∞" : "−∞") : String(Int(x)) }
        let what = if let key = count.key { "n \(key.metric) \(key.period) \(key.scope)" }
            else { "headcount \(count.team?.rawValue ?? "")" }
        return "\(what): \(count.value); a reader can narrow it to "
            + "\(number(count.interval.lowerBound))–\(number(count.interval.upperBound)) people, "
            + "must reach \(number(count.required.lowerBound))–\(number(count.required.upperBound)) people "
            + "(\(count.isProtected ? "kept" : "NOT KEPT"))"
    }
}
