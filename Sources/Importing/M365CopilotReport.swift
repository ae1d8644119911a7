import ContentLoading
import ReportModel

/// The Microsoft 365 Copilot usage user-detail report, as CSV: one row per licensed
/// person, with the last day they used Copilot at all and in each app, for a report
/// period (7 to 180 days) ending on the refresh date.
///
/// The report keeps only the *last* activity date, so a quarter's figures are what the
/// reports show: a person is licensed in every quarter their report's period touches,
/// and active in a quarter when a last-activity date inside a report's period falls
/// in it. Export the report at least once per report period so no activity is missed.
/// People are joined to teams by User Principal Name; Display Name is never read.
package enum M365CopilotReport {
    /// A last-activity column: its metric, and its header as Microsoft Graph's CSV (v1 and
    /// v2) and the admin center's export spell it.
    struct DateColumn {
        var id: MetricID
        var name: String
        var app: String
        var headers: [String]
    }

    /// Graph: "Report versions" of getMicrosoft365CopilotUsageUserDetail; admin center: its
    /// "User last activity table" (Learn, microsoft-365-copilot-usage).
    static let dateColumns: [DateColumn] = [
        DateColumn(id: "m365_copilot_active_users", name: "Microsoft 365 Copilot active users", app: "any Microsoft 365 app",
                   headers: ["Last Activity Date", "Last activity date (UTC)", "Last activity date (UTC (Universal Time Code))"]),
        DateColumn(id: "m365_copilot_chat_active_users", name: "Copilot Chat Copilot active users", app: "Copilot Chat",
                   headers: ["Copilot Chat Last Activity Date"]),
        DateColumn(id: "m365_copilot_chat_work_active_users", name: "Copilot Chat (work) active users",
                   app: "Copilot Chat (work)",
                   headers: ["Copilot Chat (work) Last Activity Date", "Last activity date of Copilot Chat (work) (UTC)"]),
        DateColumn(id: "m365_copilot_chat_web_active_users", name: "Copilot Chat (web) active users", app: "Copilot Chat (web)",
                   headers: ["Copilot Chat (web) Last Activity Date", "Last activity date of Copilot Chat (web) (UTC)"]),
        DateColumn(id: "m365_copilot_teams_active_users", name: "Teams Copilot active users", app: "Teams",
                   headers: ["Microsoft Teams Copilot Last Activity Date", "Last activity date of Teams Copilot (UTC)"]),
        DateColumn(id: "m365_copilot_word_active_users", name: "Word Copilot active users", app: "Word",
                   headers: ["Word Copilot Last Activity Date", "Last activity date of Word Copilot (UTC)"]),
        DateColumn(id: "m365_copilot_excel_active_users", name: "Excel Copilot active users", app: "Excel",
                   headers: ["Excel Copilot Last Activity Date", "Last activity date of Excel Copilot (UTC)"]),
        DateColumn(id: "m365_copilot_powerpoint_active_users", name: "PowerPoint Copilot active users", app: "PowerPoint",
                   headers: ["PowerPoint Copilot Last Activity Date", "Last activity date of PowerPoint Copilot (UTC)"]),
        DateColumn(id: "m365_copilot_outlook_active_users", name: "Outlook Copilot active users", app: "Outlook",
                   headers: ["Outlook Copilot Last Activity Date", "Last activity date of Outlook Copilot (UTC)"]),
        DateColumn(id: "m365_copilot_onenote_active_users", name: "OneNote Copilot active users", app: "OneNote",
                   headers: ["OneNote Copilot Last Activity Date", "Last activity date of OneNote Copilot (UTC)"]),
        DateColumn(id: "m365_copilot_loop_active_users", name: "Loop Copilot active users", app: "Loop",
                   headers: ["Loop Copilot Last Activity Date", "Last activity date of Loop Copilot (UTC)"]),
        DateColumn(id: "m365_copilot_app_active_users", name: "Microsoft 365 Copilot app active users",
                   app: "the Microsoft 365 Copilot app",
                   headers: ["Microsoft 365 Copilot Last Activity Date", "Last activity date of Microsoft 365 App (UTC)"]),
        DateColumn(id: "m365_copilot_edge_active_users", name: "Copilot in Edge active users", app: "Microsoft Edge",
                   headers: ["Edge Last Activity Date", "Last activity date of Microsoft Edge (UTC)",
                             "Last activity date of Edge (UTC)"]),
        DateColumn(id: "m365_copilot_agent_active_users", name: "Copilot agent users", app: "an agent built by the organization",
                   headers: ["Copilot Agent Last Activity Date", "Last activity date of any agent (UTC)"]),
    ]

    /// A count over the report's period (v2 and the admin center only).
    struct CountColumn {
        var id: MetricID
        var name: String
        var unit: String
        var what: String
        var headers: [String]
    }

    static let countColumns: [CountColumn] = [
        CountColumn(id: "m365_copilot_prompts", name: "Microsoft 365 Copilot prompts per person-week",
                    unit: "prompts per licensed person-week", what: "prompts submitted in all apps",
                    headers: ["Prompts submitted for all apps", "Prompts submitted (any app)"]),
        CountColumn(id: "m365_copilot_chat_work_prompts", name: "Copilot Chat (work) prompts per person-week",
                    unit: "prompts per licensed person-week", what: "prompts submitted to Copilot Chat (work)",
                    headers: ["Prompts submitted for Copilot Chat (work)", "Copilot Chat (work) prompts submitted"]),
        CountColumn(id: "m365_copilot_chat_web_prompts", name: "Copilot Chat (web) prompts per person-week",
                    unit: "prompts per licensed person-week", what: "prompts submitted to Copilot Chat (web)",
                    headers: ["Prompts submitted for Copilot Chat (web)", "Copilot Chat (web) prompts submitted"]),
        CountColumn(id: "m365_copilot_active_days", name: "Microsoft 365 Copilot active days per person-week",
                    unit: "active days per licensed person-week", what: "active usage days",
                    headers: ["Active Usage Days for all apps", "Active Days"]),
    ]

    package static let metrics: [ImportedMetric] = dateColumns.map { column in
        ImportedMetric(
            id: column.id, name: column.name,
            unit: "% of licensed people", aggregate: .weightedMean, format: .percent, decimals: 0,
            description: "Share of the team's licensed people (those the report lists) who used Copilot in "
                + "\(column.app) on some day of the quarter, as the last-activity dates in the Microsoft 365 Copilot "
                + "usage reports show it. Reports taken less often than their period miss activity. n is the licensed people.",
            rule: .share)
    } + countColumns.map { column in
        // Per licensed person rather than per active one (the admin center's average): the
        // same population as the active shares, so a team where a few people prompt a lot
        // does not look like one where everyone does.
        ImportedMetric(
            id: column.id, name: column.name, unit: column.unit, aggregate: .weightedMean, decimals: 1,
            description: "The \(column.what) over the report periods that fall in the quarter, per licensed person and "
                + "week; a period that spans two quarters is split by its days in each. n is the licensed people with a count.",
            rule: .ratio(scale: 1))
    }

    /// Header names of the mapping's key column: the person's UPN.
    static let mappingKeys = [
        TeamMapping.Accepted(.person, headers: ["upn", "userprincipalname", "email", "mail", "emailaddress", "user",
                                                "person"]),
    ]

    static let refreshHeaders = ["Report Refresh Date"]
    static let upnHeaders = ["User Principal Name", "User name"]
    static let periodHeaders = ["Report Period"]
    static let displayNameHeaders = ["Display Name"]

    /// Reads every report into the run.
    package static func read(_ files: [InputFile], mapping: TeamMapping, into run: inout ImportRun) {
        for file in files {
            if let location = jsonStart(of: file) {
                run.diagnostics.error("this is JSON, and Discern reads this report as CSV: ask Microsoft Graph for CSV "
                                      + "(add ?$format=text/csv to the beta request, or use the v1.0 endpoint, which returns CSV)",
                                      at: location)
                continue
            }
            guard let csv = CSVInput.read(file, diagnostics: &run.diagnostics),
                  let (refreshColumn, upnColumn, periodColumn) = requiredColumns(of: csv, diagnostics: &run.diagnostics)
            else { continue }
            let appColumns = dateColumns.compactMap { app in column(app.headers, in: csv).map { (index: $0, id: app.id) } }
            let counts = countColumns.compactMap { count in column(count.headers, in: csv).map { (index: $0, id: count.id) } }
            warnOfUnknownColumns(in: csv, known: [refreshColumn, upnColumn, periodColumn] + appColumns.map(\.index)
                                     + counts.map(\.index), diagnostics: &run.diagnostics)
            var concealed = Concealment()
            for row in csv.rows {
                if run.diagnostics.isSaturated(file.path) { break }
                guard csv.isWhole(row, diagnostics: &run.diagnostics) else { continue }
                let refresh = csv.day(row, refreshColumn, diagnostics: &run.diagnostics)
                let periodField = row.fields[periodColumn]
                let days = Int(periodField.text.trimmingSpaces).flatMap { (1...366).contains($0) ? $0 : nil }
                if days == nil {
                    run.diagnostics.error("'\(csv.name(of: periodColumn))' must be the report's number of days, like 30",
                                          at: csv.location(of: periodField))
                }
                let upnField = row.fields[upnColumn]
                if upnField.text.trimmingSpaces.isEmpty {
                    run.diagnostics.error("'\(csv.name(of: upnColumn))' is blank; every row needs one",
                                          at: csv.location(of: upnField))
                }
                var activity: [(id: MetricID, day: CalendarDay)] = []
                var readable = true
                for app in appColumns {
                    switch csv.day(row, app.index, optional: true, diagnostics: &run.diagnostics) {
                    case .value(let day): activity.append((app.id, day))
                    case .blank: break
                    case .invalid: readable = false
                    }
                }
                var amounts: [(id: MetricID, value: Double)] = []
                for count in counts {
                    switch csv.amount(row, count.index, diagnostics: &run.diagnostics) {
                    case .value(let value): amounts.append((count.id, value))
                    case .blank: break
                    case .invalid: readable = false
                    }
                }
                guard readable, let refresh = refresh.value, let days,
                      !upnField.text.trimmingSpaces.isEmpty else { continue }
                run.records += 1

                let person = run.people.number(for: TeamMapping.foldKey(upnField.text))
                let team = mapping.team(for: upnField.text)
                if Concealment.isConcealed(upnField.text) {
                    concealed.note(person, mapped: team != nil, at: csv.location(of: upnField))
                }
                guard let team else {
                    run.unmapped.insert(person)
                    continue
                }
                run.mapped.insert(person)
                // Licensed in every quarter the report's period touches.
                let last = refresh.ordinal, first = last - days + 1
                var period = refresh.period
                while CalendarDay.ordinals(of: period).lowerBound > first { period = period.previous }
                var quarters = Set<Period>()
                while period <= refresh.period {
                    // Discern's quarters start in 1900; a period reaching further back is cut there.
                    if SiteSettings.years.contains(period.year) { quarters.insert(period) }
                    period = period.next
                }
                for quarter in quarters {
                    let cell = QuarterlyRollUp.TeamQuarter(team: team, period: quarter)
                    run.placements.place(person, in: cell, at: csv.location(of: upnField))
                    run.rollUp.addMember(person, to: cell)
                    // An app column the report has is 0% when no one used it, not missing.
                    for app in appColumns { run.rollUp.declare(app.id, in: cell) }
                    // A count covers the whole period: each quarter takes its share of the days.
                    let overlap = CalendarDay.ordinals(of: quarter).clamped(to: first...last).count
                    for (id, value) in amounts {
                        run.rollUp.add(id, value * Double(overlap) / Double(days), over: Double(overlap) / 7, in: cell,
                                       person: person)
                    }
                }
                // A last-activity date before the report's period belongs to an earlier report,
                // which saw it inside its own period; counting it here would make up quarters
                // from long-ago dates.
                for (id, day) in activity where (first...last).contains(day.ordinal) {
                    run.rollUp.mark(id, person: person, in: QuarterlyRollUp.TeamQuarter(team: team, period: day.period))
                }
            }
            if let problem = concealed.problem(column: csv.name(of: upnColumn)) {
                run.diagnostics.error(problem.message, at: problem.location)
            }
        }
    }
}
