import ContentLoading
import Formatting
import ReportModel

/// Turns an event export (one row per deployment, incident, ticket or change, from any
/// tool) into team-quarter values by a spec: the whole of `discern import events` but
/// the reading and writing of files. See `EventSpec` for the spec's form.
///
/// Who stands behind a value, `n`, depends on where a row's team comes from:
/// - `team: {column: …}`: rows carry no people, so a team's values stand for the whole
///   team and `n` is its headcount in teams.yaml. A team without one cannot be checked
///   against the minimum group size and is left out, with one warning.
/// - `team: {person: …, mapping: …}`: people become numbers as the file is read. A
///   team-quarter's people are everyone with a row in it; counts and sums have that many
///   behind them, a share, mean or median the distinct people behind its rows.
///
/// Team-quarters and values below the minimum group size are left out and only counted;
/// messages give counts and column names, never a cell that could name a person.
public struct EventImporter: Sendable {
    var events: InputFile
    var spec: InputFile
    /// The person-to-team CSV: `--teams`, or the one the spec names.
    public var mapping: InputFile?
    public var minGroupSize = SiteSettings.defaultMinGroupSize
    /// The content's teams (id and name), when its teams.yaml could be read.
    public var teams: [(id: String, name: String)]?
    /// Each team's headcount in teams.yaml: `n` for a spec whose team is a column.
    public var headcounts: [String: Int]?

    public init(events: InputFile, spec: InputFile) {
        self.events = events
        self.spec = spec
    }

    /// The person-to-team CSV the spec names, as written there (relative to it), if any.
    public static func mappingPath(in spec: InputFile) -> String? {
        var diagnostics = DiagnosticLog()
        return spec.text(diagnostics: &diagnostics).flatMap(EventSpec.mappingPath)
    }

    /// A spec's metric with the export's columns found.
    private struct Located {
        var metric: EventSpec.EventMetric
        var conditions: [(column: Int, values: Set<String>)]
        var share: [(column: Int, values: Set<String>)]
        var date: Int
        var value: Int?
        var duration: (from: Int, to: Int)?
    }

    /// Rows left out for one reason, counted, with the first of them for the message.
    private struct Tally {
        var rows = 0
        var first: SourceLocation?

        mutating func add(_ location: SourceLocation) {
            rows += 1
            if first == nil { first = location }
        }
    }

    /// A metric's rows left out for a blank cell in one of the columns it reads.
    private struct BlankCell: Hashable, Comparable {
        var metric: MetricID
        var column: String

        static func < (lhs: BlankCell, rhs: BlankCell) -> Bool { (lhs.metric, lhs.column) < (rhs.metric, rhs.column) }
    }

    /// Every row left out, by why: counted, never named, but for the team values, which
    /// name teams.
    private struct LeftOut {
        var noTeam = Tally()
        var unknownTeam = Tally()
        var unknownTeams: Set<String> = []
        var noHeadcount = Tally()
        var teamsWithoutHeadcount: Set<String> = []
        var blank: [BlankCell: Tally] = [:]
        var backwards: [MetricID: Tally] = [:]
    }

    public func run() -> UsageImport {
        var run = ImportRun()
        guard let text = spec.text(diagnostics: &run.diagnostics),
              let spec = EventSpec.parse(text, file: self.spec.path, diagnostics: &run.diagnostics),
              let input = CSVInput.read(events, detectingDelimiter: true, diagnostics: &run.diagnostics) else {
            return result(of: run, metrics: [], reason: nil, people: false)
        }
        let columns = input.columnList
        // A column is reported once where the spec names it, though metrics share the date's.
        var reported: Set<SourceLocation> = []
        func column(_ column: EventSpec.Column) -> Int? {
            if let index = input.column(column.name) { return index }
            guard reported.insert(column.location).inserted else { return nil }
            run.diagnostics.error("no column '\(Excerpt.of(column.name))' in \(input.file); \(columns)", at: column.location)
            return nil
        }
        let located = spec.metrics.map { metric in
            Located(metric: metric,
                    conditions: metric.conditions.compactMap { condition in column(condition.column).map { ($0, condition.values) } },
                    share: metric.share.compactMap { condition in column(condition.column).map { ($0, condition.values) } },
                    date: column(metric.date.column) ?? -1,
                    value: { if case .value(let value) = metric.measure { column(value) } else { nil } }(),
                    duration: {
                        guard case .duration(let from, let to, _) = metric.measure else { return nil }
                        guard let from = column(from), let to = column(to) else { return (-1, -1) }
                        return (from, to)
                    }())
        }
        let homeDate = column(spec.date.column)
        var teamColumn: Int?, personColumn: Int?, teamMapping: TeamMapping?
        switch spec.team {
        case .column(let name):
            teamColumn = column(name)
            if let mapping {
                run.diagnostics.warning("the mapping is not used: the spec takes each row's team from its '\(name.name)' column",
                                        at: SourceLocation(file: mapping.path))
            }
        case .person(let name, _):
            personColumn = column(name)
            if let mapping {
                var headers = ["person", "email", "emailaddress", "login", "upn", "user", "username", "name", "author"]
                headers.insert(TeamMapping.foldHeader(name.name), at: 0)
                teamMapping = TeamMapping.parse(mapping, accepting: [.init(.person, headers: headers)],
                                                knownTeams: teams.map { Set($0.map(\.id)) }, diagnostics: &run.diagnostics)
            } else {
                run.diagnostics.error("the spec's team mapping could not be read; pass it with --teams",
                                      at: SourceLocation(file: self.spec.path))
            }
        }
        guard !run.diagnostics.hasErrors, let homeDate else {
            return result(of: run, metrics: [], reason: nil, people: false)
        }

        // Team cells: ids or names, compared trimmed and without regard to case.
        var teamsByAnswer: [String: String] = [:]
        for team in teams ?? [] {
            teamsByAnswer[TeamMapping.foldKey(team.name)] = team.id
            teamsByAnswer[TeamMapping.foldKey(team.id)] = team.id
        }
        var leftOut = LeftOut()
        var teamRows = 0
        var homes: Set<QuarterlyRollUp.TeamQuarter> = []

        for row in input.rows {
            guard input.isWhole(row, diagnostics: &run.diagnostics) else { continue }
            if row.fields.allSatisfy({ $0.text.trimmingSpaces.isEmpty }) { continue }
            run.records += 1
            var person: Int?
            let team: String
            if let teamColumn {
                let field = row.fields[teamColumn]
                let answer = TeamMapping.foldKey(field.text)
                guard !answer.isEmpty else {
                    leftOut.noTeam.add(input.location(of: field))
                    continue
                }
                guard let id = teamsByAnswer[answer] ?? (teams == nil && Slug.isValid(answer) ? answer : nil) else {
                    leftOut.unknownTeams.insert(field.text.trimmingSpaces)
                    leftOut.unknownTeam.add(input.location(of: field))
                    continue
                }
                guard headcounts?[id] != nil else {
                    leftOut.teamsWithoutHeadcount.insert(id)
                    leftOut.noHeadcount.add(input.location(of: field))
                    continue
                }
                team = id
            } else if let personColumn, let teamMapping {
                let field = row.fields[personColumn]
                let key = TeamMapping.foldKey(field.text)
                guard !key.isEmpty else {
                    leftOut.noTeam.add(input.location(of: field))
                    continue
                }
                let number = run.people.number(for: key)
                guard let mapped = teamMapping.team(for: key) else {
                    run.unmapped.insert(number)
                    continue
                }
                run.mapped.insert(number)
                person = number
                team = mapped
            } else {
                continue
            }
            teamRows += 1

            // A cell each metric reads is checked once, however many metrics read it.
            var moments: [Int: CellContent<Timestamp>] = [:]
            func moment(_ column: Int, _ format: DateFormat) -> CellContent<Timestamp> {
                if let known = moments[column] { return known }
                let read = Self.moment(row.fields[column], named: input.name(of: column), format: format, in: input,
                                       diagnostics: &run.diagnostics)
                moments[column] = read
                return read
            }
            func place(_ cell: QuarterlyRollUp.TeamQuarter) {
                if let person {
                    run.rollUp.addMember(person, to: cell)
                    run.placements.place(person, in: cell, at: input.location(of: row.fields[personColumn ?? 0]))
                } else if let headcount = headcounts?[team] {
                    run.rollUp.reportSize(headcount, of: cell)
                }
            }
            // The quarter of the row's own date is one the export covers for its team, so a
            // count with no matching row there is 0; a cell no metric reads is not checked.
            if let home = Timestamp(row.fields[homeDate].text, format: spec.date.format) {
                let cell = QuarterlyRollUp.TeamQuarter(team: team, period: home.period)
                place(cell)
                homes.insert(cell)
            }
            for metric in located where Self.matches(row, metric.conditions) {
                let id = metric.metric.id
                func blank(_ column: Int) {
                    leftOut.blank[BlankCell(metric: id, column: input.name(of: column)), default: Tally()]
                        .add(input.location(of: row.fields[column]))
                }
                let when = moment(metric.date, metric.metric.date.format)
                guard let date = when.value else {
                    if case .blank = when { blank(metric.date) }
                    continue
                }
                let cell = QuarterlyRollUp.TeamQuarter(team: team, period: date.period)
                place(cell)
                var measured = 1.0
                if let value = metric.value {
                    let field = row.fields[value]
                    let text = field.text.trimmingSpaces
                    if text.isEmpty {
                        blank(value)
                        continue
                    }
                    guard case .success(let number) = NumberText.parse(text) else {
                        run.diagnostics.error("'\(input.name(of: value))' must be a number", at: input.location(of: field))
                        continue
                    }
                    measured = number
                } else if let (from, to) = metric.duration {
                    let start = moment(from, metric.metric.date.format), end = moment(to, metric.metric.date.format)
                    guard let start = start.value, let end = end.value else {
                        if case .blank = start { blank(from) }
                        if case .blank = end { blank(to) }
                        continue
                    }
                    guard start.seconds(to: end) >= 0 else {
                        leftOut.backwards[id, default: Tally()].add(input.location(of: row.fields[to]))
                        continue
                    }
                    if case .duration(_, _, let unit) = metric.metric.measure { measured = start.seconds(to: end) / unit.seconds }
                }
                switch metric.metric.statistic {
                case .count, .countPerWeek, .sum, .mean:
                    run.rollUp.add(id, measured, over: 1, in: cell, person: person)
                case .share:
                    run.rollUp.add(id, Self.matches(row, metric.share) ? 1 : 0, over: 1, in: cell, person: person)
                case .median:
                    run.rollUp.sample(id, measured, weight: 1, person: person, in: cell)
                }
            }
        }
        // A count or sum with no matching row in a team-quarter that has rows is 0, not
        // missing; a quarter only a metric's own date reaches may lie beyond the export.
        for cell in homes {
            for metric in spec.metrics where [.count, .countPerWeek, .sum].contains(metric.statistic) {
                run.rollUp.declare(metric.id, in: cell)
            }
        }

        let teamName = input.name(of: personColumn ?? teamColumn ?? 0)
        run.diagnostics.report(warnings(leftOut, teamColumn: teamName, unmapped: run.unmapped.count, mapping: teamMapping))
        for overlap in run.placements.overlaps {
            run.diagnostics.error("'\(overlap.teams[0])' and '\(overlap.teams[1])' share \(plural(overlap.people, "person", "people")); "
                + "each person must count in one team a quarter: map each person to one team", at: overlap.location)
        }

        let metrics = spec.metrics.map(Self.importedMetric)
        let reason: String? = if run.records == 0 {
            "no rows in the export: nothing to import (is it the right file?)"
        } else if teamRows == 0 {
            personColumn == nil ? "no row names a team of teams.yaml with a headcount: nothing to import"
                : "no row's person is in the mapping: nothing to import (does its first column hold what '\(input.name(of: personColumn!))' does?)"
        } else {
            nil
        }
        return result(of: run, metrics: metrics, reason: reason, people: personColumn != nil)
    }

    /// One warning for each reason rows were left out, with a count and the first row.
    private func warnings(_ leftOut: LeftOut, teamColumn: String, unmapped: Int, mapping: TeamMapping?) -> [Diagnostic] {
        func are(_ count: Int) -> String { count == 1 ? "is" : "are" }
        var warnings: [Diagnostic] = []
        if let first = leftOut.noTeam.first {
            let rows = leftOut.noTeam.rows
            warnings.append(.warning("\(plural(rows, "row has", "rows have")) a blank '\(teamColumn)' and \(are(rows)) "
                + "counted in no team", at: first))
        }
        if let first = leftOut.unknownTeam.first {
            let rows = leftOut.unknownTeam.rows, values = leftOut.unknownTeams
            let names = values.sorted().prefix(8).map { "'\(Excerpt.of($0))'" }.joined(separator: ", ")
            warnings.append(.warning("\(plural(rows, "row names a team", "rows name teams")) that "
                + (teams == nil ? "is not a team id (no teams.yaml was read, so names cannot match)" : "teams.yaml does not have")
                + ": \(names)\(values.count > 8 ? ", …" : ""); \(rows == 1 ? "it is" : "they are") counted in no team",
                at: first))
        }
        if let first = leftOut.noHeadcount.first {
            let teams = leftOut.teamsWithoutHeadcount
            let names = teams.sorted().prefix(8).map { "'\($0)'" }.joined(separator: ", ")
            let why = headcounts == nil ? "no teams.yaml was read"
                : "teams.yaml gives no headcount for \(teams.count == 1 ? "team" : "teams") \(names)"
            warnings.append(.warning("\(plural(leftOut.noHeadcount.rows, "row is", "rows are")) left out: \(why), and a "
                + "team's values from this export stand for the whole team, so its headcount is their n; pass --content "
                + "with a teams.yaml that gives each team's headcount", at: first))
        }
        for (cell, tally) in leftOut.blank.sorted(by: { $0.key < $1.key }) {
            warnings.append(.warning("\(plural(tally.rows, "row", "rows")) matching metric '\(cell.metric)' "
                + "\(tally.rows == 1 ? "has" : "have") a blank '\(cell.column)' and \(are(tally.rows)) left out of it",
                at: tally.first!))
        }
        for (metric, tally) in leftOut.backwards.sorted(by: { $0.key < $1.key }) {
            warnings.append(.warning("\(plural(tally.rows, "row", "rows")) of metric '\(metric)' "
                + "\(tally.rows == 1 ? "ends before it starts" : "end before they start") (clocks out of step?) and "
                + "\(are(tally.rows)) left out of it", at: tally.first!))
        }
        if unmapped > 0, let mapping {
            warnings.append(.warning("\(plural(unmapped, "person has rows", "people have rows")) that the mapping does not "
                + "claim; \(unmapped == 1 ? "that person is" : "they are") counted in no team", at: SourceLocation(file: mapping.file)))
        }
        return warnings
    }

    /// Whether a row's cells are among the values of every condition.
    private static func matches(_ row: CSVTable.Row, _ conditions: [(column: Int, values: Set<String>)]) -> Bool {
        conditions.allSatisfy { $0.values.contains(EventSpec.fold(row.fields[$0.column].text)) }
    }

    /// A date cell in the spec's format; its text is never repeated, since a column swapped
    /// with another could hold names.
    private static func moment(_ field: CSVTable.Field, named name: String, format: DateFormat, in input: CSVInput,
                               diagnostics: inout DiagnosticLog) -> CellContent<Timestamp> {
        if field.text.trimmingSpaces.isEmpty { return .blank }
        if let moment = Timestamp(field.text, format: format) { return .value(moment) }
        diagnostics.error(format == .iso8601 ? Timestamp.problem(field: name)
            : "'\(name)' must be a date written as the spec's format \(format.description) says, with English month names",
            at: input.location(of: field))
        return .invalid
    }

    /// The metric's `metrics.yaml` entry and roll-up rule.
    private static func importedMetric(_ metric: EventSpec.EventMetric) -> ImportedMetric {
        let (rule, format): (ImportedMetric.Rule, Metric.Format) = switch metric.statistic {
        case .count: (.sum, .integer)
        case .countPerWeek: (.sumPerWeek, .number)
        case .sum: (.sum, .number)
        case .mean: (.ratio(scale: 1), .number)
        case .median: (.weightedMedian, .number)
        case .share: (.ratio(scale: 100), .percent)
        }
        // A count is Poisson when it adds up across teams (the report's check insists on
        // `sum`); a mean, median or share of rows is bootstrapped over people, since one
        // person's rows are not independent and n (people or headcount) is not the rows
        // a share is of, so Wilson's interval from n would be wrong.
        let uncertainty: Metric.Uncertainty = switch metric.statistic {
        case .count: metric.aggregate == .sum ? .poisson : .census
        case .mean, .median, .share: .given
        case .countPerWeek, .sum: .census
        }
        return ImportedMetric(id: metric.id, name: metric.name, category: metric.category, unit: metric.unit,
                              better: metric.better, aggregate: metric.aggregate, format: format, decimals: metric.decimals,
                              description: metric.description, rule: rule, uncertainty: uncertainty)
    }

    private func plural(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }

    private func result(of run: ImportRun, metrics: [ImportedMetric], reason: String?, people: Bool) -> UsageImport {
        let outcome = run.rollUp.values(for: metrics, minGroupSize: minGroupSize)
        var diagnostics = run.diagnostics
        if outcome.values.isEmpty, !diagnostics.hasErrors {
            let why = reason ?? (outcome.leftOutTeamQuarters > 0 && outcome.leftOutValues == 0
                ? "every team-quarter has fewer people than the minimum group size (\(minGroupSize)): nothing may be published"
                : outcome.leftOutValues > 0
                ? "every value rests on fewer people than the minimum group size (\(minGroupSize)): nothing may be published"
                : "no row matches a metric's 'where' with the cells it needs: nothing to import")
            diagnostics.error(why, at: SourceLocation(file: events.path))
        }
        if outcome.outOfRange > 0 {
            diagnostics.error("\(plural(outcome.outOfRange, "team-quarter value comes", "team-quarter values come")) out beyond "
                + "±1e15, which Discern refuses; the figures in the input are not plausible", at: SourceLocation(file: events.path))
        }
        var result = UsageImport(source: .events, run: run, outcome: outcome, metrics: metrics, diagnostics: diagnostics,
                                 minGroupSize: minGroupSize)
        // A team column has no people: the summary says none, not zero.
        if !people { result.summary.people = nil }
        return result
    }
}
