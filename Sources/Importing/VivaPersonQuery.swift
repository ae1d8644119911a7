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
        id: activeUsers, name: "Copilot active people (Viva)", unit: "% of licensed people", aggregate: .weightedMean,
        format: .percent, decimals: 0,
        description: "Share of the team's Copilot-licensed people with at least one Copilot active day in the quarter. "
            + "Licensed means Total_Copilot_enabled_days above 0 in some week of the quarter, or IsCopilotLicensed "
            + "true, or, when the query has neither, a Copilot active-days cell that is not blank. "
            + "\(origin); n is the licensed people.",
        rule: .ratio(scale: 100))

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

    /// A Viva Insights GitHub Copilot query's person file (`PersonGitHubActivityMetrics.csv`):
    /// one row per person per day, weekdays only in Microsoft's sample, with no HR
    /// attributes. Its columns, as the sample's data dictionary names them:
    /// https://github.com/microsoft/viva-insights-sample-code/blob/main/examples/utility-r/_data/README.md
    private static let gitHubOrigin = "From a Viva Insights GitHub Copilot query"

    private static func gitHubPerWeek(_ id: MetricID, _ name: String, unit: String, _ description: String) -> ImportedMetric {
        ImportedMetric(id: id, name: name, unit: unit, aggregate: .weightedMean, decimals: 1,
                       description: "\(description) \(gitHubOrigin); n is the people in the query.", rule: .ratio(scale: 1))
    }

    static let completionsAccepted = Column(header: "Code completions accepted", metric: gitHubPerWeek(
        "viva_github_copilot_completions_accepted", "GitHub Copilot code completions accepted per person-week",
        unit: "completions/week", "Inline code suggestions accepted, per person per week."))
    static let completionsSuggested = Column(header: "Code completions suggested", metric: gitHubPerWeek(
        "viva_github_copilot_completions_suggested", "GitHub Copilot code completions suggested per person-week",
        unit: "completions/week", "Inline code suggestions shown, per person per week."))
    static let chatRequests = Column(header: "User-initiated chat requests", metric: gitHubPerWeek(
        "viva_github_copilot_chat_requests", "GitHub Copilot chat requests per person-week",
        unit: "requests/week", "Chat requests people started, per person per week."))
    static let acceptanceRate = ImportedMetric(
        id: "viva_github_copilot_acceptance_rate", name: "GitHub Copilot code completion acceptance rate",
        unit: "% of suggestions", aggregate: .weightedMean, format: .percent, decimals: 0,
        description: "Code completions accepted as a share of those suggested. \(gitHubOrigin); "
            + "n is the people with both counts.",
        rule: .ratio(scale: 100))
    static let agentHeader = "Agent adoption"
    static let agentUsers = ImportedMetric(
        id: "viva_github_copilot_agent_users", name: "GitHub Copilot agent users (Viva)", unit: "% of people",
        aggregate: .weightedMean, format: .percent, decimals: 0,
        description: "Share of the team's people in the query who used a Copilot agent on some day of the quarter. "
            + "\(gitHubOrigin); n is the people in the query.",
        rule: .ratio(scale: 100))

    /// What says a person holds a Microsoft 365 Copilot licence, in order of preference:
    /// `Total_Copilot_enabled_days` above 0 in a week (Microsoft's sample code reads licence
    /// this way), an `IsCopilotLicensed` attribute, else a Copilot active-days cell that is
    /// not blank (people without a licence have blank Copilot cells).
    static let enabledDaysHeader = "Total_Copilot_enabled_days"
    static let licensedHeader = "IsCopilotLicensed"

    /// How often a query has a row per person: documented as by day, week or month.
    enum Granularity: Equatable {
        /// A row a day, with `perWeek` days to a week: 7, or 5 when no row falls on a weekend.
        case day(perWeek: Int)
        case week
        case month

        /// How many weeks one row stands for.
        func weeks(_ day: CalendarDay) -> Double {
            switch self {
            case .day(let perWeek): 1 / Double(perWeek)
            case .week: 1
            case .month: Double(CalendarDay.daysIn(month: day.month, year: day.year)) / 7
            }
        }
    }

    /// The grouping a file's distinct dates show: consecutive days (gaps under a week),
    /// month starts, or dates whole weeks apart. A single date is a week when it is a
    /// Sunday, the day Viva's weeks start. Nil when the dates fit none of them.
    static func granularity(of days: Set<CalendarDay>) -> Granularity? {
        let sorted = days.sorted()
        guard let first = sorted.first else { return nil }
        if sorted.count == 1 { return first.weekday == 0 ? .week : nil }
        let gaps = zip(sorted.dropFirst(), sorted).map { $0.ordinal - $1.ordinal }
        if gaps.contains(where: { $0 < 7 }) {
            return .day(perWeek: sorted.contains { $0.weekday == 0 || $0.weekday == 6 } ? 7 : 5)
        }
        if sorted.allSatisfy({ $0.day == 1 }), !gaps.contains(7) { return .month }
        if gaps.allSatisfy({ $0 % 7 == 0 }) { return .week }
        return nil
    }

    /// The order of a file's dates with slashes: the one given, else the one a number above
    /// 12 shows (in the second place month-first, in the first day-first; with both, the
    /// more common, and the others are reported as bad dates). Nil, after an error at the
    /// column's header, when no number is above 12 and the order cannot be told.
    private static func dateOrder(_ csv: CSVInput, column: Int, given: DateOrder?,
                                  diagnostics: inout DiagnosticLog) -> DateOrder? {
        if let given { return given }
        var (dayFirst, monthFirst, slashed) = (0, 0, false)
        for row in csv.rows where column < row.fields.count {
            guard let parts = CalendarDay.slashedParts(row.fields[column].text.trimmingSpaces) else { continue }
            slashed = true
            if parts.first > 12 { dayFirst += 1 }
            if parts.second > 12 { monthFirst += 1 }
        }
        if dayFirst > monthFirst { return .dmy }
        if monthFirst > 0 || !slashed { return .mdy }
        diagnostics.error(
            "'\(csv.name(of: column))' is written with slashes and no number in it is above 12, so every date "
                + "could be month-first or day-first (10/5/2025 is 5 October or 10 May); pass --date-order mdy "
                + "(M/D/YYYY, the US form) or --date-order dmy (D/M/YYYY)",
            at: SourceLocation(file: csv.file, line: csv.header.line, column: csv.header.fields[column].column))
        return nil
    }

    /// A true/false cell, such as `Agent adoption` or `IsCopilotLicensed`; blank is missing.
    private static func flag(_ csv: CSVInput, _ row: CSVTable.Row, _ column: Int,
                             diagnostics: inout DiagnosticLog) -> CellContent<Bool> {
        let field = row.fields[column]
        switch field.text.trimmingSpaces.lowercased() {
        case "": return .blank
        case "true", "yes", "1": return .value(true)
        case "false", "no", "0": return .value(false)
        default:
            diagnostics.error("'\(csv.name(of: column))' must be true or false", at: csv.location(of: field))
            return .invalid
        }
    }

    private enum Kind: Hashable { case personQuery, gitHub }

    private struct PersonDay: Hashable {
        var person: Int
        var day: CalendarDay
        var kind: Kind
    }

    /// A row read, before the file's grouping is known.
    private struct Record {
        var person: Int
        var day: CalendarDay
        var values: [(id: MetricID, value: Double)]
        var accepted: (accepted: Double, suggested: Double)?
        var licensed: Bool?
        var active: Bool?
        var agent: Bool?
        var key: CSVTable.Field
    }

    /// Per team-quarter and person, for the shares: whether licensed (or in the GitHub
    /// query) and whether active (or used an agent).
    private struct Presence {
        var counted = false
        var marked = false
    }

    /// The message for a column the file lacks, with the header it has and the fix for
    /// an export in another language.
    private static func missing(_ name: String, in csv: CSVInput) -> String {
        "missing column '\(name)'; \(csv.columnList). An export in another language names its "
            + "columns in that language: pass --columns \"\(name)=<the header's name for it>\""
    }

    /// Reads every query into the run; returns the metrics the queries' columns give.
    package static func read(_ files: [InputFile], mapping: TeamMapping, options: VivaOptions = VivaOptions(),
                             into run: inout ImportRun) -> [ImportedMetric] {
        var metrics: [MetricID: ImportedMetric] = [:]
        var seen: Set<PersonDay> = []
        var licence: [QuarterlyRollUp.TeamQuarter: [Int: Presence]] = [:]
        var agents: [QuarterlyRollUp.TeamQuarter: [Int: Presence]] = [:]
        for file in files {
            guard let read = CSVInput.read(file, detectingDelimiter: true, diagnostics: &run.diagnostics) else { continue }
            let csv = read.renaming(options.columns).input
            var required: [Int] = []
            for name in ["PersonId", "MetricDate"] {
                if let index = csv.column(name) {
                    required.append(index)
                } else {
                    run.diagnostics.error(missing(name, in: csv), at: SourceLocation(file: file.path, line: csv.header.line, column: 1))
                }
            }
            guard required.count == 2 else { continue }
            let (personColumn, dateColumn) = (required[0], required[1])
            let personColumns = metricColumns(in: csv)
            let gitHubColumns = [completionsAccepted, completionsSuggested, chatRequests].compactMap { column in
                csv.column(column.header).map { (index: $0, metric: column.metric) }
            }
            let agentColumn = csv.column(agentHeader)
            let kind: Kind = personColumns.isEmpty && (!gitHubColumns.isEmpty || agentColumn != nil) ? .gitHub : .personQuery
            var keyColumn = personColumn
            if case .attribute(let name) = mapping.key {
                guard let index = csv.column(name) else {
                    run.diagnostics.error(
                        "the mapping's key column '\(name)' is not a column of this query; add the attribute to the "
                            + "query or map PersonId to teams"
                            + (kind == .gitHub ? " (a GitHub Copilot query has no HR attributes)" : ""),
                        at: SourceLocation(file: file.path, line: csv.header.line, column: 1))
                    continue
                }
                keyColumn = index
            }
            let columns = personColumns + gitHubColumns
            guard !columns.isEmpty || agentColumn != nil else {
                run.diagnostics.error(
                    "no Copilot metric columns; expected \(activeDays.header), \(actions.header), "
                        + "\(assistedHours.header) or \(appPrefix)<App> (a person query), or "
                        + "\(completionsAccepted.header), \(completionsSuggested.header), \(chatRequests.header) or "
                        + "\(agentHeader) (a GitHub Copilot query); \(csv.columnList). An export in "
                        + "another language needs --columns, such as --columns \"\(activeDays.header)=<its name>\"",
                    at: SourceLocation(file: file.path, line: csv.header.line, column: 1))
                continue
            }
            guard let order = dateOrder(csv, column: dateColumn, given: options.dateOrder,
                                        diagnostics: &run.diagnostics) else { continue }
            for column in columns { metrics[column.metric.id] = column.metric }
            let activeDaysColumn = columns.first { $0.metric.id == activeDays.metric.id }?.index
            if activeDaysColumn != nil { metrics[activeUsers] = activeShare }
            let acceptedColumn = csv.column(completionsAccepted.header), suggestedColumn = csv.column(completionsSuggested.header)
            if acceptedColumn != nil, suggestedColumn != nil { metrics[acceptanceRate.id] = acceptanceRate }
            if agentColumn != nil { metrics[agentUsers.id] = agentUsers }
            let enabledColumn = csv.column(enabledDaysHeader), licensedColumn = csv.column(licensedHeader)

            var records: [Record] = []
            for row in csv.rows {
                if run.diagnostics.isSaturated(file.path) { break }
                guard csv.isWhole(row, diagnostics: &run.diagnostics) else { continue }
                let personField = row.fields[personColumn]
                if personField.text.trimmingSpaces.isEmpty {
                    run.diagnostics.error("'\(csv.name(of: personColumn))' is blank; every row needs one",
                                          at: csv.location(of: personField))
                }
                let day = csv.day(row, dateColumn, order: order, diagnostics: &run.diagnostics).value
                var record = Record(person: 0, day: day ?? CalendarDay(year: 2000, month: 1, day: 1)!, values: [],
                                    key: row.fields[keyColumn])
                var readable = true
                for column in columns {
                    switch csv.amount(row, column.index, diagnostics: &run.diagnostics) {
                    case .value(let value): record.values.append((column.metric.id, value))
                    case .blank: break
                    case .invalid: readable = false
                    }
                }
                if let agentColumn {
                    switch flag(csv, row, agentColumn, diagnostics: &run.diagnostics) {
                    case .value(let used): record.agent = used
                    case .blank: break
                    case .invalid: readable = false
                    }
                }
                let value = { (id: MetricID) in record.values.first { $0.id == id }?.value }
                if let accepted = value(completionsAccepted.metric.id), let suggested = value(completionsSuggested.metric.id) {
                    record.accepted = (accepted, suggested)
                }
                if activeDaysColumn != nil {
                    let activeDaysValue = value(activeDays.metric.id)
                    record.active = (activeDaysValue ?? 0) > 0
                    if let enabledColumn {
                        switch csv.amount(row, enabledColumn, diagnostics: &run.diagnostics) {
                        case .value(let days): record.licensed = days > 0
                        case .blank: record.licensed = false
                        case .invalid: readable = false
                        }
                    } else if let licensedColumn {
                        switch flag(csv, row, licensedColumn, diagnostics: &run.diagnostics) {
                        case .value(let licensed): record.licensed = licensed
                        case .blank: record.licensed = false
                        case .invalid: readable = false
                        }
                    } else {
                        record.licensed = activeDaysValue != nil
                    }
                }
                guard readable, day != nil, !personField.text.trimmingSpaces.isEmpty else { continue }
                record.person = run.people.number(for: TeamMapping.foldKey(personField.text))
                guard seen.insert(PersonDay(person: record.person, day: record.day, kind: kind)).inserted else {
                    run.repeats += 1
                    continue
                }
                records.append(record)
            }
            guard !records.isEmpty else { continue }
            guard let granularity = granularity(of: Set(records.map(\.day))) else {
                run.diagnostics.error(
                    "cannot tell how '\(csv.name(of: dateColumn))' groups the rows: its dates are neither consecutive "
                        + "days, nor whole weeks apart, nor the first days of months"
                        + (Set(records.map(\.day)).count == 1 ? " (the file has one date, and it is not a Sunday, "
                            + "the day Viva's weeks start)" : "")
                        + "; export the query grouped by day, week or month, one grouping a file",
                    at: SourceLocation(file: file.path, line: csv.header.line, column: csv.header.fields[dateColumn].column))
                continue
            }

            for record in records {
                run.records += 1
                guard let team = mapping.team(for: record.key.text) else {
                    run.unmapped.insert(record.person)
                    // An HR attribute's value is a group's name; a PersonId is a person's.
                    if case .attribute = mapping.key { run.unmatchedGroups.insert(record.key.text) }
                    continue
                }
                let person = record.person
                run.mapped.insert(person)
                let cell = QuarterlyRollUp.TeamQuarter(team: team, period: record.day.period)
                run.placements.place(person, in: cell, at: csv.location(of: record.key))
                run.rollUp.addMember(person, to: cell)
                let weeks = granularity.weeks(record.day)
                for (id, value) in record.values {
                    run.rollUp.add(id, value, over: weeks, in: cell, person: person)
                }
                if let (accepted, suggested) = record.accepted {
                    run.rollUp.add(acceptanceRate.id, accepted, over: suggested, in: cell, person: person)
                }
                if let licensed = record.licensed {
                    var presence = licence[cell, default: [:]][person, default: Presence()]
                    presence.counted = presence.counted || licensed
                    presence.marked = presence.marked || (licensed && record.active == true)
                    licence[cell, default: [:]][person] = presence
                }
                if kind == .gitHub, agentColumn != nil {
                    var presence = agents[cell, default: [:]][person, default: Presence()]
                    presence.counted = presence.counted || record.agent != nil
                    presence.marked = presence.marked || record.agent == true
                    agents[cell, default: [:]][person] = presence
                }
            }
        }
        // A share's people: each licensed person (or person in the GitHub query) counts
        // once a quarter in the denominator, and once in the numerator if active.
        for (metric, presences) in [(activeUsers, licence), (agentUsers.id, agents)] {
            for (cell, people) in presences {
                for (person, presence) in people where presence.counted {
                    run.rollUp.add(metric, presence.marked ? 1 : 0, over: 1, in: cell, person: person)
                }
            }
        }
        let order = [activeShare.id, activeDays.metric.id, actions.metric.id, assistedHours.metric.id,
                     agentUsers.id, acceptanceRate.id, completionsAccepted.metric.id, completionsSuggested.metric.id,
                     chatRequests.metric.id]
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
