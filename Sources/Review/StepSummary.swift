import Analysis
import Formatting
import ReportModel

/// What `discern build --summary` writes: a Markdown summary of a build for GitHub's
/// `$GITHUB_STEP_SUMMARY` or a pull-request comment.
///
/// A built site gets the organization's outcomes in the latest quarter (value, change
/// on the quarter and since the baseline, judged in words), the report checks' warnings
/// and notes, the pages and charts written, and how much the privacy rules suppressed,
/// as counts only. A failed build gets its errors, so the pull request shows why.
/// Every string from the content goes through `MarkdownText`, and numbers are written
/// by `ValueFormatter`, as on the site.
public struct StepSummary: Sendable {
    /// What a successful build wrote.
    public struct Site: Sendable {
        var pages: Int
        var charts: Int
        /// The output folder, as the user named it.
        var output: String

        public init(pages: Int, charts: Int, output: String) {
            self.pages = pages
            self.charts = charts
            self.output = output
        }
    }

    /// Diagnostics listed per severity; the rest are counted, so a summary stays well
    /// under GitHub's 1 MiB per step.
    static let listed = 50

    let report: Report
    let diagnostics: [Diagnostic]
    let paths: RepositoryPath
    let site: Site?

    /// The findings that may be listed, and those about teams too small to show, which
    /// are only counted: the summary is read by more people than the content's authors.
    let shared: SharedDiagnostics

    /// - Parameter site: what was built, or nil when the build failed.
    public init(report: Report, diagnostics: [Diagnostic], paths: RepositoryPath, site: Site?) {
        self.report = report
        self.diagnostics = diagnostics.sorted()
        self.paths = paths
        self.site = site
        shared = SharedDiagnostics(self.diagnostics, organization: report.organization)
    }

    /// The summary, ending with a blank line so that a summary appended after it starts
    /// on its own.
    public var markdown: String {
        var lines: [String] = []
        if let site {
            lines += ["## Discern: \(MarkdownText.escape(report.site.title))", ""]
            lines += ["Built \(count(site.pages, "page")) (\(count(site.charts, "chart"))) into \(MarkdownText.escape(site.output + "/")).", ""]
            lines += outcomes()
        } else {
            lines += ["## Discern: not built", ""]
            lines += ["The site was not built: \(count(diagnostics.errorCount, "error")). Fix them and build again.", ""]
        }
        lines += findings()
        if site != nil { lines += privacy() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The organization's outcome metrics in the latest quarter.
    func outcomes() -> [String] {
        guard let period = report.latestPeriod else { return ["There is no data yet.", ""] }
        let metrics = report.metrics.filter { $0.category == .outcome && report.reading($0.id, for: .organization, in: period) != nil }
        let organization = MarkdownText.escape(report.site.organization)
        guard !metrics.isEmpty else { return ["No outcome metric has a value for \(organization) in \(period).", ""] }
        var lines = [
            "### Outcomes for \(organization), \(period)", "",
            "| Outcome | \(period) | vs \(period.previous) | vs baseline |",
            "|---|---|---|---|",
        ]
        for metric in metrics {
            guard let reading = report.reading(metric.id, for: .organization, in: period) else { continue }
            let value = reading.value.map { ValueFormatter.value($0, for: metric) } ?? Suppressed.words(reading.suppression)
            let quarter = report.change(metric.id, for: .organization, in: period).map { change(metric, $0) } ?? "—"
            var baseline = "no baseline"
            if let start = metric.baseline {
                if start >= period {
                    baseline = "baseline is \(start)"
                } else {
                    baseline = report.changeFromBaseline(metric.id, for: .organization, in: period)
                        .map { change(metric, $0) + " since \(start)" } ?? "— (no value in \(start))"
                }
            }
            lines.append("| \(MarkdownText.escape(metric.name)) | \(MarkdownText.escape(value)) | \(quarter) | \(baseline) |")
        }
        return lines + [""]
    }

    /// `↓ −0.2 days (better)`: the arrow says which way the number moved, the words
    /// whether that is good, as the site's cards do.
    func change(_ metric: Metric, _ change: Change) -> String {
        let (text, _) = ValueFormatter.change(change, for: metric)
        guard text != "no change" else { return text }
        return (change.delta > 0 ? "↑ " : "↓ ") + MarkdownText.escape(text)
    }

    /// Errors (for a failed build), warnings and notes, each with its rule and place.
    func findings() -> [String] {
        var lines: [String] = []
        let groups: [(Diagnostic.Severity, String)] = [(.error, "Errors"), (.warning, "Warnings"), (.note, "Notes")]
        for (severity, title) in groups {
            let found = diagnostics.filter { $0.severity == severity }
            guard !found.isEmpty else { continue }
            lines += ["### \(title) (\(found.count))", ""]
            let listable = shared.listed.filter { $0.severity == severity }
            for diagnostic in listable.prefix(Self.listed) {
                let rule = diagnostic.rule.map { "**\(MarkdownText.escape($0))** " } ?? ""
                lines.append("- \(rule)\(MarkdownText.escape(paths.position(of: diagnostic.location))): \(MarkdownText.escape(diagnostic.message))")
            }
            if listable.count > Self.listed {
                lines.append("- and \(listable.count - Self.listed) more; `discern check` lists them all.")
            }
            if listable.count < found.count {
                let hidden = found.count - listable.count
                lines.append("- and \(hidden) about \(hidden == 1 ? "a team" : "teams") too small to show, not listed here; run `discern check` locally to see \(hidden == 1 ? "it" : "them").")
            }
            lines.append("")
        }
        if lines.isEmpty, site != nil { lines = ["No warnings or notes from the report checks.", ""] }
        return lines
    }

    /// How much the privacy rules hid: counts only, never which teams.
    func privacy() -> [String] {
        let minimum = report.minimumGroupSize
        return [
            "### Privacy", "",
            "Suppressed: \(count(report.suppressedTeamCount, "team")) and \(count(report.suppressedValueCount, "value")) "
                + "(minimum group size \(minimum)). Teams with fewer than \(minimum) people get no page and are named nowhere; "
                + "values resting on too few people are hidden.",
            "",
        ]
    }

    private func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
