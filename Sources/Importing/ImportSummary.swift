import ReportModel

/// What an import did, in counts only: the summary never names a person, and not a
/// team either, so a left-out small team is not singled out.
public struct ImportSummary: Hashable, Sendable {
    var source: ImportSource
    /// Rows, days or records read (repeats not counted).
    var records: Int
    /// Records skipped because the same person (or GitHub team) and day, or the same pull
    /// request, came before.
    var repeats: Int
    /// People counted in some team; nil for a feed without people.
    var people: Int?
    /// People with records no team claims.
    var unmappedPeople: Int
    var values: Int
    var teams: Int
    var periods: [Period]
    var minGroupSize: Int
    var leftOutTeamQuarters: Int
    var leftOutValues: Int
    /// A survey's `min_answers`, when above the minimum group size, and the values with
    /// enough people but fewer answers than that: said apart, since the reason differs.
    var minAnswers: Int?
    var leftOutForAnswers = 0

    /// The lines printed to standard error after a successful import.
    public func lines(output: String) -> [String] {
        let span = periods.isEmpty ? "" : periods.count == 1 ? " in \(periods[0])"
            : " in \(periods.count) quarters (\(periods.first!) to \(periods.last!))"
        let from = people.map { " from \(plural($0, "person", "people"))" } ?? ""
        var lines = ["Imported \(plural(values, "value")) for \(plural(teams, "team"))\(span)\(from) "
            + "(\(plural(records, recordName)) read) into \(output)."]
        if repeats > 0 {
            let what = source == .githubPulls ? "pull request" : "day"
            lines.append("Read \(plural(repeats, "repeated record")) once: the same \(what) came in more than one place.")
        }
        if leftOutTeamQuarters > 0 || leftOutValues > 0 {
            var parts: [String] = []
            if leftOutTeamQuarters > 0 { parts.append(plural(leftOutTeamQuarters, "team-quarter")) }
            if leftOutValues > 0 { parts.append(plural(leftOutValues, "single value")) }
            lines.append("Left out \(parts.joined(separator: " and ")) with fewer than \(minGroupSize) people "
                + "(the minimum group size).")
        }
        if let minAnswers, leftOutForAnswers > 0 {
            lines.append("Left out \(plural(leftOutForAnswers, "value")) with fewer than \(minAnswers) answers "
                + "(min_answers in survey.yaml).")
        }
        return lines
    }

    /// What one record of the feed is, in the summary's words.
    var recordName: String {
        switch source {
        case .githubCopilotLegacy: "team-day"
        case .githubCopilot: "person-day"
        case .m365Copilot: "report row"
        case .viva: "query row"
        case .claudeCode: "usage record"
        case .survey: "response"
        case .githubPulls: "pull request"
        case .events: "event row"
        }
    }

    func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : pluralForm ?? singular + "s")"
    }
}
