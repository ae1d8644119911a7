import ContentLoading
import ReportModel

/// Team-quarter tallies shared by the importers.
///
/// Records go in by person, as an index the importer hands out (never the identifier
/// itself), or as a team's daily figures for a feed that is already aggregated. Values
/// come out per team and quarter, with every team-quarter under the minimum group size
/// left out and only counted.
package struct QuarterlyRollUp: Sendable {
    /// One team in one quarter: the unit values are written for.
    package struct TeamQuarter: Hashable, Sendable {
        package let team: String
        package let period: Period
    }

    /// What an import keeps of a roll-up: the values, and how much the privacy rules
    /// left out, as counts.
    package struct Outcome: Sendable {
        package var values: [ImportedValue] = []
        /// Team-quarters with fewer people than the minimum group size.
        var leftOutTeamQuarters = 0
        /// Single values (in team-quarters that were kept) resting on too few people.
        var leftOutValues = 0
        /// The people behind the team-quarters that were kept.
        package var people = 0
        /// Values beyond ±1e15, which Discern refuses: only absurd input gives them.
        package var outOfRange = 0
    }

    private struct Sample: Sendable {
        var value: Double
        var weight: Double
    }

    /// What one unit of resampling gave a metric: a person's, or where there are no
    /// people a single record's, numerator, denominator and samples.
    private struct Unit: Sendable {
        var numerator = 0.0
        var denominator = 0.0
        var samples: [Sample] = []
    }

    private struct Tally: Sendable {
        var numerator = 0.0
        var denominator = 0.0
        var people: Set<Int> = []
        var samples: [Sample] = []
        /// By person; a record without one is a unit of its own, numbered below zero.
        var units: [Int: Unit] = [:]
    }

    private struct Group: Sendable {
        var members: Set<Int> = []
        var reportedSize = 0
        var tallies: [MetricID: Tally] = [:]

        /// The people behind the team-quarter: those seen, or for an aggregated feed the
        /// largest count it reported, whichever is more.
        var size: Int { max(members.count, reportedSize) }
    }

    private var groups: [TeamQuarter: Group] = [:]
    /// Numbers the units of records that come without a person.
    private var anonymousUnits = 0

    package init() {}

    /// Counts a person among a team-quarter's people: the population behind its values
    /// and the denominator of its shares.
    mutating func addMember(_ person: Int, to cell: TeamQuarter) {
        groups[cell, default: Group()].members.insert(person)
    }

    /// For a feed without people (the legacy GitHub API): how many people a day's figures
    /// stand for. The largest in the quarter is kept, a lower bound on who was behind it.
    /// Also a team's headcount, for a rate that divides by every engineer in the team.
    mutating func reportSize(_ size: Int, of cell: TeamQuarter) {
        var group = groups[cell, default: Group()]
        group.reportedSize = max(group.reportedSize, min(size, SiteSettings.largestCount))
        groups[cell] = group
    }

    /// Says a metric applies to a team-quarter even if no one is marked for it: a
    /// share or count with no one marked is 0, not missing.
    mutating func declare(_ metric: MetricID, in cell: TeamQuarter) {
        var group = groups[cell, default: Group()]
        if group.tallies[metric] == nil { group.tallies[metric] = Tally() }
        groups[cell] = group
    }

    /// Adds to a ratio metric. With a person, the person counts among its `n` and among
    /// the team-quarter's people.
    mutating func add(_ metric: MetricID, _ numerator: Double, over denominator: Double,
                              in cell: TeamQuarter, person: Int? = nil) {
        var group = groups[cell, default: Group()]
        var tally = group.tallies[metric, default: Tally()]
        tally.numerator += numerator
        tally.denominator += denominator
        let unit = unit(for: person)
        tally.units[unit, default: Unit()].numerator += numerator
        tally.units[unit, default: Unit()].denominator += denominator
        if let person {
            tally.people.insert(person)
            group.members.insert(person)
        }
        group.tallies[metric] = tally
        groups[cell] = group
    }

    /// Marks a person for a `share` or `people` metric (marking twice counts once).
    mutating func mark(_ metric: MetricID, person: Int, in cell: TeamQuarter) {
        var group = groups[cell, default: Group()]
        group.tallies[metric, default: Tally()].people.insert(person)
        group.members.insert(person)
        groups[cell] = group
    }

    /// Adds a sample to a `weightedMedian` metric; with a person, the person counts among
    /// its `n` and among the team-quarter's people.
    mutating func sample(_ metric: MetricID, _ value: Double, weight: Double, person: Int?, in cell: TeamQuarter) {
        var group = groups[cell, default: Group()]
        var tally = group.tallies[metric, default: Tally()]
        tally.samples.append(Sample(value: value, weight: weight))
        tally.units[unit(for: person), default: Unit()].samples.append(Sample(value: value, weight: weight))
        if let person {
            tally.people.insert(person)
            group.members.insert(person)
        }
        group.tallies[metric] = tally
        groups[cell] = group
    }

    /// The unit a record is resampled in: its person, or itself.
    private mutating func unit(for person: Int?) -> Int {
        if let person { return person }
        anonymousUnits += 1
        return -anonymousUnits
    }

    /// The values of every team-quarter, sorted by quarter, team and metric. A
    /// team-quarter with fewer people than `minGroupSize` gives nothing, and neither does
    /// a value with fewer people behind it.
    package func values(for metrics: [ImportedMetric], minGroupSize: Int) -> Outcome {
        var outcome = Outcome()
        var people: Set<Int> = []
        for (cell, group) in groups {
            guard group.size >= minGroupSize else {
                outcome.leftOutTeamQuarters += 1
                continue
            }
            people.formUnion(group.members)
            for metric in metrics {
                guard let tally = group.tallies[metric.id],
                      let (value, n) = Self.value(of: tally, rule: metric.rule, in: group, period: cell.period),
                      value.isFinite else { continue }
                guard n >= minGroupSize else {
                    outcome.leftOutValues += 1
                    continue
                }
                guard abs(value) <= NumberText.largest else {
                    outcome.outOfRange += 1
                    continue
                }
                var imported = ImportedValue(period: cell.period, team: cell.team, metric: metric.id, value: value, n: n)
                if metric.uncertainty == .given,
                   let interval = Self.interval(of: tally, rule: metric.rule, share: metric.format == .percent,
                                                minUnits: minGroupSize, key: imported) {
                    // A percentile interval may miss a median of few distinct values by a
                    // hair; the reader requires ci_low ≤ value ≤ ci_high, and so does sense.
                    imported.interval = (min(interval.low, value), max(interval.high, value))
                }
                outcome.values.append(imported)
            }
        }
        outcome.values.sort()
        outcome.people = people.count
        return outcome
    }

    private static func value(of tally: Tally, rule: ImportedMetric.Rule, in group: Group, period: Period) -> (Double, Int)? {
        switch rule {
        case .ratio(let scale):
            guard tally.denominator > 0 else { return nil }
            return (tally.numerator / tally.denominator * scale, tally.people.isEmpty ? group.size : tally.people.count)
        case .share:
            guard group.size > 0 else { return nil }
            return (100 * Double(tally.people.count) / Double(group.size), group.size)
        case .people:
            return (Double(tally.people.count), group.size)
        case .weightedMedian:
            guard let median = weightedMedian(tally.samples) else { return nil }
            return (median, tally.people.isEmpty ? group.size : tally.people.count)
        case .sum:
            return (tally.numerator, group.size)
        case .sumPerWeek:
            return (tally.numerator / CalendarDay.weeks(in: period), group.size)
        }
    }

    /// The 95% percentile bootstrap of a ratio or median, resampling people (or records
    /// where there are none): a person's records move together, since they are not
    /// independent of each other. Nil for other rules, and with fewer units than
    /// `minUnits` (the minimum group size): resampling one deployment says nothing of
    /// its spread, yet gives an interval of zero width.
    ///
    /// For a `share` of records (a percentage, each record 0 or 1 over 1), the interval
    /// spans both the bootstrap's and Wilson's over the records: a bootstrap cannot see
    /// past what was observed (0 reverts in 10 resample to 0 every time), and Wilson's
    /// alone would take a person's records as independent. With too few units for the
    /// bootstrap (records without people, which are independent), Wilson's alone.
    /// The fewest people whose median gets a bootstrap interval (see `interval`).
    static let fewestPeopleForMedianInterval = 10

    private static func interval(of tally: Tally, rule: ImportedMetric.Rule, share: Bool, minUnits: Int,
                                 key: ImportedValue) -> (low: Double, high: Double)? {
        let bootstrap = PercentileBootstrap(period: key.period.description, team: key.team, metric: key.metric.rawValue)
        switch rule {
        case .ratio(let scale):
            let units = tally.units.values.map { ($0.numerator, $0.denominator) }.sorted { $0 < $1 }
            let resampled = units.count < minUnits ? nil : bootstrap.interval(of: units) { resample in
                var numerator = 0.0, denominator = 0.0
                for unit in resample {
                    numerator += unit.0
                    denominator += unit.1
                }
                return denominator > 0 ? numerator / denominator * scale : nil
            }
            guard share, tally.denominator >= 1,
                  let wilson = wilson(share: tally.numerator / tally.denominator, n: tally.denominator) else { return resampled }
            guard let resampled else { return (wilson.low * scale, wilson.high * scale) }
            return (min(resampled.low, wilson.low * scale), max(resampled.high, wilson.high * scale))
        case .weightedMedian:
            // A median's bootstrap ends are order statistics, people's own figures: from
            // few people the 2.5th percentile is the fastest person's and the 97.5th the
            // slowest's. From 10, a resample's median is the extreme one with a chance
            // under 0.2% (5 or more of 10 draws on that person), so the ends are never it.
            guard tally.units.count >= max(minUnits, Self.fewestPeopleForMedianInterval) else { return nil }
            let units = tally.units.values
                .map { $0.samples.sorted { ($0.value, $0.weight) < ($1.value, $1.weight) } }
                .sorted { first, second in
                    for (a, b) in zip(first, second) where (a.value, a.weight) != (b.value, b.weight) {
                        return (a.value, a.weight) < (b.value, b.weight)
                    }
                    return first.count < second.count
                }
            return bootstrap.interval(of: units) { weightedMedian($0.flatMap { $0 }) }
        case .share, .people, .sum, .sumPerWeek:
            return nil
        }
    }

    /// Wilson's 95% score interval for a share `p` (0…1) of `n` records (E. B. Wilson,
    /// JASA 1927, 22:209–212): (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), z = 1.959964.
    /// Analysis has the report's own; Importing sits beside it, not above, so it keeps this one.
    private static func wilson(share p: Double, n: Double) -> (low: Double, high: Double)? {
        guard n >= 1, p.isFinite, (0...1).contains(p) else { return nil }
        let z = 1.959963984540054, z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return (max(0, centre - half), min(1, centre + half))
    }

    /// The value at which half the weight lies on either side; when the halfway point
    /// falls exactly between two values, their mean (as the ordinary median does).
    private static func weightedMedian(_ samples: [Sample]) -> Double? {
        let sorted = samples.filter { $0.weight > 0 }.sorted { ($0.value, $0.weight) < ($1.value, $1.weight) }
        let total = sorted.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        var cumulative = 0.0
        for (index, sample) in sorted.enumerated() {
            cumulative += sample.weight
            if cumulative > total / 2 { return sample.value }
            if cumulative == total / 2 {
                return index + 1 < sorted.count ? (sample.value + sorted[index + 1].value) / 2 : sample.value
            }
        }
        return sorted.last?.value
    }
}
