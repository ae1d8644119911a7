import ReportModel

/// Every value of every metric for every scope and quarter, before privacy rules:
/// teams' measured values, and groups' and the organization's values rolled up from
/// their members (or given directly in the data, which takes the roll-up's place).
///
/// A group's value combines its *contributors*: each member team with a value, and each
/// member group that was given a value directly; a member group without one is opened
/// up and its own contributors taken instead. So a mean over a group of groups is a
/// mean over teams, not a mean of means, and a directly given value is respected.
///
/// Nothing here is safe to publish as is: `Report` applies `Suppression` on top.
public struct RollUp: Sendable {
    /// One scope's value of one metric in one quarter.
    public struct Cell: Hashable, Sendable {
        public enum Source: Hashable, Sendable {
            /// A team's own value from the data.
            case measured
            /// A group's or the organization's value given in the data.
            case given
            /// Combined from this many contributors.
            case rolledUp(contributors: Int)
        }

        var value: Double
        var n: Int?
        var source: Source
        /// The interval or sd the data gave with a measured or given value; a roll-up has none.
        var spread: GivenSpread? = nil
    }

    let scopes: [Scope]
    let metrics: [Metric]
    let periods: [Period]
    private let scopeIndex: [Scope: Int]
    private let metricIndex: [MetricID: Int]
    private let periodIndex: [Period: Int]
    /// Dense storage, indexed by scope, then metric, then period.
    private var cells: [Cell?]

    public init(content: ReportContent) {
        let organization = content.organization
        scopes = [.organization] + organization.teams.map { .team($0.id) }
        metrics = content.metrics
        periods = Set(content.observations.map(\.period)).sorted()
        scopeIndex = Dictionary(uniqueKeysWithValues: scopes.enumerated().map { ($1, $0) })
        metricIndex = Dictionary(uniqueKeysWithValues: metrics.enumerated().map { ($1.id, $0) })
        periodIndex = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
        cells = Array(repeating: nil, count: scopes.count * metrics.count * periods.count)

        for observation in content.observations {
            guard let slot = slot(observation.scope, observation.metric, observation.period) else { continue }
            let isLeaf = observation.scope.teamID.map { !organization.isGroup($0) } ?? false
            cells[slot] = Cell(value: observation.value, n: observation.n, source: isLeaf ? .measured : .given,
                               spread: observation.spread)
        }
        // Groups in reverse depth-first order, so members are filled before their group.
        let groups: [Scope] = organization.groups.reversed().map { .team($0.id) } + [.organization]
        for metric in metrics {
            for period in periods {
                for group in groups {
                    let slot = slot(group, metric.id, period)!
                    guard cells[slot] == nil else { continue }
                    let members = contributors(of: group, metric: metric.id, period: period, in: organization)
                    let values = members.map(\.cell.value)
                    let weights = members.map { Double(organization.headcount(of: $0.scope)) }
                    guard let value = metric.aggregate.combine(values, weights: weights) else { continue }
                    let counts = members.compactMap(\.cell.n)
                    let n = counts.count == members.count ? counts.reduce(0, +) : nil
                    cells[slot] = Cell(value: value, n: n, source: .rolledUp(contributors: members.count))
                }
            }
        }
    }

    /// Where a cell sits in dense storage, for tables kept beside this one (`Report`'s
    /// readings); the slots run over `scopes`, then `metrics`, then `periods`.
    func slot(_ scope: Scope, _ metric: MetricID, _ period: Period) -> Int? {
        guard let s = scopeIndex[scope], let m = metricIndex[metric], let p = periodIndex[period] else { return nil }
        return (s * metrics.count + m) * periods.count + p
    }

    /// How many slots there are: every scope, metric and quarter.
    var slotCount: Int { cells.count }

    /// The raw value, whatever the privacy rules say.
    func cell(_ scope: Scope, _ metric: MetricID, _ period: Period) -> Cell? {
        slot(scope, metric, period).flatMap { cells[$0] }
    }

    /// The scopes whose values a group's roll-up combines: member teams with a value,
    /// member groups given a value directly, and the contributors of other member groups.
    func contributors(of group: Scope, metric: MetricID, period: Period,
                             in organization: Organization) -> [(scope: Scope, cell: Cell)] {
        var result: [(Scope, Cell)] = []
        for member in organization.children(of: group) {
            let scope = Scope.team(member.id)
            if organization.isGroup(member.id) {
                if let cell = cell(scope, metric, period), cell.source == .given {
                    result.append((scope, cell))
                } else {
                    result += contributors(of: scope, metric: metric, period: period, in: organization)
                }
            } else if let cell = cell(scope, metric, period) {
                result.append((scope, cell))
            }
        }
        return result
    }
}
