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
    /// The app columns: header, metric id and the app's name.
    static let apps: [(column: String, id: MetricID, app: String)] = [
        ("Last Activity Date", "m365_copilot_active_users", "any Microsoft 365 app"),
        ("Copilot Chat Last Activity Date", "m365_copilot_chat_active_users", "Copilot Chat"),
        ("Microsoft Teams Copilot Last Activity Date", "m365_copilot_teams_active_users", "Teams"),
        ("Word Copilot Last Activity Date", "m365_copilot_word_active_users", "Word"),
        ("Excel Copilot Last Activity Date", "m365_copilot_excel_active_users", "Excel"),
        ("PowerPoint Copilot Last Activity Date", "m365_copilot_powerpoint_active_users", "PowerPoint"),
        ("Outlook Copilot Last Activity Date", "m365_copilot_outlook_active_users", "Outlook"),
        ("OneNote Copilot Last Activity Date", "m365_copilot_onenote_active_users", "OneNote"),
        ("Loop Copilot Last Activity Date", "m365_copilot_loop_active_users", "Loop"),
    ]

    package static let metrics: [ImportedMetric] = apps.map { app in
        let any = app.id == "m365_copilot_active_users"
        return ImportedMetric(
            id: app.id,
            name: any ? "Microsoft 365 Copilot active users" : "\(app.app) Copilot active users",
            unit: "% of licensed people", aggregate: .weightedMean, format: .percent, decimals: 0,
            description: "Share of the team's licensed people who used Copilot in \(app.app) on some day of the "
                + "quarter, as the last-activity dates in the Microsoft 365 Copilot usage reports show it. "
                + "Reports taken less often than their period miss activity. n is the licensed people.",
            rule: .share)
    }

    /// Header names of the mapping's key column: the person's UPN.
    static let mappingKeys = [
        TeamMapping.Accepted(.person, headers: ["upn", "userprincipalname", "email", "mail", "emailaddress", "user",
                                                "person"]),
    ]

    static let requiredColumns = ["Report Refresh Date", "User Principal Name", "Report Period"]

    /// Reads every report into the run.
    package static func read(_ files: [InputFile], mapping: TeamMapping, into run: inout ImportRun) {
        for file in files {
            guard let csv = CSVInput.read(file, diagnostics: &run.diagnostics),
                  let columns = csv.requireColumns(requiredColumns, diagnostics: &run.diagnostics) else { continue }
            let (refreshColumn, upnColumn, periodColumn) = (columns[0], columns[1], columns[2])
            let appColumns = apps.compactMap { app in csv.column(app.column).map { (index: $0, id: app.id) } }
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
