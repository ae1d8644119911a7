import ReportModel

/// The published numbers that differ between two versions of the content, for a
/// reviewer: what readers of the site would see change.
///
/// Numbers are compared as the site writes them, so a change below the precision a
/// metric is shown with is not listed. A number that becomes suppressed is listed
/// (`3.4 days → suppressed`) without the value it would have had; one that was never
/// shown on either side (suppressed, or absent) is not. Changes are sorted by quarter,
/// then scope as the site orders them (the organization, then the tree), then metric
/// in catalog order, the new version's order first.
public struct PublishedDiff: Sendable {
    public let changes: [PublishedChange]

    public init(old: PublishedNumbers, new: PublishedNumbers) {
        let keys = Set(old.keys).union(new.keys)
        var changes: [(rank: (Period, Int, Int), change: PublishedChange)] = []
        let scopeRank = Self.ranks(new.scopes, then: old.scopes)
        let metricRank = Self.ranks(new.metrics, then: old.metrics)
        for key in keys {
            let before = old.shown(key), after = new.shown(key)
            // Only numbers: "suppressed" on both sides, or suppressed on one side and
            // nothing on the other, shows no number either way.
            guard before != after, before.isValue || after.isValue else { continue }
            let change = PublishedChange(
                period: key.period, scope: key.scope,
                scopeName: new.names[key.scope] ?? old.names[key.scope] ?? key.scope.description,
                kind: new.kinds[key.scope] ?? old.kinds[key.scope] ?? .team,
                metric: key.metric, metricName: new.metricNames[key.metric] ?? old.metricNames[key.metric] ?? key.metric,
                old: before, new: after)
            changes.append(((key.period, scopeRank[key.scope] ?? .max, metricRank[key.metric] ?? .max), change))
        }
        self.changes = changes.sorted { $0.rank < $1.rank }.map(\.change)
    }

    /// Positions in the new version's order, then the old version's for what only it has.
    private static func ranks<T: Hashable>(_ first: [T], then second: [T]) -> [T: Int] {
        var ranks: [T: Int] = [:]
        for item in first + second where ranks[item] == nil { ranks[item] = ranks.count }
        return ranks
    }

    /// `12 published numbers change in the organization, 1 group and 2 teams.`, or
    /// `No published number changes.`
    public var countLine: String {
        guard !changes.isEmpty else { return "No published number changes." }
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
