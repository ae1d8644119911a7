import Analysis
import ReportModel

/// Applies the judgment rules (`LintRule`) to an analysed report: what it leads with,
/// what it claims without evidence, what it states by hand.
///
/// It reads only what `Report` lets through, so a team too small to show never appears
/// in a finding either. Rules about the catalogs' form (D107 on names) run at load time,
/// where the text is; everything that needs values runs here.
public struct ReportLint: Sendable {
    let report: Report
    /// Where each (scope, metric, quarter) value came from, for findings about data.
    private let dataLocations: [ValueKey: SourceLocation]
    /// The teams whose values may be shown, groups left out: the data rules are about
    /// what each team measured.
    private let measuredTeams: [Team]
    /// The words of each metric's name a paragraph about it would use (D106).
    private let metricWords: [MetricID: [String]]

    public init(report: Report) {
        self.report = report
        dataLocations = Dictionary(report.visibleObservations.map { ($0.key, $0.location) }, uniquingKeysWith: { first, _ in first })
        measuredTeams = report.visibleTeams.filter { !report.organization.isGroup($0.id) }
        metricWords = Dictionary(report.metrics.map { ($0.id, NumberLiteral.words(of: $0.name)) }, uniquingKeysWith: { a, _ in a })
    }

    /// Every finding, sorted.
    public func findings() -> [Diagnostic] {
        var found = usageTargets() + missingBaselines() + missingNoiseRules()
        // Narratives were parsed at load; their rules run on every core, as a large
        // report has thousands.
        found += report.narratives.concurrentMap { narrative in
            usageLeads(in: narrative) + bareNumbers(in: narrative)
        }.flatMap { $0 }
        found += selfReportedAlone() + usageWithoutOutcomes() + worseWhileUsageRose()
        return found.sorted()
    }

    // MARK: - Catalog rules

    /// D102: a usage metric with a target.
    func usageTargets() -> [Diagnostic] {
        report.metrics.filter { $0.category == .usage && $0.target != nil }.map {
            LintRule.usageTarget.finding(
                "usage metric '\($0.id)' has a target; usage is context, and a target on it rewards use over results. "
                    + "Remove `target:`", at: $0.location)
        }
    }

    /// D104: an outcome or quality metric with no baseline.
    func missingBaselines() -> [Diagnostic] {
        report.metrics.filter { ($0.category == .outcome || $0.category == .quality) && $0.baseline == nil }.map {
            LintRule.noBaseline.finding(
                "\($0.category.rawValue) metric '\($0.id)' has no baseline, so no change can be claimed; "
                    + "set `baseline:` to the quarter before AI tools arrived", at: $0.location)
        }
    }

    /// D109: a metric with no way to tell a change from noise, whose changes the report
    /// judges: once it calls one better or worse, on the quarter or since the baseline.
    func missingNoiseRules() -> [Diagnostic] {
        let scopes = [Scope.organization] + report.visibleTeams.map { Scope.team($0.id) }
        return report.metrics.filter { metric in
            guard metric.better != .neutral, metric.uncertainty == nil, metric.minChange == nil else { return false }
            return scopes.contains { scope in
                report.periods.contains { period in
                    [report.change(metric.id, for: scope, in: period), report.changeFromBaseline(metric.id, for: scope, in: period)]
                        .contains { $0.map { $0.assessment == .better || $0.assessment == .worse } ?? false }
                }
            }
        }.map {
            LintRule.noNoiseRule.finding(
                "metric '\($0.id)' declares neither `uncertainty:` nor `min_change:`, so any change is called better or worse; "
                    + "declare `uncertainty: wilson | poisson | given | none`, or `min_change:`, the smallest change that matters in its unit",
                at: $0.location)
        }
    }

    // MARK: - Narrative rules

    /// D101: the page's first highlight or first KPI is usage, with no outcome or
    /// quality metric among the ones it leads with.
    func usageLeads(in narrative: Narrative) -> [Diagnostic] {
        var leading = narrative.highlights
        var location = narrative.highlightsLocation ?? narrative.location
        if leading.isEmpty, let block = narrative.body.blocks.first(where: { $0.kind == .kpis }) {
            leading = block.spec?.metrics ?? []
            location = SourceLocation(file: narrative.location.file, line: narrative.bodyLine + block.line - 1, column: 1)
        }
        let categories = leading.compactMap { report.metric($0)?.category }
        guard categories.first == .usage, !categories.contains(where: { $0 == .outcome || $0 == .quality }),
              let first = leading.first else { return [] }
        return [LintRule.usageLeads.finding(
            "this page leads with usage ('\(first)') and shows no outcome or quality metric beside it; "
                + "usage is context, not impact. Lead with an outcome", at: location)]
    }

    /// D106: a number in the prose equal to one of the page's metric values as shown,
    /// in a paragraph that names the metric. Without that condition, figures quoted
    /// from studies ("each 25% rise in adoption") match some value by coincidence.
    func bareNumbers(in narrative: Narrative) -> [Diagnostic] {
        var shown: [(metric: Metric, text: String, words: [String])] = []
        for metric in report.metrics {
            guard let value = report.value(metric.id, for: narrative.scope, in: narrative.period) else { continue }
            shown.append((metric, NumberLiteral.rounded(value, decimals: metric.shownDecimals), metricWords[metric.id] ?? []))
        }
        guard !shown.isEmpty else { return [] }
        let runs = narrative.body.prose
        // Runs of one paragraph share its line; emphasis and links split a paragraph into
        // runs. Built only for the few paragraphs with a matching number.
        func paragraph(at line: Int) -> String {
            runs.filter { $0.line == line }.map { $0.text.lowercased() }.joined(separator: " ")
        }
        let texts = Set(shown.map(\.text))
        var found: [Diagnostic] = []
        var reported: Set<String> = []
        for run in runs {
            let literals = NumberLiteral.all(in: run.text).filter { texts.contains($0.digits) && !reported.contains($0.digits) }
            guard !literals.isEmpty else { continue }
            let paragraph = paragraph(at: run.line)
            for literal in literals where !reported.contains(literal.digits) {
                guard let match = shown.first(where: { candidate in
                    candidate.text == literal.digits && literal.isMeaningful(for: candidate.metric)
                        && candidate.words.contains { paragraph.contains($0) }
                }) else { continue }
                reported.insert(literal.digits)
                let (line, column) = narrative.body.position(of: literal.text, from: run.line)
                found.append(LintRule.bareNumber.finding(
                    "'\(literal.text)' is the value of \(match.metric.name) here, typed in by hand; write "
                        + "{{ value \(match.metric.id) }} so it stays in sync with the data",
                    at: SourceLocation(file: narrative.location.file, line: narrative.bodyLine + line - 1, column: column)))
            }
        }
        return found
    }

    // MARK: - Data rules


    private func has(_ metric: Metric, _ scope: Scope, _ period: Period) -> Bool {
        report.value(metric.id, for: scope, in: period) != nil
    }

    /// Where a value came from: its own row, or for a roll-up the first row of a member
    /// behind it.
    private func location(_ metric: MetricID, _ scope: Scope, _ period: Period) -> SourceLocation {
        if let found = dataLocations[ValueKey(scope, metric, period)] { return found }
        for member in report.organization.children(of: scope) where report.isVisible(.team(member.id)) {
            let found = location(metric, .team(member.id), period)
            if found.file != "data" { return found }
        }
        return SourceLocation(file: "data")
    }

    /// D103: a self-reported metric's value with no system-measured outcome beside it.
    func selfReportedAlone() -> [Diagnostic] {
        let measuredOutcomes = report.metrics.filter { $0.category == .outcome && !$0.selfReported }
        var found: [Diagnostic] = []
        for metric in report.metrics where metric.selfReported {
            for team in measuredTeams {
                let scope = Scope.team(team.id)
                let alone = report.periods.filter { period in
                    has(metric, scope, period) && !measuredOutcomes.contains { has($0, scope, period) }
                }
                guard let first = alone.first else { continue }
                found.append(LintRule.selfReportedAlone.finding(
                    "'\(metric.id)' is self-reported and '\(team.id)' has no system-measured outcome in "
                        + Self.list(alone) + "; people misjudge their own gains, so add a measured outcome beside it",
                    at: location(metric.id, scope, first)))
            }
        }
        return found
    }

    /// D105: usage data for a team and quarter with no outcome or quality data.
    func usageWithoutOutcomes() -> [Diagnostic] {
        let usage = report.metrics.filter { $0.category == .usage }
        let results = report.metrics.filter { $0.category == .outcome || $0.category == .quality }
        var found: [Diagnostic] = []
        for team in measuredTeams {
            let scope = Scope.team(team.id)
            let bare = report.periods.filter { period in
                usage.contains { has($0, scope, period) } && !results.contains { has($0, scope, period) }
            }
            guard let first = bare.first, let metric = usage.first(where: { has($0, scope, first) }) else { continue }
            found.append(LintRule.usageWithoutOutcomes.finding(
                "'\(team.id)' has usage data but no outcome or quality data in " + Self.list(bare)
                    + "; usage alone cannot show impact. Add outcome or quality data (`discern import github-pulls` for "
                    + "pull requests, `discern import events` for deployments, incidents or tickets; README: From "
                    + "your tools to a report), and measure judgment with "
                    + "`discern new survey` and `discern import survey`", at: location(metric.id, scope, first)))
        }
        return found
    }

    /// D108: an outcome or quality metric that got worse in a quarter in which usage
    /// rose, unless the quarter's narrative already speaks of the metric.
    func worseWhileUsageRose() -> [Diagnostic] {
        let scopes = [Scope.organization] + report.visibleTeams.map { Scope.team($0.id) }
        return scopes.flatMap { scope in
            report.periods.dropFirst().flatMap { period in
                let narrative = report.narrative(for: scope, in: period)
                return report.divergences(for: scope, in: period).compactMap { found -> Diagnostic? in
                    guard narrative.map({ !Self.mentions($0.body.markdown, found.result.id.rawValue) }) ?? true else { return nil }
                    let (result, usage) = (found.resultChange, found.usageChange)
                    return LintRule.worseWhileUsageRose.finding(
                        "\(found.result.name) got worse for \(scope.teamID?.rawValue ?? "the organization") in \(period) "
                            + "(\(Self.number(result.from, found.result)) to \(Self.number(result.to, found.result))) while "
                            + "\(found.usage.name) rose (\(Self.number(usage.from, found.usage)) to \(Self.number(usage.to, found.usage))); "
                            + "the narrative should say why",
                        at: narrative?.location ?? location(found.result.id, scope, period))
                }
            }
        }
    }

    /// Whether a narrative's Markdown names a metric id anywhere, as a live value or in a
    /// block. A byte search: `String.contains` took more of a large check than the rule.
    static func mentions(_ body: String, _ id: String) -> Bool {
        let needle = Array(id.utf8)
        guard let first = needle.first else { return false }
        return body.utf8.withContiguousStorageIfAvailable { text in
            guard text.count >= needle.count else { return false }
            for start in 0...(text.count - needle.count) where text[start] == first {
                if text[start..<start + needle.count].elementsEqual(needle) { return true }
            }
            return false
        } ?? body.contains(id)
    }

    private static func number(_ value: Double, _ metric: Metric) -> String {
        NumberLiteral.rounded(value, decimals: metric.shownDecimals)
            + (metric.format == .percent ? "%" : "")
    }

    /// `2025-Q2`, `2025-Q2 and 2025-Q3`, `2025-Q2, 2025-Q3 and 2025-Q4`.
    static func list(_ periods: [Period]) -> String {
        let names = periods.map(\.description)
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
