import Dispatch
import ReportModel

/// The privacy rules: which teams and which values never reach the output.
///
/// 1. A team or group whose headcount is below the minimum group size is *suppressed*:
///    it gets no page, and its name and values appear nowhere. Its data still counts
///    toward its parent's roll-up.
/// 2. A value with `n` below the threshold (the larger of the minimum group size and
///    the metric's `min_n`) is hidden; its count stays visible.
/// 3. *Complementary suppression* blocks subtraction. For every published roll-up (or
///    value given for a group directly), the
///    members whose contribution is hidden must be none, or at least two adding up to at
///    least the minimum group size. Otherwise the smallest visible member team (by
///    people, then id) is hidden too, or, when no team can be, the roll-up itself. This
///    repeats up the tree until nothing changes, since hiding a group's value changes
///    what its parent may show.
/// 4. A `min`, `max` or `median` is one contributor's own value (or, for a median, the
///    mean of two). It is published only when every contributor's value is: over a
///    concealed contributor it would hand that contributor's value to anyone who sees it
///    equals no published one.
/// 5. A count (`n`) that includes a suppressed team, rolled up or given for a group, is
///    not shown: less its visible members' counts it is that team's.
/// 6. *The audit* (`DisclosureAudit`; the README's rule 7, its rule 6 being the display
///    precision that `Report.reading` keeps): every value hidden by rules 1 and 2, and every
///    remainder of a given value that covers too few people, must keep a reader at least
///    `privacy.protection` away on each side, given everything published across the
///    metrics of a whole. Where it does not, one more published value is hidden, the one
///    that widens what a reader knows the most (trying the nearest few), until it does.
///    A value hidden to protect others in the quarter before comes first when hiding it
///    protects too, so that quarters keep one pattern (quarters are audited in order).
public struct Suppression: Sendable {
    public enum Reason: Hashable, Sendable {
        /// The team or group has fewer people than the minimum group size.
        case smallGroup(minimum: Int)
        /// Fewer people stand behind the value than the threshold.
        case fewPeople(minimum: Int)
        /// Hidden so that a smaller group's value cannot be worked out by subtraction.
        case complementary
        /// A min, max or median over a hidden contributor, whose own value it would be.
        case orderStatistic
    }

    let minimumGroupSize: Int
    /// Teams and groups that are too small to appear in the output at all.
    let suppressedTeams: Set<TeamID>
    private var hidden: [ValueKey: Reason] = [:]
    /// Every hidden value and why, for the audit to check.
    var hiddenValues: [ValueKey: Reason] { hidden }

    /// - Parameter memo: rule 6's outcomes from an earlier build, for the chains whose
    ///   inputs have not changed since.
    public init(content: ReportContent, rollUp: RollUp, auditing: Bool = true, memo: AuditMemo = AuditMemo()) {
        let organization = content.organization
        let minimum = content.site.minGroupSize
        minimumGroupSize = minimum
        suppressedTeams = Set(organization.teams.map(\.id).filter(organization.isTooSmallToShow))

        for scope in rollUp.scopes {
            for metric in rollUp.metrics {
                let threshold = max(minimum, metric.minN ?? 0)
                for period in rollUp.periods {
                    guard let cell = rollUp.cell(scope, metric.id, period) else { continue }
                    let key = ValueKey(scope, metric.id, period)
                    if let id = scope.teamID, suppressedTeams.contains(id) {
                        hidden[key] = .smallGroup(minimum: minimum)
                    } else if let n = cell.n, n < threshold {
                        hidden[key] = .fewPeople(minimum: threshold)
                    }
                }
            }
        }
        blockSubtraction(organization: organization, rollUp: rollUp)
        if auditing {
            let start = DispatchTime.now().uptimeNanoseconds
            protectByAudit(content: content, rollUp: rollUp, memo: memo)
            auditSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        guard !suppressedTeams.isEmpty else { return }
        let suppressed = suppressedTeams
        // Whether a scope is, or has inside it, a suppressed team: a given value for it
        // counts that team's people too.
        func holdsSuppressedTeam(_ scope: Scope) -> Bool {
            if let id = scope.teamID, suppressed.contains(id) { return true }
            return organization.children(of: scope).contains { holdsSuppressedTeam(.team($0.id)) }
        }
        for scope in rollUp.scopes where scope.teamID.map(organization.isGroup) ?? true {
            guard holdsSuppressedTeam(scope) else { continue }
            for metric in rollUp.metrics {
                for period in rollUp.periods {
                    guard let cell = rollUp.cell(scope, metric.id, period) else { continue }
                    let includes = switch cell.source {
                    case .measured: false
                    case .given: true
                    case .rolledUp:
                        rollUp.contributors(of: scope, metric: metric.id, period: period, in: organization)
                            .contains { holdsSuppressedTeam($0.scope) }
                    }
                    if includes { withSuppressedTeam.insert(ValueKey(scope, metric.id, period)) }
                }
            }
        }
    }

    /// Why a value is hidden, or nil when it may be published.
    func reason(_ scope: Scope, _ metric: MetricID, _ period: Period) -> Reason? {
        hidden[ValueKey(scope, metric, period)]
    }

    /// Roll-ups that combine a suppressed team's value: their counts are not shown.
    private var withSuppressedTeam: Set<ValueKey> = []

    /// Whether a roll-up combines a value of a team too small to list.
    func includesSuppressedTeam(_ scope: Scope, _ metric: MetricID, _ period: Period) -> Bool {
        withSuppressedTeam.contains(ValueKey(scope, metric, period))
    }

    /// How many values are hidden, over all scopes, metrics and quarters.
    var hiddenValueCount: Int { hidden.count }

    /// How long rule 6 took, for `--timings` and the benchmark.
    private(set) var auditSeconds = 0.0

    /// Hidden values (or remainders) that no further hiding protects: the build must fail.
    private(set) var unprotectable: [DisclosureAudit.Finding] = []

    /// Rule 6's outcome for every chain of this build, for the next build to reuse.
    private(set) var memo = AuditMemo()
    /// How many chains rule 6 audited, and how many it took from the memo it was given.
    private(set) var chainsAudited = 0, chainsReused = 0

    /// Rule 6: audits each table and hides more until every primary value is protected.
    private mutating func protectByAudit(content: ReportContent, rollUp: RollUp, memo earlier: AuditMemo) {
        let audit = DisclosureAudit(content: content, rollUp: rollUp)
        // A chain's quarters are audited in order, so that each can keep the pattern of
        // the one before. Chains share no value, so each runs on its own core; what each
        // hides comes back in chain order, so the pattern does not depend on the scheduling.
        let start = hidden
        let outcomes = audit.chains.concurrentMap { chain in
            let key = AuditMemo.Key(chain, audit: audit, hidden: start)
            if let outcome = earlier[key] { return (key, outcome, reused: true) }
            return (key, Self.protect(chain, audit: audit, hidden: start), reused: false)
        }
        // Only this build's chains are kept, so the memo never outgrows one content.
        for (key, outcome, reused) in outcomes {
            for key in outcome.hidden { hidden[key] = .complementary }
            unprotectable += outcome.unprotectable
            memo[key] = outcome
            if reused { chainsReused += 1 } else { chainsAudited += 1 }
        }
    }

    /// Rule 6 for one chain, oldest quarter first: the values it hides, and those it
    /// cannot protect.
    private static func protect(_ chain: DisclosureAudit.Chain, audit: DisclosureAudit, hidden start: [ValueKey: Reason])
        -> AuditMemo.Outcome {
        var hidden = start
        var added: [ValueKey] = []
        var unprotectable: [DisclosureAudit.Finding] = []
        var previous: Period?
        for table in chain.tables {
            // What rules 3 and 6 hid to protect others in the quarter before, as this
            // quarter's keys: hiding the same again keeps the pattern a reader compares.
            var preferred: Set<ValueKey> = []
            if let previous {
                for metric in chain.metrics {
                    for scope in audit.rollUp.scopes where hidden[ValueKey(scope, metric, previous)] == .complementary {
                        preferred.insert(ValueKey(scope, metric, table.period))
                    }
                }
            }
            let outcome = protect(table, audit: audit, hidden: hidden, preferring: preferred)
            for key in outcome.hidden { hidden[key] = .complementary }
            added += outcome.hidden
            unprotectable += outcome.unprotectable
            previous = table.period
        }
        return AuditMemo.Outcome(hidden: added, unprotectable: unprotectable)
    }

    /// Rule 6 for one table: the values it hides, and those it cannot protect.
    private static func protect(_ table: DisclosureAudit.Table, audit: DisclosureAudit, hidden start: [ValueKey: Reason],
                                preferring preferred: Set<ValueKey>)
        -> (hidden: [ValueKey], unprotectable: [DisclosureAudit.Finding]) {
        var hidden = start
        var added: [ValueKey] = []
        // Hiding a value only widens what a reader knows of every other, so a value once
        // protected stays protected: after one audit of the whole table, only the exposed
        // ones are solved for again, one at a time. A last whole audit confirms it (links
        // to a release can change with what is hidden) and starts over if it must.
        while true {
            let exposed = audit.audit(table, hidden: hidden, exposedOnly: true).filter { !$0.isProtected }
            guard !exposed.isEmpty else { return (added, []) }
            for first in exposed {
                var current: DisclosureAudit.Finding? = first
                while let finding = current, !finding.isProtected {
                    var candidates = audit.neighbours(of: finding, in: table, hidden: hidden)
                    if finding.isRemainder, hidden[finding.key] == nil { candidates.insert(finding.key, at: 0) }
                    guard let choice = choose(from: candidates, preferring: preferred, for: finding, table: table,
                                              audit: audit, hidden: hidden)
                    else { return (added, [finding]) }
                    hidden[choice] = .complementary
                    added.append(choice)
                    current = audit.audit(table, hidden: hidden, only: (finding.key, finding.isRemainder)).first
                }
            }
        }
    }

    /// The candidate to hide for `exposed`: the first of those hidden the quarter before
    /// whose hiding protects it, else the first of the nearest few that does, else the
    /// one of those that leaves a reader the widest interval.
    private static func choose(from candidates: [ValueKey], preferring preferred: Set<ValueKey>,
                               for exposed: DisclosureAudit.Finding, table: DisclosureAudit.Table,
                               audit: DisclosureAudit, hidden: [ValueKey: Reason]) -> ValueKey? {
        // What a reader can narrow `exposed` to with a candidate hidden too (nil: no longer
        // a target), each solved once though a preferred candidate is tried twice.
        var tried: [ValueKey: DisclosureAudit.Finding?] = [:]
        func after(_ candidate: ValueKey) -> DisclosureAudit.Finding? {
            if let known = tried[candidate] { return known }
            var trial = hidden
            trial[candidate] = .complementary
            let finding = audit.audit(table, hidden: trial, only: (exposed.key, exposed.isRemainder)).first
            tried[candidate] = finding
            return finding
        }
        // Any neighbour may be preferred, not only the nearest few: each protects as well.
        for candidate in candidates where preferred.contains(candidate) {
            if after(candidate)?.isProtected ?? true { return candidate }
        }
        var best: (key: ValueKey, width: Double)?
        for candidate in candidates.prefix(6) {
            guard let finding = after(candidate), !finding.isProtected else { return candidate }
            let width = finding.interval.upperBound - finding.interval.lowerBound
            if best == nil || width > best!.width { best = (candidate, width) }
        }
        return best?.key
    }

    /// Rules 3 and 4, repeated until nothing changes: hiding one value can change what
    /// another may show.
    private mutating func blockSubtraction(organization: Organization, rollUp: RollUp) {
        let groups: [Scope] = organization.groups.reversed().map { .team($0.id) } + [.organization]
        var changed = true
        while changed {
            changed = false
            for metric in rollUp.metrics {
                for period in rollUp.periods {
                    for group in groups where protect(group, metric.id, period, organization, rollUp)
                        || concealOrderStatistic(group, metric, period, organization, rollUp) {
                        changed = true
                    }
                }
            }
        }
    }

    /// Applies rule 3 to one published roll-up. Returns whether it hid something.
    private mutating func protect(_ group: Scope, _ metric: MetricID, _ period: Period,
                                  _ organization: Organization, _ rollUp: RollUp) -> Bool {
        // A value given for a group directly is protected like a roll-up: it may well
        // be the same people's answers, so subtraction could work on it too.
        guard let cell = rollUp.cell(group, metric, period), cell.source != .measured,
              reason(group, metric, period) == nil else { return false }
        let members = organization.children(of: group).map { Scope.team($0.id) }
            .compactMap { scope in rollUp.cell(scope, metric, period).map { (scope: scope, cell: $0) } }
        func size(_ member: (scope: Scope, cell: RollUp.Cell)) -> Int {
            member.cell.n ?? organization.headcount(of: member.scope)
        }
        let concealed = members.filter { isConcealed($0.scope, metric, period, organization, rollUp) }
        guard !concealed.isEmpty else { return false }
        if concealed.count >= 2, concealed.reduce(0, { $0 + size($1) }) >= minimumGroupSize { return false }

        let candidates = members.filter { member in
            guard !isConcealed(member.scope, metric, period, organization, rollUp) else { return false }
            // Hiding a rolled-up member would not conceal it: its own members still add up to it.
            if case .rolledUp = member.cell.source { return false }
            return true
        }
        let smallest = candidates.min { (size($0), $0.scope) < (size($1), $1.scope) }
        hidden[ValueKey(smallest?.scope ?? group, metric, period)] = .complementary
        return true
    }

    /// Applies rule 4 to one group's value. Returns whether it hid it.
    private mutating func concealOrderStatistic(_ group: Scope, _ metric: Metric, _ period: Period,
                                                _ organization: Organization, _ rollUp: RollUp) -> Bool {
        switch metric.aggregate {
        case .min, .max, .median: break
        case .sum, .mean, .weightedMean: return false
        }
        guard let cell = rollUp.cell(group, metric.id, period), cell.source != .measured,
              reason(group, metric.id, period) == nil else { return false }
        // A value given for a group directly is treated as the same statistic over its
        // members, since it may well be.
        let contributors = rollUp.contributors(of: group, metric: metric.id, period: period, in: organization)
        guard contributors.contains(where: { reason($0.scope, metric.id, period) != nil }) else { return false }
        hidden[ValueKey(group, metric.id, period)] = .orderStatistic
        return true
    }

    /// Whether a member's contribution to its group is unknown to a reader: its value is
    /// hidden and, for a rolled-up group, it cannot be rebuilt from its own members.
    private func isConcealed(_ scope: Scope, _ metric: MetricID, _ period: Period,
                             _ organization: Organization, _ rollUp: RollUp) -> Bool {
        guard let cell = rollUp.cell(scope, metric, period), reason(scope, metric, period) != nil else { return false }
        guard case .rolledUp = cell.source else { return true }
        return organization.children(of: scope).contains {
            isConcealed(.team($0.id), metric, period, organization, rollUp)
        }
    }
}
