import ReportModel

/// What rule 6 concluded for each chain of tables (a metric, or a whole, over its
/// quarters), kept from one build to the next: a watched build that changed one metric's
/// data audits only that metric's chains again and takes the others' outcomes from here.
///
/// Each outcome is filed under everything it depends on, by value: the chain's cells, the
/// organization, the settings, the metrics' definitions and whole, the releases of its
/// quarters, and what rules 1 to 5 hid in it. So a memo from any earlier build, of any
/// content, can only return an outcome the audit would reach again; never a stale one.
public struct AuditMemo: Sendable {
    /// Everything a chain's outcome depends on. Compared whole, not by a digest, so that
    /// two different inputs can never share an outcome.
    struct Key: Hashable, Sendable {
        let settings: SiteSettings
        let teams: [Team]
        let minimumGroupSize: Int
        let metrics: [Metric]
        let whole: MetricWhole?
        let periods: [Period]
        /// Every scope's cell of every metric of the chain, quarter by quarter, in the
        /// roll-up's order, with what rules 1 to 5 hid of it.
        let cells: [RollUp.Cell?]
        let hidden: [Suppression.Reason?]
        let releases: [ReleaseLedger]

        init(_ chain: DisclosureAudit.Chain, audit: DisclosureAudit, hidden start: [ValueKey: Suppression.Reason]) {
            let content = audit.content
            settings = content.site
            teams = content.organization.teams
            minimumGroupSize = content.organization.minimumGroupSize
            metrics = chain.metrics.compactMap(content.metric)
            whole = content.wholes.first { $0.parts == chain.metrics }
            periods = chain.tables.map(\.period)
            var cells: [RollUp.Cell?] = []
            var hidden: [Suppression.Reason?] = []
            for period in periods {
                for metric in chain.metrics {
                    for scope in audit.rollUp.scopes {
                        cells.append(audit.rollUp.cell(scope, metric, period))
                        hidden.append(start[ValueKey(scope, metric, period)])
                    }
                }
            }
            self.cells = cells
            self.hidden = hidden
            let quarters = Set(periods)
            releases = content.releases.filter { quarters.contains($0.period) }
        }
    }

    /// What rule 6 did to one chain.
    struct Outcome: Sendable {
        /// The values it hid, in the order it hid them.
        let hidden: [ValueKey]
        /// The values no further hiding protects.
        let unprotectable: [DisclosureAudit.Finding]
    }

    private var outcomes: [Key: Outcome] = [:]

    /// An empty memo: the first build audits every chain.
    public init() {}

    subscript(key: Key) -> Outcome? {
        get { outcomes[key] }
        set { outcomes[key] = newValue }
    }

    /// How many chains' outcomes it holds.
    public var count: Int { outcomes.count }
}
