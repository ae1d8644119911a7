import Formatting
import Foundation
import ReportModel

extension ContentLoader {
    static let frontMatterKeys = ["title", "summary", "author", "date", "highlights", "deck"]

    /// A narrative at `narratives/org/<period>.md` or `narratives/teams/<team id>/<period>.md`.
    func loadNarrative(_ text: String, file: String, organization: Organization, metrics: [Metric],
                       periods: Set<Period>, blocks: DistinctBlocks, diagnostics: inout DiagnosticLog) -> Narrative? {
        let start = SourceLocation(file: file)
        let parts = file.split(separator: "/").map(String.init)
        let scope: Scope
        let periodName: String
        switch parts.count {
        case 3 where parts[1] == "org":
            scope = .organization
            periodName = String(parts[2].dropLast(3))
        case 4 where parts[1] == "teams":
            let id = parts[2]
            guard organization.contains(TeamID(id)) else {
                diagnostics.report(.unknown(.team,
                    "narrative for unknown team '\(Excerpt.of(id))'" + Suggestion.hint(for: id, in: organization.suggestableIDs),
                    at: start))
                return nil
            }
            scope = .team(TeamID(id))
            periodName = String(parts[3].dropLast(3))
        default:
            diagnostics.report(.error(
                "narrative path not understood; expected narratives/org/<YYYY-Qn>.md or "
                    + "narratives/teams/<team id>/<YYYY-Qn>.md",
                at: start))
            return nil
        }
        guard let period = Period(periodName) else {
            diagnostics.report(.error("narrative file name: " + Period.problem(periodName), at: start))
            return nil
        }
        if !periods.isEmpty, !periods.contains(period) {
            let range = "\(periods.min()!) to \(periods.max()!)"
            diagnostics.report(.error("narrative for period \(period), which has no data; the data covers \(range)",
                                      at: start))
            return nil
        }

        // Swift reads "\r\n" as one Character; with LF only, lines split as they look.
        let hasCR = text.utf8.contains(UInt8(ascii: "\r"))
        let split = FrontMatter(splitting: hasCR ? text.replacingOccurrences(of: "\r\n", with: "\n") : text)
        if split.unclosed {
            diagnostics.report(.error("front matter opened with '---' on line 1 is not closed; add a '---' line after it",
                                      at: start))
            return nil
        }
        var title: String?, summary: String?, author: String?, date: String?
        var highlights: [MetricID] = []
        var highlightsLocation: SourceLocation?
        var deck = DeckSections()
        if let yamlText = split.yaml,
           let yaml = YAMLMapping.document(yamlText, file: file, lineOffset: 1, diagnostics: &diagnostics) {
            // A list of people is more than an unknown key: it is what the report must never publish.
            let peopleKeys = yaml.keys.filter { !Self.frontMatterKeys.contains($0) && PersonIdentifier.namesOrRanksPeople($0) }
            for key in peopleKeys {
                diagnostics.report(LintRule.namesIndividuals.finding(
                    "front matter '\(key)' names or ranks people; a report describes teams, never individuals. Remove it",
                    at: yaml.location(ofKey: key)))
            }
            yaml.warnUnknownKeys(Self.frontMatterKeys + peopleKeys, in: "front matter", diagnostics: &diagnostics)
            title = yaml.string("title", diagnostics: &diagnostics)
            summary = yaml.string("summary", diagnostics: &diagnostics)
            author = yaml.string("author", diagnostics: &diagnostics)
            date = yaml.string("date", diagnostics: &diagnostics)
            if let date, !Self.isISODate(date) {
                diagnostics.report(.warning("date '\(Excerpt.of(date))' is not written YYYY-MM-DD",
                                            at: yaml.location(of: yaml.node("date")!)))
            }
            let metricIDs = metrics.map(\.id.rawValue)
            highlightsLocation = yaml.node("highlights").map { yaml.location(of: $0) }
            for item in yaml.sequence("highlights", diagnostics: &diagnostics) ?? [] {
                let location = yaml.location(of: item)
                guard let id = item.string, case .scalar = item else {
                    diagnostics.report(.error("highlights must be a list of metric ids", at: location))
                    continue
                }
                guard metricIDs.contains(id) else {
                    diagnostics.report(.unknown(.metric, "unknown metric '\(Excerpt.of(id))' in highlights" + Suggestion.hint(for: id, in: metricIDs),
                                              at: location))
                    continue
                }
                highlights.append(MetricID(id))
            }
            if let sections = yaml.mapping("deck", diagnostics: &diagnostics) {
                deck = Self.deckSections(sections, at: yaml.location(ofKey: "deck"), diagnostics: &diagnostics)
            }
        }
        let reader = NarrativeReader(file: file, firstLine: split.bodyLine, metrics: metrics, organization: organization,
                                     distinctBlocks: blocks)
        let body = reader.body(split.body, diagnostics: &diagnostics)
        reader.checkDeck(deck, sections: body.sections, at: start, diagnostics: &diagnostics)
        return Narrative(scope: scope, period: period, title: title, summary: summary, author: author, date: date,
                         highlights: highlights, highlightsLocation: highlightsLocation, deck: deck,
                         titleText: title.map { reader.inline($0, at: start, diagnostics: &diagnostics) },
                         summaryText: summary.map { reader.inline($0, at: start, diagnostics: &diagnostics) },
                         body: body, location: start)
    }

    /// `deck: {notes: [...], omit: [...]}`: section headings, as written.
    private static func deckSections(_ yaml: YAMLMapping, at location: SourceLocation,
                                     diagnostics: inout DiagnosticLog) -> DeckSections {
        yaml.warnUnknownKeys(["notes", "omit"], in: "deck", diagnostics: &diagnostics)
        func headings(_ key: String) -> [String] {
            (yaml.sequence(key, diagnostics: &diagnostics) ?? []).compactMap { item in
                guard let heading = item.string, case .scalar = item else {
                    diagnostics.report(.error("deck \(key) must be a list of section headings", at: yaml.location(of: item)))
                    return nil
                }
                return heading
            }
        }
        return DeckSections(notes: headings("notes"), omitted: headings("omit"), location: location)
    }

    private static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }
    }
}
