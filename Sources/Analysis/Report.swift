import Formatting
import ReportModel

/// The analysed report: roll-ups with the privacy rules applied. This is what the site
/// renders, and the only way to a value: anything a privacy rule hides comes back
/// without its number, and suppressed teams do not come back at all.
public struct Report: Sendable {
    /// Everything loaded, suppressed teams included: internal, so renderers go through
    /// the accessors below.
    private(set) var content: ReportContent
    let rollUp: RollUp
    let suppression: Suppression
    /// Findings of the analysis itself, such as a narrative that will not be published.
    public private(set) var diagnostics: [Diagnostic] = []

    /// - Parameter memo: privacy rule 6's outcomes from an earlier report (`auditMemo`):
    ///   a watched build passes its last one, so that only what changed is audited again.
    public init(content: ReportContent, reusing memo: AuditMemo = AuditMemo()) {
        self.init(content: content, auditing: true, memo: memo)
    }

    /// - Parameters:
    ///   - auditing: false switches privacy rule 6 off, for the property test that shows
    ///     the rule is needed.
    ///   - auditingCounts: false switches the count audit's hiding off, likewise.
    init(content: ReportContent, auditing: Bool, auditingCounts: Bool = true, memo: AuditMemo = AuditMemo()) {
        self.content = content
        rollUp = RollUp(content: content)
        suppression = Suppression(content: content, rollUp: rollUp, auditing: auditing, memo: memo)

        // A quarter is listed only if something in it may be shown: a quarter where only
        // a suppressed team has data would otherwise announce that team's reporting.
        let table = self.rollUp, privacy = self.suppression
        let visible = [Scope.organization] + content.organization.teams
            .filter { !privacy.suppressedTeams.contains($0.id) }.map { Scope.team($0.id) }
        periods = table.periods.filter { period in
            visible.contains { scope in
                content.metrics.contains { metric in
                    table.cell(scope, metric.id, period) != nil && privacy.reason(scope, metric.id, period) == nil
                }
            }
        }
        let organization = content.organization
        var listed: [Scope: Coverage] = [:]
        for (key, whole) in rollUp.coverages(in: organization) {
            let restrict = { (coverage: Coverage) in
                coverage.restricted(to: { !privacy.suppressedTeams.contains($0) }, headcount: { organization.headcount(of: .team($0)) })
            }
            // A whole scope's listed teams are the same for every metric and quarter.
            if whole.isComplete {
                let complete = listed[key.scope] ?? restrict(whole)
                listed[key.scope] = complete
                coverages[key] = complete
            } else {
                coverages[key] = restrict(whole)
            }
        }
        protectCounts(auditing: auditingCounts)
        tabulateReadings()
        indexNarratives()
        // Later releases of a quarter override earlier ones, as `restatement` documents.
        var released: [ValueKey: Double] = [:]
        for ledger in content.releases {
            for entry in ledger.shown where !entry.cell.remainder {
                released[ValueKey(entry.cell, ledger.period)] = entry.shown
            }
        }
        releasedValues = released
    }

    /// `coverage`'s answers, counted over listed teams, for every group's and the
    /// organization's value: each card asks for four, so they are counted once.
    private var coverages: [ValueKey: Coverage] = [:]

    /// The `n`s the count audit hides beyond rule 5, and the counts nothing protects.
    var countProtection = CountProtection() {
        // The readings show what it hides: made again if it changes once they exist.
        didSet { if readings != nil { tabulateReadings() } }
    }

    /// Every value a release showed, by cell: looked up for each value a table shows, so
    /// indexed once rather than searched.
    private(set) var releasedValues: [ValueKey: Double] = [:]

    /// The quarters with something to show, oldest first.
    public let periods: [Period]

    private struct NarrativeKey: Hashable, Sendable {
        let scope: Scope
        let period: Period
    }
    /// Where each scope and quarter's narrative sits in `content.narratives`: every page
    /// asks for its own, so a scan per page would make a build quadratic.
    private var narrativeIndex: [NarrativeKey: Int] = [:]

    /// Indexes the narratives, and warns of those that will not be published.
    private mutating func indexNarratives() {
        var diagnostics: [Diagnostic] = []
        for narrative in content.narratives {
            if let id = narrative.scope.teamID, suppression.suppressedTeams.contains(id) {
                diagnostics.append(.warning(
                    "'\(id)' has fewer people than min_group_size (\(content.site.minGroupSize)); "
                        + "this narrative will not be published",
                    at: narrative.location))
            }
        }
        // A value no further hiding protects fails the build. The message names what is
        // published, never the hidden value or its team.
        for finding in suppression.unprotectable {
            let metric = content.metric(finding.key.metric)
            let fix = finding.isRemainder
                ? "leave out the value given for '\(finding.key.scope)', or give values for the teams it covers"
                : "declare the metric's range: in metrics.yaml, or leave out a value published beside the hidden one"
            diagnostics.append(.error(
                "privacy: in \(finding.key.period), what is published of '\(finding.key.metric)' lets a reader narrow a "
                    + "hidden value to within privacy.protection, and hiding more does not help; " + fix,
                at: metric?.location ?? SourceLocation(file: "metrics.yaml")))
        }
        // Likewise a count: every published `n` in reach is hidden already, so what is
        // left to drop is the data's `n` values, named by metric and quarter.
        for finding in countProtection.unprotectable {
            switch finding.count {
            case .headcount:
                diagnostics.append(.error(
                    "privacy: the counts published let a reader narrow the headcount of a team too small to show to "
                        + "within 2 people, and hiding more does not help; leave out the `n` of values for the groups "
                        + "that include it", at: SourceLocation(file: "teams.yaml")))
            case .respondents(let key):
                diagnostics.append(.error(
                    "privacy: in \(key.period), the counts published for '\(key.metric)' let a reader narrow a hidden "
                        + "`n` to within 2 people, and hiding more does not help; leave out the `n` values of "
                        + "'\(key.metric)' in \(key.period)",
                    at: content.metric(key.metric)?.location ?? SourceLocation(file: "metrics.yaml")))
            }
        }
        self.diagnostics = diagnostics.sorted()
        narrativeIndex = Dictionary(content.narratives.enumerated().map { (NarrativeKey(scope: $1.scope, period: $1.period), $0) },
                                    uniquingKeysWith: { first, _ in first })
    }

    /// The same report with a narrative replaced, or added when its scope and quarter
    /// had none. Roll-ups and privacy do not depend on narratives, so they are kept:
    /// this is what lets a watched build redo one page in milliseconds.
    public func replacingNarrative(_ narrative: Narrative) -> Report {
        var copy = self
        if let index = narrativeIndex[NarrativeKey(scope: narrative.scope, period: narrative.period)] {
            // Same scope, quarter and file: the index and the warnings stand as they are,
            // and making them again over every narrative was a sixth of an edit's work.
            copy.content.narratives[index] = narrative
        } else {
            copy.content.narratives.append(narrative)
            copy.indexNarratives()
        }
        return copy
    }

    /// The whole tree, for names, headcounts and structure. What may be shown is
    /// decided by `isVisible` and `visibleTeams`.
    public var organization: Organization { content.organization }
    public var site: SiteSettings { content.site }
    public var metrics: [Metric] { content.metrics }
    public func metric(_ id: MetricID) -> Metric? { content.metric(id) }
    /// The metrics that are parts of one whole, with the total they add up to.
    public var wholes: [MetricWhole] { content.wholes }
    /// The narratives that may be published: none for suppressed teams.
    public var narratives: [Narrative] { content.narratives.filter { isVisible($0.scope) } }
    /// The narrative for a scope and quarter, unless the scope may not be shown.
    public func narrative(for scope: Scope, in period: Period) -> Narrative? {
        guard isVisible(scope), let index = narrativeIndex[NarrativeKey(scope: scope, period: period)] else { return nil }
        return content.narratives[index]
    }
    /// The observations of teams that may be shown, as loaded: for pointing at the
    /// data file a value came from. Values to show come from `reading`, which applies
    /// the privacy rules. Lazy: a large report has tens of thousands, and a copy of them
    /// all would be the largest thing a check holds at its peak.
    public var visibleObservations: LazyFilterSequence<[Observation]> {
        content.observations.lazy.filter { isVisible($0.scope) }
    }
    public var minimumGroupSize: Int { suppression.minimumGroupSize }
    public var suppressedTeamCount: Int { suppression.suppressedTeams.count }
    public var suppressedValueCount: Int { suppression.hiddenValueCount }
    /// How long the privacy audit (rule 6) took while the report was analysed.
    public var auditSeconds: Double { suppression.auditSeconds }
    /// Rule 6's outcomes, for the next analysis of edited content to reuse.
    public var auditMemo: AuditMemo { suppression.memo }
    /// How many chains of tables (a metric, or a whole, over its quarters) rule 6 audited
    /// for this report, and how many outcomes it took from the memo it was given.
    public var auditedChainCount: Int { suppression.chainsAudited }
    public var reusedChainCount: Int { suppression.chainsReused }

    /// Whether a scope has any reading of a metric, in any quarter.
    public func hasData(_ metric: MetricID, for scope: Scope) -> Bool {
        periods.contains { reading(metric, for: scope, in: $0) != nil }
    }
    public var latestPeriod: Period? { periods.last }

    /// Whether a team or group may appear in the output.
    public func isVisible(_ scope: Scope) -> Bool {
        guard let id = scope.teamID else { return true }
        return organization.contains(id) && !suppression.suppressedTeams.contains(id)
    }

    /// The people in a scope's teams that may be shown: a group's headcount less its
    /// suppressed teams', which subtraction would otherwise reveal.
    public func visibleHeadcount(of scope: Scope) -> Int {
        if let id = scope.teamID, !organization.isGroup(id) {
            return isVisible(scope) ? organization.headcount(of: scope) : 0
        }
        return organization.children(of: scope).reduce(0) { $0 + visibleHeadcount(of: .team($1.id)) }
    }

    /// The teams and groups that may appear, in tree order.
    public var visibleTeams: [Team] {
        organization.teams.filter { !suppression.suppressedTeams.contains($0.id) }
    }

    /// What may be said about a metric for a scope in a quarter; nil for no data or a
    /// suppressed team.
    public func reading(_ metric: MetricID, for scope: Scope, in period: Period) -> Reading? {
        guard let readings else { return computedReading(metric, for: scope, in: period) }
        return rollUp.slot(scope, metric, period).flatMap { readings[$0] }
    }

    /// Every reading, by `rollUp`'s slot, made once the count audit has decided what it
    /// hides (it reads values while it runs, so it cannot use this table): pages ask for
    /// readings tens of times each, and each one looked up several tables.
    private var readings: [Reading?]?

    private mutating func tabulateReadings() {
        var table = [Reading?](repeating: nil, count: rollUp.slotCount)
        for scope in rollUp.scopes where isVisible(scope) {
            for metric in rollUp.metrics {
                for period in rollUp.periods {
                    if let slot = rollUp.slot(scope, metric.id, period) {
                        table[slot] = computedReading(metric.id, for: scope, in: period)
                    }
                }
            }
        }
        readings = table
    }

    private func computedReading(_ metric: MetricID, for scope: Scope, in period: Period) -> Reading? {
        guard isVisible(scope), let cell = rollUp.cell(scope, metric, period) else { return nil }
        let reason = suppression.reason(scope, metric, period)
        let unlisted = suppression.includesSuppressedTeam(scope, metric, period)
        // At its display rounding, the only way a value leaves the analysis: what is
        // drawn, compared with a target or written to a CSV then says no more than the
        // number on the page, which is all the audit takes a reader to know.
        let shown = content.metric(metric).map { ValueFormatter.displayed(cell.value, for: $0) } ?? cell.value
        let counted = !unlisted && !countProtection.hidden.contains(ValueKey(scope, metric, period))
        return Reading(value: reason == nil ? shown : nil, n: counted ? cell.n : nil, source: cell.source,
                       includesUnlistedTeams: unlisted, suppression: reason)
    }

    /// The published value, or nil when absent or hidden.
    public func value(_ metric: MetricID, for scope: Scope, in period: Period) -> Double? {
        reading(metric, for: scope, in: period)?.value
    }

    /// The change from the previous quarter; nil unless both values may be shown.
    public func change(_ metric: MetricID, for scope: Scope, in period: Period) -> Change? {
        change(metric, for: scope, from: period.previous, to: period)
    }

    /// The change from the metric's baseline quarter; nil without a baseline or values.
    public func changeFromBaseline(_ metric: MetricID, for scope: Scope, in period: Period) -> Change? {
        // Before its baseline a quarter has nothing to be measured against.
        guard let baseline = content.metric(metric)?.baseline, baseline < period else { return nil }
        return change(metric, for: scope, from: baseline, to: period)
    }

    /// The change between any two quarters; nil unless both values may be shown.
    ///
    /// Between the values as shown, so that a change says no more than the two numbers
    /// beside it: from exact values, "−0.4" beside 5.1 and 4.6 would tell a reader which
    /// side of each rounding the hidden digits fall (a disclosure the audit does not model).
    public func change(_ metric: MetricID, for scope: Scope, from start: Period, to end: Period) -> Change? {
        guard let definition = content.metric(metric),
              let from = value(metric, for: scope, in: start),
              let to = value(metric, for: scope, in: end) else { return nil }
        let shownFrom = ValueFormatter.displayed(from, for: definition)
        let shownTo = ValueFormatter.displayed(to, for: definition)
        return Change(from: shownFrom, to: shownTo, better: definition.better,
                      noise: noise(definition, scope, from: start, to: end),
                      comparable: isComparable(metric, for: scope, from: start, to: end))
    }

    /// What may be said of how much of its scope a group's or the organization's value
    /// covers, counted over listed teams only (see `Coverage`); nil for a team's own value,
    /// no value, or a scope that may not be shown.
    public func coverage(_ metric: MetricID, for scope: Scope, in period: Period) -> Coverage? {
        guard isVisible(scope) else { return nil }
        return coverages[ValueKey(scope, metric, period)]
    }

    /// Whether two quarters' values of a scope may be judged against each other: a team's
    /// always; a roll-up's only when the same listed teams contribute to both and both or
    /// neither include teams too small to list. Only what the pages already say is
    /// compared, so a judgment withheld never announces a small team's comings and goings.
    func isComparable(_ metric: MetricID, for scope: Scope, from start: Period, to end: Period) -> Bool {
        let before = coverage(metric, for: scope, in: start), after = coverage(metric, for: scope, in: end)
        guard before != nil || after != nil else { return true }
        return before?.contributing == after?.contributing
            && suppression.includesSuppressedTeam(scope, metric, start) == suppression.includesSuppressedTeam(scope, metric, end)
    }

    /// The distance to the metric's target; nil without a target or a value.
    public func targetGap(_ metric: MetricID, for scope: Scope, in period: Period) -> TargetGap? {
        guard let definition = content.metric(metric), let target = definition.target,
              let value = value(metric, for: scope, in: period) else { return nil }
        return TargetGap(target: target, value: value, better: definition.better)
    }
}
