import ContentLoading
import ReportModel

/// A Viva Insights person query exported as CSV: one row per person per week
/// (`PersonId`, `MetricDate`), with Copilot metric columns and HR attributes.
///
/// A row counts in the quarter of its `MetricDate` (the week's first day). The team
/// comes from the mapping: by `PersonId` when its key column is `PersonId`, or by an HR
/// attribute when its key column is named after one (`Organization,team` maps every
/// value of the `Organization` column). Each known Copilot column becomes a metric per
/// person-week; other columns are ignored. An attribute that changes within a quarter
/// would put a person in two teams, which the import refuses.
package enum VivaPersonQuery {
    static let activeUsers: MetricID = "viva_copilot_active_users"

    /// A known column, the metric it becomes, and what it means.
    struct Column {
        var header: String
        var metric: ImportedMetric
    }

    private static let origin = "From a Viva Insights person query"

    private static func perWeek(_ id: MetricID, _ name: String, unit: String, decimals: Int = 1,
                                _ description: String) -> ImportedMetric {
        ImportedMetric(id: id, name: name, unit: unit, aggregate: .weightedMean, decimals: decimals,
                       description: "\(description) \(origin); n is the people in the query.", rule: .ratio(scale: 1))
    }

    static let activeDays = Column(header: "Total_Copilot_active_days", metric: perWeek(
        "viva_copilot_active_days", "Copilot active days per person-week", unit: "days/week",
        "Days with any Copilot action, per person per week, averaged over the quarter's weeks."))
    static let actions = Column(header: "Total_Copilot_actions_taken", metric: perWeek(
        "viva_copilot_actions", "Copilot actions per person-week", unit: "actions/week",
        "Copilot actions taken in all Microsoft 365 apps, per person per week."))
    static let assistedHours = Column(header: "Copilot_assisted_hours", metric: perWeek(
        "viva_copilot_assisted_hours", "Copilot assisted hours per person-week (usage proxy)", unit: "h/week",
        decimals: 2,
        "A usage proxy, not time saved: Viva Insights counts six minutes for every Copilot action "
            + "(actions × 6 minutes), per person per week."))

    /// `Copilot_actions_taken_in_<App>`: one metric per app the query includes.
    static let appPrefix = "Copilot_actions_taken_in_"

    static let activeShare = ImportedMetric(
        id: activeUsers, name: "Copilot active people (Viva)", unit: "% of people", aggregate: .weightedMean,
        format: .percent, decimals: 0,
        description: "Share of the team's people in the query with at least one Copilot active day in the quarter. "
            + "\(origin); n is the people in the query.",
        rule: .share)

    /// Header names of the mapping's key column: a PersonId, or any column of the query.
    static let mappingKeys = [
        TeamMapping.Accepted(.person, headers: ["personid", "person", "hashedpersonid"]),
        TeamMapping.Accepted(.attribute(""), headers: [TeamMapping.anyColumn]),
    ]

    /// The metrics a query's header gives, in a fixed order.
    static func metricColumns(in csv: CSVInput) -> [(index: Int, metric: ImportedMetric)] {
        var found: [(Int, ImportedMetric)] = []
        for column in [activeDays, actions, assistedHours] {
            if let index = csv.column(column.header) { found.append((index, column.metric)) }
        }
        let prefix = TeamMapping.foldHeader(appPrefix)
        for (index, field) in csv.header.fields.enumerated() {
            let folded = TeamMapping.foldHeader(field.text)
            guard folded.hasPrefix(prefix), folded.count > prefix.count else { continue }
            let app = String(folded.dropFirst(prefix.count))
            let written = field.text.trimmingSpaces
            let label = written.count > appPrefix.count
                ? String(written.dropFirst(appPrefix.count)).replacingOccurrences(of: "_", with: " ") : app
            found.append((index, perWeek(
                MetricID("viva_copilot_actions_in_\(app)"), "Copilot actions in \(label) per person-week", unit: "actions/week",
                "Copilot actions taken in \(label), per person per week.")))
        }
        return found
    }

    private struct PersonWeek: Hashable {
        var person: Int
        var day: CalendarDay
    }

    /// Reads every query into the run; returns the metrics the queries' columns give.
    package static func read(_ files: [InputFile], mapping: TeamMapping, options: VivaOptions = VivaOptions(),
                             into run: inout ImportRun) -> [ImportedMetric] {
        var metrics: [MetricID: ImportedMetric] = [:]
        var seen: Set<PersonWeek> = []
        for file in files {
            guard let csv = CSVInput.read(file, diagnostics: &run.diagnostics),
                  let found = csv.requireColumns(["PersonId", "MetricDate"], diagnostics: &run.diagnostics) else { continue }
            let (personColumn, dateColumn) = (found[0], found[1])
            var keyColumn = personColumn
            if case .attribute(let name) = mapping.key {
                guard let index = csv.column(name) else {
                    run.diagnostics.error(
                        "the mapping's key column '\(name)' is not a column of this query; add the attribute to the "
                            + "query or map PersonId to teams",
                        at: SourceLocation(file: file.path, line: csv.header.line, column: 1))
                    continue
                }
                keyColumn = index
            }
            let columns = metricColumns(in: csv)
            guard !columns.isEmpty else {
                run.diagnostics.error(
                    "no Copilot metric columns; expected \(activeDays.header), \(actions.header), "
                        + "\(assistedHours.header) or \(appPrefix)<App>",
                    at: SourceLocation(file: file.path, line: csv.header.line, column: 1))
                continue
            }
            for column in columns { metrics[column.metric.id] = column.metric }
            let activeDaysColumn = columns.first { $0.metric.id == activeDays.metric.id }?.index
            if activeDaysColumn != nil { metrics[activeUsers] = activeShare }

            for row in csv.rows {
                if run.diagnostics.isSaturated(file.path) { break }
                guard csv.isWhole(row, diagnostics: &run.diagnostics) else { continue }
                let personField = row.fields[personColumn]
                if personField.text.trimmingSpaces.isEmpty {
                    run.diagnostics.error("'\(csv.name(of: personColumn))' is blank; every row needs one",
                                          at: csv.location(of: personField))
                }
                let day = csv.day(row, dateColumn, diagnostics: &run.diagnostics).value
                var values: [(id: MetricID, value: Double)] = []
                var readable = true
                for column in columns {
                    switch csv.amount(row, column.index, diagnostics: &run.diagnostics) {
                    case .value(let value): values.append((column.metric.id, value))
                    case .blank: break
                    case .invalid: readable = false
                    }
                }
                guard readable, let day, !personField.text.trimmingSpaces.isEmpty else { continue }
                let person = run.people.number(for: TeamMapping.foldKey(personField.text))
                guard seen.insert(PersonWeek(person: person, day: day)).inserted else {
                    run.repeats += 1
                    continue
                }
                run.records += 1
                guard let team = mapping.team(for: row.fields[keyColumn].text) else {
                    run.unmapped.insert(person)
                    continue
                }
                run.mapped.insert(person)
                let cell = QuarterlyRollUp.TeamQuarter(team: team, period: day.period)
                run.placements.place(person, in: cell, at: csv.location(of: row.fields[keyColumn]))
                run.rollUp.addMember(person, to: cell)
                for (id, value) in values {
                    run.rollUp.add(id, value, over: 1, in: cell, person: person)
                    guard id == activeDays.metric.id else { continue }
                    run.rollUp.declare(activeUsers, in: cell)
                    if value > 0 { run.rollUp.mark(activeUsers, person: person, in: cell) }
                }
            }
        }
        let order = [activeShare.id, activeDays.metric.id, actions.metric.id, assistedHours.metric.id]
        return metrics.values.sorted {
            let (left, right) = (order.firstIndex(of: $0.id) ?? order.count, order.firstIndex(of: $1.id) ?? order.count)
            return (left, $0.id) < (right, $1.id)
        }
    }
}

/// What `discern import viva` is told about an export that it cannot tell by itself.
public struct VivaOptions: Sendable {
    /// How dates with slashes order day and month; nil to tell from the file.
    public var dateOrder: DateOrder?
    /// Columns named in another language: the name Discern expects, and the export's name.
    public var columns: [(expected: String, found: String)]

    public init(dateOrder: DateOrder? = nil, columns: [(expected: String, found: String)] = []) {
        self.dateOrder = dateOrder
        self.columns = columns
    }

    /// Reads `--columns`: `Expected=Found` pairs separated by commas, such as
    /// `PersonId=Personen-ID,MetricDate=Metrikdatum`. Returns why not on a malformed pair.
    public static func columns(from text: String) -> Result<[(expected: String, found: String)], ColumnsError> {
        var pairs: [(expected: String, found: String)] = []
        for part in text.split(separator: ",") {
            let sides = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard sides.count == 2 else { return .failure(ColumnsError(pair: String(part))) }
            let expected = String(sides[0]).trimmingSpaces
            let found = String(sides[1]).trimmingSpaces
            guard !expected.isEmpty, !found.isEmpty else { return .failure(ColumnsError(pair: String(part))) }
            pairs.append((expected, found))
        }
        return pairs.isEmpty ? .failure(ColumnsError(pair: text)) : .success(pairs)
    }

    /// A `--columns` pair that is not `Expected=Found`.
    public struct ColumnsError: Error, Sendable {
        public let pair: String
    }
}
