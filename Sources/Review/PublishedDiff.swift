import ReportModel

/// The published numbers that differ between two versions of the content, for a
/// reviewer: what readers of the site would see change.
///
/// Numbers are compared as the site writes them, so a change below the precision a
/// metric is shown with is not listed. A number that becomes suppressed is listed
/// (`3.4 days → suppressed`) without the value it would have had; one that was never
/// /// shown on either side (suppressed, or absent) is not. A change to a team too small to
/// show in the new version is counted, never listed: a diff is shared with reviewers,
/// and naming the team would say that it is now small. (One that has grown past the
/// minimum is listed, `suppressed → 3.4 days`, as the new site lists it.) Changes are sorted by quarter,
/// then scope as the site orders them (the organization, then the tree), then metric
/// in catalog order, the new version's order first.
public struct PublishedDiff: Sendable {
    let changes: [PublishedChange]
    /// Changes to the numbers of teams too small to show in the new version.
    let withheld: Int

    public init(old: PublishedNumbers, new: PublishedNumbers) {
        var withheld = 0
        let keys = Set(old.keys).union(new.keys)
        var changes: [(rank: (Period, Int, Int), change: PublishedChange)] = []
        let scopeRank = Self.ranks(new.scopes, then: old.scopes)
        let metricRank = Self.ranks(new.metrics, then: old.metrics)
        for key in keys {
            let before = old.shown(key), after = new.shown(key)
            // Only numbers: "suppressed" on both sides, or suppressed on one side and
            // nothing on the other, shows no number either way.
            guard before != after, before.isValue || after.isValue else { continue }
            if let id = key.scope.teamID, new.suppressed.contains(id) {
                withheld += 1
                continue
            }
            let change = PublishedChange(
                period: key.period, scope: key.scope,
                scopeName: new.names[key.scope] ?? old.names[key.scope] ?? key.scope.description,
                kind: new.kinds[key.scope] ?? old.kinds[key.scope] ?? .team,
                metric: key.metric, metricName: new.metricNames[key.metric] ?? old.metricNames[key.metric] ?? key.metric.rawValue,
                old: before, new: after, released: new.restated[key])
            changes.append(((key.period, scopeRank[key.scope] ?? .max, metricRank[key.metric] ?? .max), change))
        }
        self.changes = changes.sorted { $0.rank < $1.rank }.map(\.change)
        self.withheld = withheld
    }

    /// Positions in the new version's order, then the old version's for what only it has.
    private static func ranks<T: Hashable>(_ first: [T], then second: [T]) -> [T: Int] {
        var ranks: [T: Int] = [:]
        for item in first + second where ranks[item] == nil { ranks[item] = ranks.count }
        return ranks
    }

    /// `12 published numbers change in the organization, 1 group and 2 teams.`, or
    /// `No published number changes.`, then how many changes are not listed.
    var countLine: String {
        guard withheld > 0 else { return listedLine }
        let one = withheld == 1
        return listedLine + " \(withheld) more \(one ? "concerns a team" : "concern teams") now too small to show, "
            + "and \(one ? "is" : "are") not listed."
    }

    private var listedLine: String {
        guard !changes.isEmpty else { return withheld > 0 ? "No listed number changes." : "No published number changes." }
        var kinds: [PublishedNumbers.Kind: Set<Scope>] = [:]
        for change in changes { kinds[change.kind, default: []].insert(change.scope) }
        var places: [String] = []
        if kinds[.organization] != nil { places.append("the organization") }
        for (kind, word) in [(PublishedNumbers.Kind.group, "group"), (.team, "team")] {
            if let count = kinds[kind]?.count { places.append("\(count) \(word)\(count == 1 ? "" : "s")") }
        }
        let list = places.count > 1 ? places.dropLast().joined(separator: ", ") + " and " + places.last! : places[0]
        let count = changes.count
        return "\(count) published number\(count == 1 ? " changes" : "s change") in \(list)."
    }
}
