import ReportModel

/// Which teams each person was put in, per quarter, and by which record: how an import
/// keeps its promise that each person counts in exactly one team a quarter.
///
/// Two published teams whose members differ by one person give that person's values by
/// subtraction, so an import that puts someone in two teams must be refused. What is
/// reported is a pair of teams and how many people they share, never the people.
package struct TeamPlacements: Sendable {
    private struct PersonQuarter: Hashable, Sendable {
        var person: Int
        var period: Period
    }

    /// Two teams that share people: the unit an overlap is reported in.
    package struct Overlap: Sendable, Equatable {
        /// The two teams, in order.
        package var teams: [String]
        /// The quarters in which they share someone, in order.
        package var periods: [Period]
        /// How many people they share, over those quarters.
        package var people: Int
        /// The first record that put someone in the second of their two teams.
        package var location: SourceLocation
    }

    /// For each person and quarter, each team with the first record that put them there.
    private var placed: [PersonQuarter: [String: SourceLocation]] = [:]

    package init() {}

    /// Notes that `location`'s record puts `person` in `cell`'s team for its quarter.
    package mutating func place(_ person: Int, in cell: QuarterlyRollUp.TeamQuarter, at location: SourceLocation) {
        let key = PersonQuarter(person: person, period: cell.period)
        if let known = placed[key]?[cell.team], known <= location { return }
        placed[key, default: [:]][cell.team] = location
    }

    /// Every pair of teams that shares someone in some quarter, in the order of the
    /// records that made them share.
    var overlaps: [Overlap] {
        struct Pair: Hashable {
            var first: String
            var second: String
        }
        var people: [Pair: Set<Int>] = [:]
        var periods: [Pair: Set<Period>] = [:]
        var locations: [Pair: SourceLocation] = [:]
        for (key, teams) in placed where teams.count > 1 {
            let names = teams.keys.sorted()
            for (index, first) in names.enumerated() {
                for second in names[(index + 1)...] {
                    let pair = Pair(first: first, second: second)
                    people[pair, default: []].insert(key.person)
                    periods[pair, default: []].insert(key.period)
                    // The person is in both teams from the later of the two records on.
                    let location = max(teams[first]!, teams[second]!)
                    locations[pair] = min(locations[pair] ?? location, location)
                }
            }
        }
        return people.map { pair, members in
            Overlap(teams: [pair.first, pair.second], periods: periods[pair]!.sorted(), people: members.count,
                    location: locations[pair]!)
        }
        .sorted { ($0.location, $0.teams.joined(separator: "/")) < ($1.location, $1.teams.joined(separator: "/")) }
    }
}
