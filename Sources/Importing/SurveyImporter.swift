import ContentLoading
import Formatting
import ReportModel

/// The survey tools whose CSV exports `discern import survey` reads. Each keeps its
/// metadata (response ids, e-mail addresses, names, times) in columns of its own, which
/// are never read unless survey.yaml names one to join respondents to teams.
public enum SurveyTool: String, CaseIterable, Sendable {
    /// Three header rows: ids (`ResponseId`, `Q1`), question texts, ImportId JSON.
    case qualtrics
    /// `Timestamp` first, optionally `Email address`, then one column per question.
    case googleForms = "google-forms"
    /// `ID`, `Start time`, `Completion time`, `Email`, `Name`, then the questions.
    case microsoftForms = "microsoft-forms"
    /// One header row, one row per respondent.
    case plain

    var title: String {
        switch self {
        case .qualtrics: "Qualtrics"
        case .googleForms: "Google Forms"
        case .microsoftForms: "Microsoft Forms"
        case .plain: "plain CSV"
        }
    }

    /// The tool a header row says, by the metadata columns each tool writes first.
    static func detect(_ header: [String]) -> SurveyTool {
        let folded = header.map(TeamMapping.foldHeader)
        if folded.contains("responseid"), folded.contains("startdate") || folded.contains("enddate") { return .qualtrics }
        if folded.first == "timestamp" { return .googleForms }
        if folded.starts(with: ["id", "starttime", "completiontime"]) { return .microsoftForms }
        return .plain
    }
}

/// Turns one survey wave into team values for one quarter: the whole of
/// `discern import survey` but the reading and writing of files.
///
/// Each row is a respondent, a number while the file is read; their answers become
/// per-respondent scores, averaged over the questions feeding a metric, and then team
/// means (or top-two-box percentages) with `n` the respondents who answered. Teams below
/// the minimum group size, and values resting on fewer answers than `min_answers`, are
/// left out and only counted.
public struct SurveyImporter: Sendable {
    var responses: InputFile
    var questions: InputFile
    var period: Period
    /// A respondent-to-team CSV: `--teams`, or the one survey.yaml names.
    var mapping: InputFile?
    /// The tool, when `--tool` says it; otherwise told from the header.
    public var tool: SurveyTool?
    var minGroupSize: Int
    /// The content's teams (id and name), when its teams.yaml could be read.
    var teams: [(id: String, name: String)]?

    public init(responses: InputFile, questions: InputFile, period: Period, mapping: InputFile? = nil,
                tool: SurveyTool? = nil, minGroupSize: Int = SiteSettings.defaultMinGroupSize,
                teams: [(id: String, name: String)]? = nil) {
        self.responses = responses
        self.questions = questions
        self.period = period
        self.mapping = mapping
        self.tool = tool
        self.minGroupSize = minGroupSize
        self.teams = teams
    }

    /// The respondent-to-team CSV survey.yaml names, as written there (relative to it), if any.
    public static func mappingPath(in questions: InputFile) -> String? {
        var diagnostics = DiagnosticLog()
        guard let text = questions.text(diagnostics: &diagnostics),
              let definition = SurveyDefinition.parse(text, file: questions.path, diagnostics: &diagnostics),
              case .mapping(let path, _, _) = definition.team else { return nil }
        return path
    }

    public func run() -> UsageImport {
        var run = ImportRun()
        guard let text = questions.text(diagnostics: &run.diagnostics),
              let definition = SurveyDefinition.parse(text, file: questions.path, diagnostics: &run.diagnostics) else {
            return result(of: run, metrics: [], minAnswers: minGroupSize, reason: nil)
        }
        let minAnswers = max(definition.minAnswers ?? minGroupSize, minGroupSize)
        guard let export = SurveyExport.read(responses, tool: tool, diagnostics: &run.diagnostics) else {
            return result(of: run, metrics: [], minAnswers: minAnswers, reason: nil)
        }

        // The columns survey.yaml names, each found or reported at its line.
        var located: [(question: SurveyDefinition.Question, column: Int)] = []
        for question in definition.questions {
            if let column = export.column(question.column, from: question.location, diagnostics: &run.diagnostics) {
                located.append((question, column))
            }
        }
        var teamColumn: Int?
        var respondentColumn: Int?
        var teamMapping: TeamMapping?
        switch definition.team {
        case .column(let column, let location):
            teamColumn = export.column(column, from: location, diagnostics: &run.diagnostics)
        case .mapping(_, let respondent, let location):
            respondentColumn = export.column(respondent, from: location, diagnostics: &run.diagnostics)
        }
        if case .mapping = definition.team, mapping == nil {
            run.diagnostics.error("survey.yaml's team mapping could not be read; pass it with --teams",
                                  at: SourceLocation(file: questions.path))
        }
        if let mapping, respondentColumn != nil || teamColumn == nil {
            var headers = ["email", "emailaddress", "respondent", "responseid", "recipientemail", "login", "upn"]
            if let respondentColumn { headers.insert(TeamMapping.foldHeader(export.name(of: respondentColumn)), at: 0) }
            teamMapping = TeamMapping.parse(mapping, accepting: [.init(.person, headers: headers)],
                                            knownTeams: teams.map { Set($0.map(\.id)) }, diagnostics: &run.diagnostics)
            if teamColumn == nil, respondentColumn == nil, case .column = definition.team {
                teamMapping = nil
            }
        }
        // Columns survey.yaml names wrongly are reported with every malformed answer, all at once.

        // Team answers: ids or names, compared trimmed and without regard to case.
        var teamsByAnswer: [String: String] = [:]
        for team in teams ?? [] {
            teamsByAnswer[TeamMapping.foldKey(team.name)] = team.id
            teamsByAnswer[TeamMapping.foldKey(team.id)] = team.id
        }

        let metrics = Self.metrics(for: definition, export: export, located: located)
        var unmatchedAnswers = 0
        // Qualtrics keeps responses in progress beside finished ones (`Finished` 0): they are
        // not answers to the survey, and a team's value must not rest on half of one.
        let finished = export.tool == .qualtrics
            ? export.input.header.fields.firstIndex { TeamMapping.foldHeader($0.text) == "finished" } : nil
        var partial = 0
        let cell: (String) -> QuarterlyRollUp.TeamQuarter = { QuarterlyRollUp.TeamQuarter(team: $0, period: period) }
        for row in export.rows {
            guard export.input.isWhole(row, diagnostics: &run.diagnostics) else { continue }
            if let finished, ["0", "false"].contains(row.fields[finished].text.trimmingSpaces.lowercased()) {
                partial += 1
                continue
            }
            if row.fields.allSatisfy({ $0.text.trimmingSpaces.isEmpty }) { continue }
            run.records += 1
            let person: Int
            if let respondentColumn {
                let key = TeamMapping.foldKey(row.fields[respondentColumn].text)
                let before = run.people.count
                person = key.isEmpty ? run.people.number(for: "\u{0}row \(row.line)") : run.people.number(for: key)
                if run.people.count == before {
                    run.repeats += 1
                    continue
                }
            } else {
                person = run.people.number(for: "\u{0}row \(row.line)")
            }

            // Every answer is checked, whether or not the respondent's team is known.
            var scores: [MetricID: [Double]] = [:]
            for (question, column) in located {
                let field = row.fields[column]
                guard let answer = Self.answer(field, in: column, question: question, export: export,
                                               diagnostics: &run.diagnostics) else { continue }
                let scale = question.scale
                let value = question.reverse ? scale.highest + scale.lowest - answer : answer
                switch question.statistic {
                case .mean:
                    scores[question.metric, default: []].append(value)
                case .top2:
                    let boxes = Set(scale.labels.map { question.reverse ? scale.highest + scale.lowest - $0.value : $0.value })
                        .sorted(by: >)
                    scores[question.metric, default: []].append(value >= boxes[min(1, boxes.count - 1)] ? 1 : 0)
                }
            }

            var team: String?
            if let teamColumn {
                let field = row.fields[teamColumn]
                let answer = TeamMapping.foldKey(field.text)
                if !answer.isEmpty {
                    if let id = teamsByAnswer[answer] {
                        team = id
                    } else if teams == nil, Slug.isValid(answer) {
                        team = answer
                    } else {
                        unmatchedAnswers += 1
                        run.diagnostics.warning(
                            "the team answer matches no team\(teams == nil ? " id (no teams.yaml was read, so names cannot match)" : " id or name in teams.yaml"); "
                                + "this respondent is counted in no team", at: export.input.location(of: field))
                    }
                }
            } else if let respondentColumn, let teamMapping {
                team = teamMapping.team(for: row.fields[respondentColumn].text)
            }
            guard let team else {
                run.unmapped.insert(person)
                continue
            }
            run.mapped.insert(person)
            run.rollUp.addMember(person, to: cell(team))
            for (metric, values) in scores where !values.isEmpty {
                run.rollUp.add(metric, values.reduce(0, +) / Double(values.count), over: 1, in: cell(team), person: person)
            }
        }
        if !run.unmapped.isEmpty, !run.mapped.isEmpty {
            let count = run.unmapped.count, everyone = count + run.mapped.count
            if teamMapping != nil, run.mapped.count * 2 < everyone {
                run.diagnostics.warning(
                    "the mapping matches only \(run.mapped.count) of the \(everyone) respondents; the other \(count) are "
                        + "counted in no team: check that its first column holds what the export's respondent column does",
                    at: SourceLocation(file: teamMapping?.file ?? responses.path))
            } else {
                run.diagnostics.warning(
                    "\(count) \(count == 1 ? "respondent is" : "respondents are") in no team (a blank team answer, "
                        + "one matching no team, or one the mapping lacks) and counted nowhere",
                    at: SourceLocation(file: teamMapping?.file ?? responses.path))
            }
        }
        if partial > 0 {
            run.diagnostics.warning(
                "\(partial) unfinished \(partial == 1 ? "response" : "responses") (Finished 0) left out: only finished "
                    + "responses are counted", at: SourceLocation(file: responses.path))
        }
        let reason: String? = if run.records == 0 {
            "no responses in the export: nothing to import (is it the right file?)"
        } else if run.mapped.isEmpty {
            "no respondent is in a team: "
                + (unmatchedAnswers > 0 ? "no team answer matches a team in teams.yaml (ids or names)"
                    : teamMapping != nil ? "the mapping claims none of the \(run.unmapped.count) respondents"
                    : "every team answer is blank")
        } else {
            nil
        }
        return result(of: run, metrics: metrics, minAnswers: minAnswers, reason: reason)
    }

    /// One answer as a number of its scale: a label (trimmed, any case) or a bare number
    /// within the scale's range; nil when blank or malformed (reported, never repeated).
    private static func answer(_ field: CSVTable.Field, in index: Int, question: SurveyDefinition.Question, export: SurveyExport,
                               diagnostics: inout DiagnosticLog) -> Double? {
        let text = field.text.trimmingSpaces
        if text.isEmpty { return nil }
        let folded = fold(text)
        if let label = question.scale.labels.first(where: { fold($0.label) == folded }) { return label.value }
        let scale = question.scale
        let range = "\(CSVNumber.format(scale.lowest)) to \(CSVNumber.format(scale.highest))"
        let column = Excerpt.of(export.name(of: index))
        if case .success(let number) = NumberText.parse(text) {
            if number >= scale.lowest, number <= scale.highest { return number }
            diagnostics.error("'\(column)': the answer is a number outside scale '\(scale.name)' (\(range))",
                              at: export.input.location(of: field))
            return nil
        }
        diagnostics.error("'\(column)': the answer is not a label of scale '\(scale.name)' nor a number from \(range); "
            + "add the label to the scale in survey.yaml, or check that the column holds this question",
            at: export.input.location(of: field))
        return nil
    }

    /// Labels compare trimmed, lowercased, with runs of spaces as one.
    static func fold(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// One metric per id, in the order survey.yaml first names it.
    private static func metrics(for definition: SurveyDefinition, export: SurveyExport,
                                located: [(question: SurveyDefinition.Question, column: Int)]) -> [ImportedMetric] {
        var metrics: [ImportedMetric] = []
        for question in definition.questions where !metrics.contains(where: { $0.id == question.metric }) {
            let feeding = located.filter { $0.question.metric == question.metric }
            let texts = feeding.map { "\"\(Excerpt.of(export.questionText(of: $0.column)))\"\($0.question.reverse ? " (reverse-scored)" : "")" }
            let scale = question.scale
            let range = "\(CSVNumber.format(scale.lowest)) to \(CSVNumber.format(scale.highest))"
            let words = question.metric.rawValue.split(separator: "_").joined(separator: " ")
            let name = words.prefix(1).uppercased() + words.dropFirst()
            let unit: String, description: String, rule: ImportedMetric.Rule
            // One question's top-two-box share, or its mean on a scale of 0 and 100 only (a
            // yes counting 100), is a share of the n respondents: Wilson's interval, which the
            // report makes from n. A mean, or a share averaged over questions (each
            // respondent a fraction), is bootstrapped over respondents.
            let single = definition.questions.filter { $0.metric == question.metric }.count == 1
            let yesNo = Set(scale.labels.map(\.value)) == [0, 100]
            var uncertainty = Metric.Uncertainty.given, format = Metric.Format.number
            switch question.statistic {
            case .mean:
                unit = yesNo ? "%" : scale.lowest == 1 ? "of \(CSVNumber.format(scale.highest))" : "on \(range)"
                description = "Team mean of answers on scale '\(scale.name)' (\(range)) to \(texts.joined(separator: " and "))"
                    + (texts.count > 1 ? ", each respondent's answers averaged first" : "")
                    + ". A survey wave, asked of teams; n is the respondents who answered."
                rule = .ratio(scale: 1)
                if single, yesNo {
                    uncertainty = .wilson
                    format = .percent
                }
            case .top2:
                unit = "%"
                description = "Percentage of answers in the top two boxes of scale '\(scale.name)' to "
                    + texts.joined(separator: " and ") + ". A survey wave, asked of teams; n is the respondents who answered."
                rule = .ratio(scale: 100)
                format = .percent
                if single { uncertainty = .wilson }
            }
            metrics.append(ImportedMetric(id: question.metric, name: name, category: .judgment, unit: unit,
                                          better: .higher, aggregate: .weightedMean, format: format, decimals: 1,
                                          description: description, rule: rule, uncertainty: uncertainty))
        }
        return metrics
    }

    private func result(of run: ImportRun, metrics: [ImportedMetric], minAnswers: Int, reason: String?) -> UsageImport {
        var outcome = run.rollUp.values(for: metrics, minGroupSize: minGroupSize)
        let before = outcome.values.count
        outcome.values.removeAll { $0.n < minAnswers }
        let fewAnswers = before - outcome.values.count
        var diagnostics = run.diagnostics
        if outcome.values.isEmpty, !diagnostics.hasErrors {
            let why = reason ?? (outcome.leftOutTeamQuarters > 0 && before == 0
                ? "every team has fewer respondents than the minimum group size (\(minGroupSize)): nothing may be published"
                : "no team has \(minAnswers) or more answers to any question (min_answers): nothing may be published")
            diagnostics.error(why, at: SourceLocation(file: responses.path))
        }
        var result = UsageImport(source: .survey, run: run, outcome: outcome, metrics: metrics, diagnostics: diagnostics,
                                 minGroupSize: minGroupSize)
        result.summary.minAnswers = minAnswers
        result.summary.leftOutForAnswers = fewAnswers
        return result
    }
}

/// A survey export read into its header and its respondents' rows, with the tool's extra
/// header rows (Qualtrics' question texts and ImportIds) set aside.
struct SurveyExport {
    var input: CSVInput
    var tool: SurveyTool
    /// Qualtrics' second header row: each column's question text.
    var questionTexts: [String] = []
    var rows: ArraySlice<CSVTable.Row>

    static func read(_ file: InputFile, tool: SurveyTool?, diagnostics: inout DiagnosticLog) -> SurveyExport? {
        guard let input = CSVInput.read(file, diagnostics: &diagnostics) else { return nil }
        let tool = tool ?? SurveyTool.detect(input.header.fields.map(\.text))
        var export = SurveyExport(input: input, tool: tool, rows: input.rows)
        if tool == .qualtrics, let texts = input.rows.first {
            export.questionTexts = texts.fields.map(\.text.trimmingSpaces)
            export.rows = input.rows.dropFirst()
            // The third header row, `{"ImportId":"QID1"}`, in current exports; legacy ones lack it.
            if let ids = export.rows.first, ids.fields.contains(where: { $0.text.contains("\"ImportId\"") }) {
                export.rows = export.rows.dropFirst()
            }
        }
        return export
    }

    func name(of column: Int) -> String { input.name(of: column) }

    /// The question's words: Qualtrics' second row, or the header.
    func questionText(of column: Int) -> String {
        column < questionTexts.count && !questionTexts[column].isEmpty ? questionTexts[column] : name(of: column)
    }

    /// The column survey.yaml means, by header (exactly, then trimmed and in any case;
    /// for Qualtrics its id or its question text) or position; reported at `location` if none.
    func column(_ column: SurveyDefinition.Column, from location: SourceLocation,
                diagnostics: inout DiagnosticLog) -> Int? {
        let count = input.header.fields.count
        switch column {
        case .position(let position):
            guard position <= count else {
                diagnostics.error("position \(position) is beyond the export's \(count) columns", at: location)
                return nil
            }
            return position - 1
        case .header(let text):
            let headers = input.header.fields.map(\.text.trimmingSpaces)
            let wanted = text.trimmingSpaces
            if let index = headers.firstIndex(of: wanted) ?? questionTexts.firstIndex(of: wanted) { return index }
            let folded = SurveyImporter.fold(wanted)
            if let index = headers.firstIndex(where: { SurveyImporter.fold($0) == folded })
                ?? questionTexts.firstIndex(where: { SurveyImporter.fold($0) == folded }) {
                return index
            }
            diagnostics.error("no column '\(Excerpt.of(text))' in \(input.file) (read as a \(tool.title) export); "
                + input.columnList, at: location)
            return nil
        }
    }
}
