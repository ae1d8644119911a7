import Formatting
import LinearProgram
import ReportModel

/// What a reader can work out about each hidden value from everything a build publishes,
/// as statistical agencies audit a table (τ-ARGUS, sdcTable): the published numbers and
/// the rules that tie them become a linear system, and a real LP solver finds the least
/// and greatest value each hidden cell can take.
///
/// One system per quarter and per metric, or per whole (metrics that are parts of one
/// whole are one system, so a hidden part is never the total less the visible parts).
/// What the reader is assumed to know, cautiously:
/// - each shown value, as the interval of values that round to it;
/// - each metric's feasible range (`Metric.feasibleRange`);
/// - how every group's value is made: a roll-up of its contributors with their weights
///   (headcounts are known, even of teams too small to show), or a value given for the
///   group that covers its teams' people and a remainder (people whose team gave no value,
///   or who are in no team);
/// - that the parts of a whole add up to its total, for every team and group.
///
/// A value is *protected* when a reader cannot narrow it to within `protection` of it
/// (10% by default, at least one display unit) on either side, each side clipped to the
/// feasible range as τ-ARGUS does. Order statistics (min, max, median) are not linear and
/// are left to `Suppression`'s rule 4, which publishes them only over visible values.
struct DisclosureAudit {
    /// A value the privacy rules must keep out of reach.
    struct Finding: Sendable {
        /// The hidden value, or for a remainder the group whose given value it is part of.
        let key: ValueKey
        let isRemainder: Bool
        let value: Double
        /// What a reader can narrow it to.
        let interval: ClosedRange<Double>
        /// What the reader must not get inside of.
        let required: ClosedRange<Double>

        var isProtected: Bool {
            let slack = 1e-7 * max(1, abs(value))
            return interval.lowerBound <= required.lowerBound + slack && interval.upperBound >= required.upperBound - slack
        }
    }

    /// One system: a metric, or the parts of a whole, in one quarter.
    struct Table: Hashable, Sendable {
        let metrics: [MetricID]
        let period: Period
    }

    let content: ReportContent
    let rollUp: RollUp
    /// Each rolled-up group value's contributors, found once: rule 6 writes a table's
    /// system down again for every value it tries hiding, and finding them was half of it.
    private let contributors: [ValueKey: [Scope]]

    init(content: ReportContent, rollUp: RollUp) {
        self.content = content
        self.rollUp = rollUp
        var contributors: [ValueKey: [Scope]] = [:]
        let groups: [Scope] = content.organization.groups.map { .team($0.id) } + [.organization]
        for metric in content.metrics where metric.aggregate.isLinear {
            for period in rollUp.periods {
                for group in groups {
                    guard case .rolledUp = rollUp.cell(group, metric.id, period)?.source else { continue }
                    contributors[ValueKey(group, metric.id, period)] = rollUp
                        .contributors(of: group, metric: metric.id, period: period, in: content.organization).map(\.scope)
                }
            }
        }
        self.contributors = contributors
    }

    /// The tables to audit: each metric alone, and each whole as one table, every quarter.
    var tables: [Table] {
        let inWholes = Set(content.wholes.flatMap(\.parts))
        let groups = content.wholes.map(\.parts)
            + content.metrics.filter { !inWholes.contains($0.id) && $0.aggregate.isLinear }.map { [$0.id] }
        return rollUp.periods.flatMap { period in groups.map { Table(metrics: $0, period: period) } }
    }

    /// One metric's tables, or one whole's, over the quarters in order: what rule 6 audits
    /// as a unit, so that each quarter can keep the pattern of the quarter before.
    struct Chain: Sendable {
        let metrics: [MetricID]
        /// Oldest first.
        let tables: [Table]
    }

    /// The same tables as `tables`, as chains: chains share no value, so each can be
    /// audited on its own core.
    var chains: [Chain] {
        let inWholes = Set(content.wholes.flatMap(\.parts))
        let groups = content.wholes.map(\.parts)
            + content.metrics.filter { !inWholes.contains($0.id) && $0.aggregate.isLinear }.map { [$0.id] }
        return groups.map { metrics in Chain(metrics: metrics, tables: rollUp.periods.map { Table(metrics: metrics, period: $0) }) }
    }

    /// Whether a table holds anything to protect: a value hidden for its own sake, or a
    /// value given for a group (whose remainder may be small). Most tables hold neither,
    /// and skipping them keeps the audit off a build's critical path.
    func needsAudit(_ table: Table, hidden: [ValueKey: Suppression.Reason]) -> Bool {
        let groups: [Scope] = [.organization] + content.organization.groups.map { .team($0.id) }
        for metric in table.metrics {
            for scope in rollUp.scopes {
                switch hidden[ValueKey(scope, metric, table.period)] {
                case .smallGroup, .fewPeople: return true
                default: continue
                }
            }
            for group in groups where rollUp.cell(group, metric, table.period)?.source == .given { return true }
        }
        return false
    }

    /// The findings of one table, given which values are hidden: every value a rule hides
    /// for its own sake (a team too small to show, too few people) and every remainder of
    /// too few people, with the interval a reader can narrow it to.
    ///
    /// - Parameter only: one value (or remainder) to solve for instead of all: what rule 6
    ///   asks while it tries which value to hide for it, two LP solves instead of two per
    ///   hidden value of the table.
    /// - Parameter exposedOnly: leave out the values `isPlainlyProtected` shows are
    ///   protected without a solve: for rule 6, which asks only what is exposed.
    func audit(_ table: Table, hidden: [ValueKey: Suppression.Reason],
               only: (key: ValueKey, isRemainder: Bool)? = nil, exposedOnly: Bool = false) -> [Finding] {
        guard needsAudit(table, hidden: hidden) else { return [] }
        var intervals: [ClosedRange<Double>]?
        var targets: [(key: ValueKey, isRemainder: Bool, variable: Int, value: Double, required: ClosedRange<Double>)] = []
        for linking in Linking.allCases {
            let builder = self.builder(table, hidden: hidden, linking: linking)
            targets = builder.targets()
            if let only { targets = targets.filter { $0.key == only.key && $0.isRemainder == only.isRemainder } }
            if exposedOnly {
                targets = targets.filter { target in
                    target.isRemainder || !isPlainlyProtected(target.key, value: target.value, required: target.required,
                                                              in: table, hidden: hidden)
                }
            }
            guard !targets.isEmpty else { return [] }
            intervals = try? builder.system.feasibleIntervals(of: targets.map { $0.variable })
            if intervals != nil { break }
        }
        // The true values satisfy every row, so no solution means a modelling error:
        // fail safe, as if the reader knew each value exactly.
        let found = intervals ?? targets.map { $0.value...$0.value }
        return zip(targets, found).map { target, interval in
            Finding(key: target.key, isRemainder: target.isRemainder, value: target.value, interval: interval,
                    required: target.required)
        }
    }

    /// Whether a hidden team's value is protected on plain sight, without a solve: for
    /// each side, a hidden team beside it in the same group can move the other way far
    /// enough to keep every roll-up as it is, and nothing else ties the two (one metric,
    /// no release of the quarter, no value given for any group). That is an assignment a
    /// reader cannot rule out with the value at the end of what it must keep, so the LP
    /// would say the same; most hidden values are like this, and the solves are what a
    /// build's audit costs. (A value given for a group can contradict its teams' values;
    /// the audit then fails safe for the whole table, and only the LP can tell.)
    func isPlainlyProtected(_ key: ValueKey, value: Double, required: ClosedRange<Double>, in table: Table,
                            hidden: [ValueKey: Suppression.Reason]) -> Bool {
        guard table.metrics.count == 1, !content.releases.contains(where: { $0.period == table.period }),
              let id = key.scope.teamID, !content.organization.isGroup(id),
              let metric = content.metric(key.metric) else { return false }
        let organization = content.organization
        let parent = organization.parent(of: id)
        // Every group is rolled up (or has no value), so the two appear in exactly the
        // same rows, each with its own weight.
        let groups: [Scope] = [.organization] + organization.groups.map { .team($0.id) }
        if groups.contains(where: { rollUp.cell($0, key.metric, key.period)?.source == .given }) { return false }
        func weight(_ scope: Scope) -> Double {
            metric.aggregate == .weightedMean ? Double(organization.headcount(of: scope)) : 1
        }
        let below = value - required.lowerBound, above = required.upperBound - value
        let range = metric.feasibleRange
        var downCovered = below <= 0, upCovered = above <= 0
        for sibling in organization.children(of: parent) where sibling.id != id && !organization.isGroup(sibling.id) {
            let scope = Scope.team(sibling.id)
            guard hidden[ValueKey(scope, key.metric, key.period)] != nil,
                  let cell = rollUp.cell(scope, key.metric, key.period), cell.source == .measured else { continue }
            let scale = weight(key.scope) / weight(scope)
            // With the value down by `below`, the sibling rises by `below × scale`; and the other way.
            if !downCovered, cell.value + below * scale <= range.upperBound { downCovered = true }
            if !upCovered, cell.value - above * scale >= range.lowerBound { upCovered = true }
            if downCovered && upCovered { return true }
        }
        return false
    }

    /// Which of today's cells a release's numbers are taken to be about, from the most a
    /// reader could assume to the least. A reader takes a value that reads the same in
    /// both versions as unchanged; where the data did change it (a correction below the
    /// rounding, a new headcount), no assignment fits both versions, and the audit
    /// assumes less, in this order, until one does.
    enum Linking: CaseIterable {
        /// Every value that reads the same, and every value hidden in both.
        case all
        /// Only the shown values that read the same.
        case shown
        /// None: the release is a system of its own beside today's, as it was when
        /// released (and audited then).
        case none
    }

    /// The most a reader may be assumed to take as unchanged since the table's releases:
    /// the first `Linking` whose system has a solution.
    func linking(for table: Table, hidden: [ValueKey: Suppression.Reason]) -> Linking? {
        Linking.allCases.first { linking in
            (try? builder(table, hidden: hidden, linking: linking).system.corner(maximising: [])) != nil
        }
    }

    /// A table written down, with every release of its quarter.
    fileprivate func builder(_ table: Table, hidden: [ValueKey: Suppression.Reason], linking: Linking = .all) -> Builder {
        var builder = Builder(audit: self, table: table, hidden: hidden)
        builder.addCells()
        builder.addRollUps()
        builder.addWholes()
        builder.addReleases(linking: linking)
        return builder
    }


    /// What a build publishes of a quarter, as a release records it: every shown value and
    /// every relation of every table of the quarter.
    func ledger(for period: Period, hidden: [ValueKey: Suppression.Reason], audience: String?) -> ReleaseLedger {
        var shown: [ReleaseLedger.Shown] = []
        var relations: [ReleaseLedger.Relation] = []
        for table in tables where table.period == period {
            var builder = Builder(audit: self, table: table, hidden: hidden, recordsRelations: true)
            builder.addCells()
            builder.addRollUps()
            builder.addWholes()
            relations += builder.relations
        }
        for metric in content.metrics {
            for scope in rollUp.scopes {
                let key = ValueKey(scope, metric.id, period)
                guard hidden[key] == nil, let cell = rollUp.cell(scope, metric.id, period) else { continue }
                if let id = scope.teamID, content.organization.isTooSmallToShow(id) { continue }
                let value = ValueFormatter.displayed(cell.value, for: metric.style)
                let known = Builder.known(value, metric)
                shown.append(ReleaseLedger.Shown(cell: ReleaseLedger.Cell(key), shown: value,
                                                 lower: known.lowerBound, upper: known.upperBound))
            }
        }
        return ReleaseLedger(period: period, audience: audience, shown: shown.sorted { $0.cell < $1.cell }, relations: relations)
    }

    /// Values for a table's cells that no reader of the build can tell from the true ones:
    /// halfway between the true values and the corner of everything the build publishes
    /// that `direction` points to (a weight per cell). A shown value stays within its
    /// rounding; a hidden one moves as far as the published numbers let it.
    ///
    /// What it is for: a site built from such values must be the same site, byte for
    /// byte, or some file carries a number the audit does not know is published. Nil
    /// when the corner cannot be found (a side left unbounded, say).
    func indistinguishable(_ table: Table, hidden: [ValueKey: Suppression.Reason],
                           direction: (ValueKey) -> Double) -> [ValueKey: Double]? {
        for linking in Linking.allCases {
            let builder = self.builder(table, hidden: hidden, linking: linking)
            let objective = builder.variables.map { (variable: $0.value, coefficient: direction($0.key)) }
            // A hidden value with no upper (or lower) end may have no corner that way; the
            // values of metrics with both ends still give one.
            let bounded = builder.variables.filter { key, _ in
                let range = builder.metric(key.metric).feasibleRange
                return range.lowerBound.isFinite && range.upperBound.isFinite
            }.map { (variable: $0.value, coefficient: direction($0.key)) }
            guard let corner = (try? builder.system.corner(maximising: objective))
                ?? (try? builder.system.corner(maximising: bounded)) else { continue }
            var values: [ValueKey: Double] = [:]
            for (key, variable) in builder.variables {
                guard let cell = rollUp.cell(key.scope, key.metric, key.period) else { continue }
                values[key] = (cell.value + corner[variable]) / 2
            }
            return values
        }
        return nil
    }

    /// The published values that share a relation with a value, nearest first: the ones
    /// whose hiding can widen what a reader knows of it.
    func neighbours(of finding: Finding, in table: Table, hidden: [ValueKey: Suppression.Reason]) -> [ValueKey] {
        let builder = self.builder(table, hidden: hidden)
        // A value a release showed stays known: hiding it now protects nothing.
        return builder.publishedNeighbours(of: finding.key, for: finding).filter { !builder.released.contains($0) }
    }
}

extension DisclosureAudit {
    /// Writes one table's system down.
    fileprivate struct Builder {
        let audit: DisclosureAudit
        let table: Table
        let hidden: [ValueKey: Suppression.Reason]
        var system = LinearSystem()
        /// The variable of each cell, and of each remainder (by its group's key).
        var variables: [ValueKey: Int] = [:]
        /// The cell of each cell variable, and each row's cells with their coefficients:
        /// what `publishedNeighbours` weighs a candidate by.
        var cellOf: [Int: ValueKey] = [:]
        var rowTerms: [[ValueKey: Double]] = []
        var remainders: [ValueKey: (variable: Int, people: Int, value: Double)] = [:]
        /// The keys in each row, to find a hidden value's neighbours.
        var rows: [[ValueKey]] = []
        /// Each row as a release records it: over cells, not variable numbers.
        var relations: [ReleaseLedger.Relation] = []
        /// The cell of each variable, for `relations`.
        var cells: [Int: ReleaseLedger.Cell] = [:]

        var organization: Organization { audit.content.organization }

        /// Whether rows are also written as a release records them (`relations`): only
        /// for `ledger`, since naming every cell of every row costs more than the solve.
        let recordsRelations: Bool

        init(audit: DisclosureAudit, table: Table, hidden: [ValueKey: Suppression.Reason], recordsRelations: Bool = false) {
            self.audit = audit
            self.table = table
            self.hidden = hidden
            self.recordsRelations = recordsRelations
        }

        func isHidden(_ key: ValueKey) -> Bool { hidden[key] != nil }

        /// Whether a value is hidden for its own sake, rather than to protect another.
        func isPrimary(_ key: ValueKey) -> Bool {
            switch hidden[key] {
            case .smallGroup, .fewPeople: true
            case .complementary, .orderStatistic, nil: false
            }
        }

        func metric(_ id: MetricID) -> Metric { audit.content.metric(id)! }

        /// Adds a row to the system, and as a release would record it.
        mutating func addRelation(_ terms: [(variable: Int, coefficient: Double)], lower: Double, upper: Double,
                                  keys: [ValueKey]) {
            system.addRow(terms, lower: lower, upper: upper)
            rows.append(keys)
            rowTerms.append(Dictionary(terms.compactMap { term in cellOf[term.variable].map { ($0, term.coefficient) } },
                                       uniquingKeysWith: +))
            guard recordsRelations else { return }
            relations.append(ReleaseLedger.Relation(
                terms: terms.map { ReleaseLedger.Relation.Term(cell: cells[$0.variable]!, coefficient: $0.coefficient) },
                lower: lower, upper: upper))
        }

        /// A variable per cell: a shown value is known to its rounding, a hidden one only
        /// to the metric's feasible range.
        mutating func addCells() {
            for id in table.metrics {
                let metric = metric(id)
                let range = metric.feasibleRange
                for scope in audit.rollUp.scopes {
                    guard let cell = audit.rollUp.cell(scope, id, table.period) else { continue }
                    let key = ValueKey(scope, id, table.period)
                    if recordsRelations { cells[system.variableCount] = ReleaseLedger.Cell(key) }
                    if isHidden(key) {
                        variables[key] = system.addVariable(lower: range.lowerBound, upper: range.upperBound)
                    } else {
                        let known = Self.known(ValueFormatter.displayed(cell.value, for: metric.style), metric)
                        variables[key] = system.addVariable(lower: known.lowerBound, upper: known.upperBound)
                    }
                    cellOf[variables[key]!] = key
                }
            }
        }

        /// What a reader knows of a shown value: its rounding, within the feasible range.
        static func known(_ shown: Double, _ metric: Metric) -> ClosedRange<Double> {
            let range = metric.feasibleRange
            let rounding = ValueFormatter.roundingInterval(around: shown, for: metric.style)
            let lower = max(rounding.lowerBound, range.lowerBound)
            return lower...max(lower, min(rounding.upperBound, range.upperBound))
        }

        /// The values a release of this quarter showed.
        var released: Set<ValueKey> = []

        /// What every release of the quarter published: its shown values pin their cells
        /// (a value shown since changed is a cell of its own, "restated"), and its
        /// relations hold over the cells as they were.
        mutating func addReleases(linking: Linking) {
            let metrics = Set(table.metrics.map(\.rawValue))
            for ledger in audit.content.releases where ledger.period == table.period {
                // Cells of this release that are not today's: restated, gone, above one
                // of those, or (when not linking) hidden both then and now.
                var own: [ReleaseLedger.Cell: Int] = [:]
                let entries = ledger.shown.filter { metrics.contains($0.cell.metric) }
                let shownThen = Set(entries.map(\.cell))
                let moved = movedSinceRelease(entries)
                for entry in entries {
                    let key = ValueKey(entry.cell, table.period)
                    if linking != .none, !moved.contains(entry.cell), let variable = variables[key] {
                        system.addRow([(variable, 1)], lower: entry.lower, upper: entry.upper)
                        released.insert(key)
                    } else {
                        own[entry.cell] = system.addVariable(lower: entry.lower, upper: entry.upper)
                    }
                }
                for relation in ledger.relations {
                    guard relation.terms.allSatisfy({ metrics.contains($0.cell.metric) }) else { continue }
                    let terms = relation.terms.map { term -> (variable: Int, coefficient: Double) in
                        if let variable = own[term.cell] { return (variable, term.coefficient) }
                        let key = ValueKey(term.cell, table.period)
                        let current = term.cell.remainder ? remainders[key]?.variable : variables[key]
                        let links = switch linking {
                        case .all: true
                        case .shown: shownThen.contains(term.cell) || !isHidden(key)
                        case .none: false
                        }
                        if let current, links {
                            return (current, term.coefficient)
                        }
                        let range = metric(key.metric).feasibleRange
                        let variable = system.addVariable(lower: range.lowerBound, upper: range.upperBound)
                        own[term.cell] = variable
                        return (variable, term.coefficient)
                    }
                    system.addRow(terms, lower: relation.lower, upper: relation.upper)
                }
            }
        }

        /// The released values that today's data changed: those that read differently
        /// now (or are gone), and every group above one, whose value moved with its
        /// member's even where it still reads the same.
        private func movedSinceRelease(_ entries: [ReleaseLedger.Shown]) -> Set<ReleaseLedger.Cell> {
            var moved: Set<ReleaseLedger.Cell> = []
            for entry in entries {
                let key = ValueKey(entry.cell, table.period)
                if let cell = audit.rollUp.cell(key.scope, key.metric, table.period) {
                    let metric = metric(key.metric)
                    let now = Self.known(ValueFormatter.displayed(cell.value, for: metric.style), metric)
                    // Today's value reads as the released one: a reader takes it as unchanged.
                    if now.overlaps(entry.lower...entry.upper) { continue }
                }
                moved.insert(entry.cell)
                guard let id = key.scope.teamID else { continue }
                for scope in organization.ancestors(of: id) {
                    moved.insert(ReleaseLedger.Cell(ValueKey(scope, key.metric, table.period)))
                }
            }
            return moved
        }

        /// A row per group value: its roll-up, or the people its given value covers.
        mutating func addRollUps() {
            let groups: [Scope] = organization.groups.map { .team($0.id) } + [.organization]
            for id in table.metrics {
                let metric = metric(id)
                guard metric.aggregate.isLinear else { continue }
                for group in groups {
                    guard let cell = audit.rollUp.cell(group, id, table.period) else { continue }
                    let key = ValueKey(group, id, table.period)
                    switch cell.source {
                    case .measured:
                        continue
                    case .rolledUp:
                        addRollUp(key, metric: metric, contributors: audit.contributors[key] ?? [])
                    case .given:
                        addGiven(key, metric: metric, cell: cell)
                    }
                }
            }
        }

        private func weight(_ scope: Scope, _ metric: Metric) -> Double {
            switch metric.aggregate {
            case .weightedMean: Double(organization.headcount(of: scope))
            default: 1
            }
        }

        private mutating func addRollUp(_ key: ValueKey, metric: Metric, contributors: [Scope]) {
            guard !contributors.isEmpty else { return }
            var terms: [(variable: Int, coefficient: Double)] = []
            var keys = [key]
            for scope in contributors {
                let member = ValueKey(scope, metric.id, key.period)
                guard let variable = variables[member] else { return }
                terms.append((variable, weight(scope, metric)))
                keys.append(member)
            }
            let total: Double = switch metric.aggregate {
            case .sum: 1
            case .weightedMean: contributors.reduce(0) { $0 + weight($1, metric) }
            default: Double(contributors.count)
            }
            // A weighted mean over no people falls back to the plain mean (Aggregation).
            guard total > 0 else { return }
            terms.append((variables[key]!, -total))
            addRelation(terms, lower: 0, upper: 0, keys: keys)
        }

        /// A value given for a group is read as covering its teams' people: the teams with
        /// a value, weighted by their `n` (or headcount), and a remainder for the rest.
        private mutating func addGiven(_ key: ValueKey, metric: Metric, cell: RollUp.Cell) {
            let teams = leafTeams(under: key.scope).compactMap { scope -> (Scope, RollUp.Cell)? in
                audit.rollUp.cell(scope, metric.id, key.period).map { (scope, $0) }
            }
            let byRespondents = cell.n != nil && teams.allSatisfy { $0.1.n != nil }
            let isSum = metric.aggregate == .sum
            func people(_ scope: Scope, _ cell: RollUp.Cell) -> Int {
                byRespondents ? cell.n! : organization.headcount(of: scope)
            }
            let covered = teams.reduce(0) { $0 + people($1.0, $1.1) }
            let everyone = byRespondents ? cell.n! : organization.headcount(of: key.scope)
            let rest = everyone - covered
            // Fewer people than the teams' own would mean the given value is not about
            // the same people: no relation can be written.
            guard rest >= 0 else { return }
            var terms: [(variable: Int, coefficient: Double)] = []
            var keys = [key]
            for (scope, teamCell) in teams {
                let member = ValueKey(scope, metric.id, key.period)
                terms.append((variables[member]!, isSum ? 1 : Double(people(scope, teamCell))))
                keys.append(member)
            }
            if rest > 0 {
                let range = metric.feasibleRange
                if recordsRelations { cells[system.variableCount] = ReleaseLedger.Cell(key, remainder: true) }
                let variable = system.addVariable(lower: range.lowerBound, upper: range.upperBound)
                let sum = teams.reduce(0.0) { $0 + (isSum ? 1 : Double(people($1.0, $1.1))) * $1.1.value }
                let value = isSum ? cell.value - sum : (cell.value * Double(everyone) - sum) / Double(rest)
                remainders[key] = (variable, rest, value)
                terms.append((variable, isSum ? 1 : Double(rest)))
            }
            guard !terms.isEmpty else { return }
            terms.append((variables[key]!, isSum ? -1 : -Double(everyone)))
            addRelation(terms, lower: 0, upper: 0, keys: keys)
        }

        private func leafTeams(under scope: Scope) -> [Scope] {
            organization.children(of: scope).flatMap { member -> [Scope] in
                organization.isGroup(member.id) ? leafTeams(under: .team(member.id)) : [.team(member.id)]
            }
        }

        /// For every team (or group given its parts in the data) with all of a whole's
        /// parts: the parts add up to its total.
        ///
        /// Not for a rolled-up group: its parts add up to the total only when every member
        /// has every part, and then the roll-ups already say so; when one lacks a part
        /// they do not, and a row would claim what no reader knows.
        mutating func addWholes() {
            guard table.metrics.count > 1,
                  let whole = audit.content.wholes.first(where: { $0.parts == table.metrics }) else { return }
            let unit = ValueFormatter.displayUnit(for: metric(whole.parts[0]).style)
            for scope in audit.rollUp.scopes {
                let keys = whole.parts.map { ValueKey(scope, $0, table.period) }
                let cells = whole.parts.compactMap { audit.rollUp.cell(scope, $0, table.period) }
                guard cells.count == whole.parts.count,
                      cells.allSatisfy({ $0.source == .measured || $0.source == .given }) else { continue }
                // The data's own parts may miss the total by their rounding. The row holds
                // the total, widened by whole display units until it takes in their sum:
                // a release records the row, and the exact sum is published nowhere.
                let sum = cells.reduce(0) { $0 + $1.value }
                let below = max(0, ((whole.total - sum) / unit).rounded(.up)) * unit
                let above = max(0, ((sum - whole.total) / unit).rounded(.up)) * unit
                addRelation(keys.map { (variables[$0]!, 1.0) }, lower: whole.total - below, upper: whole.total + above,
                            keys: keys)
            }
        }

        /// What the audit solves for: the primary hidden cells and the small remainders,
        /// each with the interval a reader must not get inside of.
        func targets() -> [(key: ValueKey, isRemainder: Bool, variable: Int, value: Double,
                                                         required: ClosedRange<Double>)] {
            var result: [(key: ValueKey, isRemainder: Bool, variable: Int, value: Double, required: ClosedRange<Double>)] = []
            for id in table.metrics {
                let metric = metric(id)
                for scope in audit.rollUp.scopes {
                    let key = ValueKey(scope, id, table.period)
                    guard let variable = variables[key], isHidden(key), isPrimary(key),
                          let cell = audit.rollUp.cell(scope, id, table.period) else { continue }
                    result.append((key, false, variable, cell.value, required(around: cell.value, metric)))
                }
            }
            let minimum = audit.content.site.minGroupSize
            for (key, remainder) in remainders.sorted(by: { ($0.key.scope, $0.key.metric.rawValue) < ($1.key.scope, $1.key.metric.rawValue) })
            where remainder.people < minimum {
                let metric = metric(key.metric)
                result.append((key, true, remainder.variable, remainder.value, required(around: remainder.value, metric)))
            }
            return result
        }

        /// `value` ± its protection, each side clipped to the feasible range.
        private func required(around value: Double, _ metric: Metric) -> ClosedRange<Double> {
            let level = max(audit.content.site.protection * abs(value), ValueFormatter.displayUnit(for: metric.style))
            let range = metric.feasibleRange
            let lower = max(value - level, range.lowerBound), upper = min(value + level, range.upperBound)
            return min(lower, value)...max(upper, value)
        }

        /// The shown values in any row with `key`, or with a hidden value such a row
        /// reaches, in the order to try hiding them: teams first, smallest first, then
        /// groups. With `exposed`, a value that shares a row with `key` and has room to let
        /// it move as `exposed` needs comes first, the smallest such row first (a team's
        /// own group before the whole organization), all the room it needs before some.
        /// A value near the end of its range has none (a share at 99% cannot rise to make
        /// up for a hidden one falling), and one only in a row that does not bind does not
        /// help: hiding either would be a trial wasted, and often a value hidden for nothing.
        func publishedNeighbours(of key: ValueKey, for exposed: Finding? = nil) -> [ValueKey] {
            let published = LinkedCells.published(from: key, rows: rows, isHidden: isHidden)
            func rank(_ key: ValueKey) -> (Int, Int, Scope, String) {
                let isTeam = key.scope.teamID.map { !organization.isGroup($0) } ?? false
                let cell = audit.rollUp.cell(key.scope, key.metric, key.period)
                return (isTeam ? 0 : 1, cell?.n ?? organization.headcount(of: key.scope), key.scope, key.metric.rawValue)
            }
            let ranked = published.sorted { rank($0) < rank($1) }
            guard let exposed else { return ranked }
            let below = max(0, exposed.interval.lowerBound - exposed.required.lowerBound)
            let above = max(0, exposed.required.upperBound - exposed.interval.upperBound)
            // Per candidate: the smallest row with `key` it has room in, and whether the
            // room is all that is needed.
            var place: [ValueKey: (row: Int, tier: Int)] = [:]
            for terms in rowTerms {
                guard let mine = terms[key] else { continue }
                for (candidate, theirs) in terms where candidate != key && published.contains(candidate) {
                    guard let share = room(candidate, theirs, for: mine, below: below, above: above), share > 0 else { continue }
                    let spot = (row: terms.count, tier: share >= 1 ? 0 : 1)
                    if let known = place[candidate], (known.row, known.tier) <= (spot.row, spot.tier) { continue }
                    place[candidate] = spot
                }
            }
            let order = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1, $0) })
            return ranked.sorted { a, b in
                let pa = place[a].map { ($0.row, $0.tier) } ?? (Int.max, 2), pb = place[b].map { ($0.row, $0.tier) } ?? (Int.max, 2)
                return (pa.0, pa.1, order[a]!) < (pb.0, pb.1, order[b]!)
            }
        }

        /// How much of the move `key` needs (`below` down, `above` up) hiding `candidate`
        /// makes room for through a row where they have coefficients `theirs` and `mine`,
        /// as a share of the need (1: all of it).
        private func room(_ candidate: ValueKey, _ theirs: Double, for mine: Double, below: Double, above: Double) -> Double? {
            guard below > 0 || above > 0, mine != 0, theirs != 0,
                  let cell = audit.rollUp.cell(candidate.scope, candidate.metric, candidate.period) else { return nil }
            let metric = metric(candidate.metric)
            let known = Self.known(ValueFormatter.displayed(cell.value, for: metric.style), metric)
            let range = metric.feasibleRange
            // For `key` to fall by d, `candidate` moves by d × mine / theirs: the same way
            // as a fall when the signs differ, the other way when they agree.
            let risesWhenKeyFalls = (mine > 0) == (theirs > 0)
            let up = range.upperBound - known.upperBound, down = known.lowerBound - range.lowerBound
            let scale = abs(theirs / mine)
            var share = Double.infinity
            if below > 0 { share = min(share, (risesWhenKeyFalls ? up : down) * scale / below) }
            if above > 0 { share = min(share, (risesWhenKeyFalls ? down : up) * scale / above) }
            return share
        }
    }
}

extension Metric.Aggregation {
    /// Whether a group's value is a linear function of its contributors' values.
    var isLinear: Bool {
        switch self {
        case .sum, .mean, .weightedMean: true
        case .median, .min, .max: false
        }
    }
}

extension ReleaseLedger.Cell {
    init(_ key: ValueKey, remainder: Bool = false) {
        self.init(scope: key.scope.description, metric: key.metric.rawValue, remainder: remainder)
    }
}

extension ValueKey {
    init(_ cell: ReleaseLedger.Cell, _ period: Period) {
        let scope: Scope = cell.scope == Scope.organizationID ? .organization : .team(TeamID(cell.scope))
        self.init(scope, MetricID(cell.metric), period)
    }
}
