import LinearProgram
import ReportModel

/// What a reader can work out about the hidden counts from the counts a build publishes:
/// the `n` of each value and the headcounts, audited as their own table of sums, in whole
/// people.
///
/// The value audit (`DisclosureAudit`) takes every weight as known, which is the cautious
/// case for values. The counts themselves are sensitive too: a team too small to show
/// must not have its headcount or its `n` worked out, and rule 5 hides a group's `n` that
/// includes such a team. This audit writes down what a reader can from the published
/// counts alone, for every listed quarter and metric:
/// - each shown `n`, exactly;
/// - each rolled-up group's `n` as the sum of its contributors' (see `RollUp.contributors`),
///   and a value given for a group as covering at least its teams' respondents;
/// - the headcounts the site shows (`Report.visibleHeadcount`): a shown team's exactly,
///   a group's true headcount as the sum of its teams';
/// - the facts a reader knows: a team too small to show has between 1 and
///   `min_group_size − 1` people, an `n` is at most its scope's headcount, and no count
///   is negative.
///
/// COIN-OR Clp gives each hidden count's least and greatest value; counts are whole
/// numbers, so the bounds are rounded inward. A count is *protected* when a reader stays
/// at least 2 people (or `privacy.protection` of it, if more) away on each side, each side
/// clipped to the range the count has before anything is published, as τ-ARGUS clips.
/// Headcounts do not change with the quarter, so one system holds every quarter and
/// metric; `LinearSystem.components()` splits it where nothing links the parts.
struct CountAudit {
    /// One count a reader may want.
    enum Count: Hashable, Comparable, Sendable {
        /// The headcount of a team too small to show.
        case headcount(TeamID)
        /// The `n` of a value.
        case respondents(ValueKey)

        static func < (a: Count, b: Count) -> Bool {
            switch (a, b) {
            case let (.headcount(x), .headcount(y)): x.rawValue < y.rawValue
            case (.headcount, .respondents): true
            case (.respondents, .headcount): false
            case let (.respondents(x), .respondents(y)):
                (x.period, x.metric.rawValue, x.scope) < (y.period, y.metric.rawValue, y.scope)
            }
        }
    }

    /// A hidden count the privacy rules must keep out of reach.
    struct Finding: Sendable {
        let count: Count
        let value: Int
        /// What a reader can narrow it to, in whole people (either end may be infinite).
        let interval: ClosedRange<Double>
        /// What the reader must not get inside of.
        let required: ClosedRange<Double>

        var isProtected: Bool {
            interval.lowerBound <= required.lowerBound && interval.upperBound >= required.upperBound
        }
    }

    let content: ReportContent
    let rollUp: RollUp
    /// The quarters the site lists: nothing of another quarter is published.
    let periods: [Period]
    let suppressedTeams: Set<TeamID>
    /// The counts hidden for their own sake: a suppressed scope's `n`, and a group's `n`
    /// that includes a suppressed team (rule 5). The audit's own hiding is not among them.
    let protected: Set<ValueKey>

    var organization: Organization { content.organization }
    var minimumGroupSize: Int { content.site.minGroupSize }

    /// The counts a build would hide before this audit: those of suppressed scopes, and
    /// those `includesSuppressedTeam` says rule 5 hides.
    static func primary(rollUp: RollUp, periods: [Period], suppressedTeams: Set<TeamID>,
                        includesSuppressedTeam: (ValueKey) -> Bool) -> Set<ValueKey> {
        var result: Set<ValueKey> = []
        for period in periods {
            for metric in rollUp.metrics {
                for scope in rollUp.scopes {
                    let key = ValueKey(scope, metric.id, period)
                    guard rollUp.cell(scope, metric.id, period)?.n != nil else { continue }
                    if let id = scope.teamID, suppressedTeams.contains(id) {
                        result.insert(key)
                    } else if includesSuppressedTeam(key) {
                        result.insert(key)
                    }
                }
            }
        }
        return result
    }

    /// Every protected count (each suppressed team's headcount, and each count in
    /// `protected`) with what a reader can narrow it to, when `hidden` are the counts not
    /// published. `hidden` holds `protected`.
    func audit(hidden: Set<ValueKey>) -> [Finding] {
        let builder = build(hidden: hidden)
        let targets = builder.targets
        guard !targets.isEmpty else { return [] }
        var intervals: [Int: ClosedRange<Double>] = [:]
        let wanted = Set(targets.map(\.variable))
        for component in builder.system.components() {
            let asked = component.variables.enumerated().filter { wanted.contains($0.element) }
            guard !asked.isEmpty else { continue }
            // The true counts satisfy every row, so no solution means a modelling error:
            // fail safe, as if the reader knew each count exactly.
            let found = try? component.system.feasibleIntervals(of: asked.map(\.offset))
            for (index, pair) in asked.enumerated() {
                intervals[pair.element] = found?[index]
            }
        }
        return targets.map { target in
            let exact = Double(target.value)
            let interval = intervals[target.variable].map(Self.wholeNumbers) ?? exact...exact
            return Finding(count: target.count, value: target.value, interval: interval,
                           required: required(around: target.value, within: target.prior))
        }
    }

    /// An interval of whole numbers from the solver's: each end rounded inward, past the
    /// float noise of a simplex solution (19409.999999999985 is 19410, not 19409).
    static func wholeNumbers(_ interval: ClosedRange<Double>) -> ClosedRange<Double> {
        func margin(_ x: Double) -> Double { LinearSystem.relativeTolerance * max(1, abs(x)) }
        let lower = interval.lowerBound.isInfinite ? interval.lowerBound
            : (interval.lowerBound - margin(interval.lowerBound)).rounded(.up)
        let upper = interval.upperBound.isInfinite ? interval.upperBound
            : (interval.upperBound + margin(interval.upperBound)).rounded(.down)
        // A range with no whole number in it cannot come from true counts; keep it
        // closed rather than crash, at its lower end.
        return lower...max(lower, upper)
    }

    /// `value` ± its protection (2 people, or `privacy.protection` of it when more), each
    /// side clipped to the count's range before anything is published.
    private func required(around value: Int, within prior: ClosedRange<Double>) -> ClosedRange<Double> {
        let level = max(2, (content.site.protection * Double(value)).rounded(.up))
        let exact = Double(value)
        return min(max(exact - level, prior.lowerBound), exact)...max(min(exact + level, prior.upperBound), exact)
    }

    /// Rule 5 extended: hides one more published count at a time, until every protected
    /// count keeps its protection. Returns the counts it hid, and those nothing protects.
    func protect(hidden start: Set<ValueKey>) -> (hidden: Set<ValueKey>, unprotectable: [Finding]) {
        var hidden = start
        while true {
            let findings = audit(hidden: hidden)
            guard let exposed = findings.first(where: { !$0.isProtected }) else { return (hidden.subtracting(start), []) }
            let candidates = build(hidden: hidden).publishedNeighbours(of: exposed.count)
            guard let choice = choose(candidates.prefix(6), for: exposed, hidden: hidden) ?? candidates.first else {
                return (hidden.subtracting(start), [exposed])
            }
            hidden.insert(choice)
        }
    }

    /// Of the candidates (the smallest visible member's `n` first), the first whose hiding
    /// protects `exposed`, else the one that widens what a reader knows of it the most;
    /// nil when none widens it at all.
    private func choose(_ candidates: ArraySlice<ValueKey>, for exposed: Finding, hidden: Set<ValueKey>) -> ValueKey? {
        let before = exposed.interval.upperBound - exposed.interval.lowerBound
        var best: (key: ValueKey, width: Double)?
        for candidate in candidates {
            let findings = audit(hidden: hidden.union([candidate]))
            guard let after = findings.first(where: { $0.count == exposed.count }) else { return candidate }
            if after.isProtected { return candidate }
            let width = after.interval.upperBound - after.interval.lowerBound
            if width > before, best == nil || width > best!.width { best = (candidate, width) }
        }
        return best?.key
    }

    private func build(hidden: Set<ValueKey>) -> Builder {
        var builder = Builder(audit: self, hidden: hidden)
        builder.addHeadcounts()
        for period in periods {
            for metric in rollUp.metrics {
                builder.addTable(metric.id, period)
            }
        }
        return builder
    }
}

extension CountAudit {
    /// A sum a reader can write: whole numbers they know plus variables they do not.
    fileprivate struct Sum {
        var known = 0.0
        var terms: [(variable: Int, coefficient: Double)] = []
        /// The counts in it, published or not, to find a hidden count's neighbours.
        var counts: [Count] = []

        static func + (a: Sum, b: Sum) -> Sum {
            Sum(known: a.known + b.known, terms: a.terms + b.terms, counts: a.counts + b.counts)
        }

        static prefix func - (a: Sum) -> Sum {
            Sum(known: -a.known, terms: a.terms.map { ($0.variable, -$0.coefficient) }, counts: a.counts)
        }
    }

    /// Writes the counts' system down.
    fileprivate struct Builder {
        let audit: CountAudit
        let hidden: Set<ValueKey>
        var system = LinearSystem()
        /// The variable of each suppressed team's headcount.
        var headcounts: [TeamID: Int] = [:]
        /// The variable of each hidden `n`.
        var respondents: [ValueKey: Int] = [:]
        /// The counts in each row.
        var rows: [[Count]] = []
        /// What the audit solves for, each with its true value and its range before
        /// anything is published.
        var targets: [(count: Count, variable: Int, value: Int, prior: ClosedRange<Double>)] = []

        var organization: Organization { audit.organization }
        var largestHidden: Double { Double(audit.minimumGroupSize - 1) }

        init(audit: CountAudit, hidden: Set<ValueKey>) {
            self.audit = audit
            self.hidden = hidden
        }

        /// A variable per team too small to show: it has between 1 and `min_group_size − 1`
        /// people. A shown team's headcount is printed, so it is a known number.
        mutating func addHeadcounts() {
            for team in organization.leafTeams where audit.suppressedTeams.contains(team.id) {
                let people = organization.headcount(of: .team(team.id))
                // A declared 0 (or missing) headcount is true data: the bound must hold it.
                let variable = system.addVariable(lower: Double(min(1, people)), upper: largestHidden)
                headcounts[team.id] = variable
                targets.append((.headcount(team.id), variable, people, Double(min(1, people))...largestHidden))
            }
        }

        /// A scope's true headcount as a reader can write it: the shown teams' numbers and
        /// the suppressed teams' variables.
        func headcount(_ scope: Scope) -> Sum {
            if let id = scope.teamID, !organization.isGroup(id) {
                if let variable = headcounts[id] { return Sum(terms: [(variable, 1)], counts: [.headcount(id)]) }
                return Sum(known: Double(organization.headcount(of: scope)))
            }
            return organization.children(of: scope).reduce(Sum()) { $0 + headcount(.team($1.id)) }
        }

        /// The greatest headcount a scope can have before anything is published.
        func largestHeadcount(_ scope: Scope) -> Double {
            if let id = scope.teamID, audit.suppressedTeams.contains(id) {
                return largestHidden
            }
            if let id = scope.teamID, !organization.isGroup(id) { return Double(organization.headcount(of: scope)) }
            return organization.children(of: scope).reduce(0) { $0 + largestHeadcount(.team($1.id)) }
        }

        /// An `n` as a reader writes it: a number if shown, else its variable.
        func respondents(_ key: ValueKey) -> Sum? {
            guard let n = audit.rollUp.cell(key.scope, key.metric, key.period)?.n else { return nil }
            if let variable = respondents[key] { return Sum(terms: [(variable, 1)], counts: [.respondents(key)]) }
            return Sum(known: Double(n), counts: [.respondents(key)])
        }

        /// `lower ≤ sum ≤ upper`, when the sum holds something unknown.
        mutating func addRow(_ sum: Sum, lower: Double, upper: Double) {
            guard !sum.terms.isEmpty else { return }
            system.addRow(sum.terms, lower: lower - sum.known, upper: upper - sum.known)
            rows.append(sum.counts)
        }

        /// One metric in one quarter: its counts, the roll-ups that tie them, and each
        /// `n` at most its scope's headcount.
        mutating func addTable(_ metric: MetricID, _ period: Period) {
            let rollUp = audit.rollUp
            var keys: [ValueKey] = []
            for scope in rollUp.scopes {
                let key = ValueKey(scope, metric, period)
                guard let n = rollUp.cell(scope, metric, period)?.n else { continue }
                keys.append(key)
                let visible = !(scope.teamID.map(audit.suppressedTeams.contains) ?? false)
                guard hidden.contains(key) || !visible else { continue }
                let variable = system.addVariable(lower: Double(min(0, n)), upper: .infinity)
                respondents[key] = variable
                if audit.protected.contains(key) {
                    targets.append((.respondents(key), variable, n, prior(key)))
                }
            }
            for key in keys {
                let cell = rollUp.cell(key.scope, metric, period)!
                let own = respondents(key)!
                // The site prints a scope's people beside its `n`, so a reader takes one as
                // at most the other; data that breaks this tells them not to.
                if cell.n! <= organization.headcount(of: key.scope) {
                    addRow(own + -headcount(key.scope), lower: -.infinity, upper: 0)
                }
                switch cell.source {
                case .measured:
                    continue
                case .rolledUp:
                    let parts = rollUp.contributors(of: key.scope, metric: metric, period: period, in: organization)
                        .compactMap { respondents(ValueKey($0.scope, metric, period)) }
                    addRow(parts.reduce(-own, +), lower: 0, upper: 0)
                case .given:
                    guard let teams = covered(by: key) else { continue }
                    addRow(own + -teams.compactMap(respondents).reduce(Sum(), +), lower: 0, upper: .infinity)
                }
            }
        }

        /// The teams whose respondents a value given for a group covers, as the value
        /// audit reads it: every team under it with an `n`. Nil when there are none, or when
        /// their `n` add up to more than the group's, so the data says it is not so.
        func covered(by key: ValueKey) -> [ValueKey]? {
            let rollUp = audit.rollUp
            guard let n = rollUp.cell(key.scope, key.metric, key.period)?.n else { return nil }
            let teams = leafTeams(under: key.scope).map { ValueKey($0, key.metric, key.period) }
                .filter { rollUp.cell($0.scope, $0.metric, $0.period)?.n != nil }
            let total = teams.reduce(0) { $0 + rollUp.cell($1.scope, $1.metric, $1.period)!.n! }
            return teams.isEmpty || total > n ? nil : teams
        }

        private func leafTeams(under scope: Scope) -> [Scope] {
            organization.children(of: scope).flatMap { member -> [Scope] in
                organization.isGroup(member.id) ? leafTeams(under: .team(member.id)) : [.team(member.id)]
            }
        }

        /// An `n`'s range before anything about it is published: 0 to its scope's
        /// greatest headcount (`min_group_size − 1` for a suppressed team). A group's is
        /// what its contributors' (or covered teams') counts allow, shown ones as they are,
        /// so that a group's `n` hidden by rule 5 is protected for the people of the teams
        /// too small to list, and not for those the site prints anyway.
        func prior(_ key: ValueKey) -> ClosedRange<Double> {
            guard let cell = audit.rollUp.cell(key.scope, key.metric, key.period), let n = cell.n else { return 0...0 }
            let ceiling = largestHeadcount(key.scope)
            if respondents[key] == nil { return Double(n)...Double(n) }
            var lower = 0.0, upper = ceiling
            switch cell.source {
            case .measured:
                break
            case .rolledUp:
                let parts = audit.rollUp.contributors(of: key.scope, metric: key.metric, period: key.period, in: organization)
                    .map { prior(ValueKey($0.scope, key.metric, key.period)) }
                lower = parts.reduce(0) { $0 + $1.lowerBound }
                upper = min(parts.reduce(0) { $0 + $1.upperBound }, ceiling)
            case .given:
                // People beyond its teams' respondents may answer too: no bound above but
                // the headcount.
                lower = (covered(by: key) ?? []).reduce(0) { $0 + prior($1).lowerBound }
            }
            return min(lower, Double(n))...max(upper, Double(n))
        }

        /// The published `n`s in any row with `count`, or with a hidden count such a row
        /// reaches: teams first, smallest `n` first, then groups.
        func publishedNeighbours(of count: Count) -> [ValueKey] {
            // A headcount of a team too small to show is never published, so it links on.
            let published = LinkedCells.published(from: count, rows: rows) { member in
                guard case .respondents(let key) = member else { return true }
                return respondents[key] != nil
            }.compactMap { member -> ValueKey? in
                if case .respondents(let key) = member { key } else { nil }
            }
            func rank(_ key: ValueKey) -> (Int, Int, Scope, String) {
                let isTeam = key.scope.teamID.map { !organization.isGroup($0) } ?? false
                return (isTeam ? 0 : 1, audit.rollUp.cell(key.scope, key.metric, key.period)?.n ?? 0, key.scope,
                        key.metric.rawValue)
            }
            return published.sorted { rank($0) < rank($1) }
        }
    }
}
