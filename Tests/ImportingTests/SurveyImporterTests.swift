import ContentLoading
import Foundation
import Importing
import ReportModel
import Testing

/// `discern import survey` without the command line: the four export shapes under
/// `Tests/Fixtures/import/survey/`, written by hand after each tool's documentation, hold
/// the same 14 answers, so they must give the same team values.
///
/// - Qualtrics: three header rows (field ids, question texts, ImportId JSON), then metadata
///   columns such as ResponseId, IPAddress, RecipientEmail, as described in "Understanding
///   Your Dataset": https://www.qualtrics.com/support/survey-platform/data-and-analysis-module/data/download-data/understanding-your-dataset/
/// - Google Forms: the responses sheet that "Download responses (.csv)" saves. Google's
///   Apps Script page on form-submit events documents its shape: a `Timestamp` column
///   ("6/7/2015 20:54:13") and one column per question, named by the question, with
///   the values "in the same order as they appear in the spreadsheet", timestamp first
///   and the respondent's e-mail second:
///   https://developers.google.com/apps-script/guides/triggers/events#form-submit
///   The e-mail is there only "if collected", as the Forms API's FormResponse says:
///   https://developers.google.com/forms/api/reference/rest/v1/forms.responses
/// - Microsoft Forms: `ID`, `Start time`, `Completion time`, `Email`, `Name` (names are
///   recorded unless "Record name" is off: https://support.microsoft.com/en-us/office/25dd8442-f6ba-4934-9319-99f9f867f239),
///   then the questions.
/// - Plain: one row per respondent, labels in any case and bare numbers.
@Suite("survey import")
struct SurveyImporterTests {
    static let teams: [(id: String, name: String)] = [("platform", "Platform"), ("payments", "Payments"), ("mobile", "Mobile")]
    static let shapes = ["qualtrics", "google-forms", "microsoft-forms", "plain"]
    static let period = Period("2026-Q3")!

    func run(_ shape: String, questions: InputFile? = nil, tool: SurveyTool? = nil, minGroupSize: Int = 5,
             teams: [(id: String, name: String)]? = SurveyImporterTests.teams) throws -> UsageImport {
        SurveyImporter(responses: try ImportFixture.file("survey/\(shape).csv"),
                       questions: try questions ?? ImportFixture.file("survey/survey.yaml"),
                       period: Self.period, tool: tool, minGroupSize: minGroupSize, teams: teams).run()
    }

    /// The values worked out by hand from the fixtures' answers (see each row's comment).
    static let expected = [
        // Platform: Agree, Strongly agree, Agree, Neither, Agree, Strongly agree = 25/6.
        "2026-Q3 platform fluency_use_cases": "4.1667 n=6",
        // Platform: 4 of 6 in Agree or Strongly agree.
        "2026-Q3 platform verification_habit": "66.6667 n=6",
        // Per respondent, the mean of "can tell" and the reversed "rely without checking":
        // 4, 3, 4.5, 2, 4.5 and 4 (one answer only) = 22/6.
        "2026-Q3 platform judgment_calibration": "3.6667 n=6",
        "2026-Q3 payments fluency_use_cases": "3.2 n=5",
        // 4, 3, 4.5, 2, 4 = 17.5/5.
        "2026-Q3 payments judgment_calibration": "3.5 n=5",
    ]

    @Test("each documented shape gives the same team values", arguments: shapes)
    func sameValues(_ shape: String) throws {
        let result = try run(shape)
        #expect(!result.diagnostics.hasErrors, "\(result.printed)")
        #expect(result.table == Self.expected, "\(result.csv)")
        // Payments' verification rests on 4 answers (one blank), Mobile has 2 respondents.
        #expect(result.summary.lines(output: "out.csv").contains(
            "Left out 1 team-quarter and 1 single value with fewer than 5 people (the minimum group size)."))
        #expect(result.printed == ["survey/\(shape).csv:1:1: warning: 1 respondent is in no team "
            + "(a blank team answer, one matching no team, or one the mapping lacks) and counted nowhere"])
    }

    @Test("Qualtrics' unfinished responses (Finished 0) are left out, with a warning")
    func unfinishedResponses() throws {
        let text = try String(contentsOf: ImportFixture.root.appendingPathComponent("survey/qualtrics.csv"), encoding: .utf8)
        // The first respondent (Platform) had not finished.
        let partial = text.replacingOccurrences(of: "100,318,1,2026-08-03", with: "100,318,0,2026-08-03")
        #expect(partial != text)
        let result = SurveyImporter(responses: InputFile(path: "survey/qualtrics.csv", bytes: Array(partial.utf8)),
                                    questions: try ImportFixture.file("survey/survey.yaml"), period: Self.period, tool: nil,
                                    minGroupSize: 5, teams: Self.teams).run()
        #expect(result.table["2026-Q3 platform fluency_use_cases"]?.hasSuffix("n=5") == true, "\(result.csv)")
        #expect(result.printed.contains("survey/qualtrics.csv:1:1: warning: 1 unfinished response (Finished 0) left out: "
            + "only finished responses are counted"), "\(result.printed)")
    }

    @Test("the fragment declares judgment metrics: of 5 for a mean, % for top2, better higher, weighted mean")
    func fragment() throws {
        let fragment = try run("google-forms").metricsFragment
        #expect(fragment.contains("  - id: fluency_use_cases\n    name: \"Fluency use cases\"\n    category: judgment\n"
            + "    unit: \"of 5\"\n    better: higher\n    aggregate: weighted_mean\n"))
        #expect(fragment.contains("  - id: verification_habit\n    name: \"Verification habit\"\n    category: judgment\n"
            + "    unit: \"%\"\n"))
        #expect(fragment.contains("(reverse-scored)"))
    }

    @Test("a mean is bootstrapped over respondents (ci_low, ci_high, given); a one-question top-two share is Wilson's from n")
    func intervals() throws {
        let result = try run("google-forms")
        let fragment = result.metricsFragment
        #expect(fragment.contains("  - id: fluency_use_cases\n    name: \"Fluency use cases\"\n    category: judgment\n"
            + "    unit: \"of 5\"\n    better: higher\n    aggregate: weighted_mean\n    baseline: 2026-Q3   # the first "
            + "quarter imported; use the quarter before AI tools arrived\n    uncertainty: given   # ci_low, ci_high: a 95% "
            + "bootstrap over people (or rows), 2,000 resamples\n    decimals: 1\n"), "\(fragment)")
        #expect(fragment.contains("  - id: verification_habit\n    name: \"Verification habit\"\n    category: judgment\n"
            + "    unit: \"%\"\n    better: higher\n    aggregate: weighted_mean\n    baseline: 2026-Q3   # the first "
            + "quarter imported; use the quarter before AI tools arrived\n    uncertainty: wilson   # a share of the n people; "
            + "the report makes Wilson's interval from n\n    format: percent\n"), "\(fragment)")
        let lines = result.csv.split(separator: "\n").map(String.init)
        #expect(lines.first == "period,team,metric,value,n,ci_low,ci_high")
        // A share carries no interval of its own: the report makes Wilson's from n.
        #expect(lines.contains("2026-Q3,platform,verification_habit,66.6667,6,,"), "\(result.csv)")
        for line in lines.dropFirst() where !line.contains("verification_habit") {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).compactMap { Double($0) }
            #expect(cells.count == 4, "value, n, ci_low and ci_high: \(line)")
            if cells.count == 4 { #expect(cells[2] <= cells[0] && cells[0] <= cells[3] && cells[2] < cells[3], "\(line)") }
        }
    }

    @Test("the same answers in another order give the same bytes")
    func shuffled() throws {
        let text = try String(contentsOf: ImportFixture.root.appendingPathComponent("survey/plain.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines.removeFirst()
        lines.removeAll { $0.isEmpty }
        let reordered = ([header] + lines.reversed()).joined(separator: "\n") + "\n"
        #expect(reordered != text)
        let first = try run("plain")
        let second = SurveyImporter(responses: InputFile(path: "survey/plain.csv", bytes: Array(reordered.utf8)),
                                    questions: try ImportFixture.file("survey/survey.yaml"), period: Self.period, tool: nil,
                                    minGroupSize: 5, teams: Self.teams).run()
        #expect(first.csv == second.csv)
        #expect(first.csv.contains("ci_low"))
        #expect(first.metricsFragment == second.metricsFragment)
    }

    @Test("no identifier or free-text answer appears in the CSV, the fragment or any message", arguments: shapes)
    func nothingLeaks(_ shape: String) throws {
        let result = try run(shape)
        let written = (result.csv + result.metricsFragment + result.printed.joined(separator: "\n")
            + result.summary.lines(output: "out.csv").joined(separator: "\n")).lowercased()
        let identifiers = try ImportFixture.identifiers().map { $0.lowercased() }
        let freeText = ["practise with the tools", "legacy ledger code", "fewer meetings", "not sure yet"]
        let input = try String(contentsOf: ImportFixture.root.appendingPathComponent("survey/\(shape).csv"), encoding: .utf8).lowercased()
        // The check can fail: the export holds them.
        #expect(identifiers.contains { input.contains($0) })
        #expect(freeText.allSatisfy { input.contains($0) })
        #expect(identifiers.filter { written.contains($0) }.isEmpty)
        #expect(freeText.filter { written.contains($0) }.isEmpty)
    }

    func questions(_ text: String) -> InputFile { InputFile(path: "survey.yaml", text: text) }

    static let scale = """
        scales:
          agree5:
            "Strongly disagree": 1
            "Disagree": 2
            "Neither agree nor disagree": 3
            "Agree": 4
            "Strongly agree": 5

        """

    @Test("reverse scoring turns each answer x into max + min − x")
    func reverse() throws {
        let yaml = "team:\n  column: \"Which team are you on?\"\n" + Self.scale + """
            questions:
              - column: "I rely on AI output without checking it."
                metric: checks_output
                scale: agree5
                reverse: true
            """
        // Platform answered Disagree, Neither, Strongly disagree, Agree, Disagree, Disagree:
        // 2, 3, 1, 4, 2, 2 reversed are 4, 3, 5, 2, 4, 4 = 22/6; unreversed it would be 14/6.
        let result = try run("microsoft-forms", questions: questions(yaml))
        #expect(result.table["2026-Q3 platform checks_output"] == "3.6667 n=6", "\(result.csv)")
        let forward = try run("microsoft-forms", questions: questions(yaml.replacingOccurrences(of: "reverse: true", with: "reverse: false")))
        #expect(forward.table["2026-Q3 platform checks_output"] == "2.3333 n=6", "\(forward.csv)")
    }

    @Test("top2 is the percentage in the top two boxes, reversed ones too")
    func topTwo() throws {
        let yaml = "team:\n  column: \"Which team are you on?\"\n" + Self.scale + """
            questions:
              - column: "I know which of my tasks AI tools help with."
                metric: knows_use_cases
                scale: agree5
                statistic: top2
              - column: "I rely on AI output without checking it."
                metric: checks_output
                scale: agree5
                statistic: top2
                reverse: true
            """
        let result = try run("qualtrics", questions: questions(yaml))
        // Platform: 4, 5, 4, 3, 4, 5: five of six in the top two boxes.
        #expect(result.table["2026-Q3 platform knows_use_cases"] == "83.3333 n=6", "\(result.csv)")
        // Reversed 4, 3, 5, 2, 4, 4: four of six.
        #expect(result.table["2026-Q3 platform checks_output"] == "66.6667 n=6", "\(result.csv)")
    }

    @Test("min_answers leaves out a team's value resting on fewer answers, and only counts it")
    func minAnswers() throws {
        let yaml = try String(contentsOf: ImportFixture.root.appendingPathComponent("survey/survey.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "min_answers: 5", with: "min_answers: 6")
        let result = try run("plain", questions: questions(yaml))
        #expect(result.table["2026-Q3 platform fluency_use_cases"] == "4.1667 n=6")
        #expect(result.table["2026-Q3 payments fluency_use_cases"] == nil, "5 answers, fewer than 6")
        #expect(result.table.count == 3, "\(result.csv)")
        // Said for what it is, not as the minimum group size.
        #expect(result.summary.lines(output: "out.csv").contains(
            "Left out 2 values with fewer than 6 answers (min_answers in survey.yaml)."), "\(result.summary.lines(output: "out.csv"))")
    }

    @Test("a label not in the scale and a number out of range are errors at their line and column, the answer never repeated")
    func labelErrors() throws {
        let text = """
            Timestamp,Email address,Which team are you on?,I know which of my tasks AI tools help with.
            8/3/2026 9:16:02,ingrid.solberg@northwind.example,Platform,Agree
            8/3/2026 9:17:02,tomasz.wierzbicki@northwind.example,Platform,Somewhat agree
            8/3/2026 9:18:02,amara.nwachukwu@northwind.example,Platform,7

            """
        let yaml = "team:\n  column: \"Which team are you on?\"\n" + Self.scale + """
            questions:
              - column: "I know which of my tasks AI tools help with."
                metric: knows_use_cases
                scale: agree5
              - column: "How often do you use AI?"
                metric: frequency
                scale: agree5
            """
        let result = SurveyImporter(responses: InputFile(path: "responses.csv", text: text), questions: questions(yaml),
                                    period: Self.period, teams: Self.teams).run()
        #expect(result.printed.count == 3, "\(result.printed)")
        #expect(result.printed.contains { $0.hasPrefix("responses.csv:3:63: error: 'I know which of my tasks AI tools help with.': the answer is not a label of scale 'agree5'") })
        #expect(result.printed.contains { $0.hasPrefix("responses.csv:4:61: error: ") && $0.contains("outside scale 'agree5' (1 to 5)") })
        #expect(result.printed.contains { $0.hasPrefix("survey.yaml:14:5: error: no column 'How often do you use AI?'") })
        #expect(!result.printed.joined().contains("Somewhat"))
        #expect(!result.printed.joined().contains("northwind"))
        #expect(result.csv == "period,team,metric,value,n\n")
    }

    @Test("a header that runs into the answers through an unclosed quote lists no column names, only counts")
    func unclosedQuoteInHeader() throws {
        // The header's last quote is never closed, so the header takes in the rows below
        // it, names and addresses among them. A message listing "its columns" would print them.
        let text = "Which team are you on?,I know which of my tasks AI tools help with.,\"Your name\n"
            + "Platform,Agree,Ingrid Solberg\nPayments,Agree,\",Lars Berg\n"
            + "Platform,Agree,Tomasz Wierzbicki\nPayments,Disagree,Amara Osei\n"
        let yaml = "team:\n  column: \"Which team are you on?\"\n" + Self.scale + """
            questions:
              - column: "How often do you use AI?"
                metric: frequency
                scale: agree5
            """
        let result = SurveyImporter(responses: InputFile(path: "responses.csv", text: text), questions: questions(yaml),
                                    period: Self.period, tool: .plain, teams: Self.teams).run()
        let printed = result.printed.joined(separator: "\n")
        #expect(printed.contains("no column 'How often do you use AI?'"), "\(printed)")
        #expect(printed.contains("is a quote left open?"), "\(printed)")
        for name in ["Ingrid", "Tomasz", "Amara", "Lars"] { #expect(!printed.contains(name), "\(printed)") }
    }

    @Test("a team answer matching no team is a warning at its cell")
    func unknownTeam() throws {
        let text = "Which team are you on?,Q\nPlatfrom,4\n"
        let yaml = "team:\n  column: \"Which team are you on?\"\n" + Self.scale
            + "questions:\n  - {column: Q, metric: q, scale: agree5}\n"
        let result = SurveyImporter(responses: InputFile(path: "r.csv", text: text), questions: questions(yaml),
                                    period: Self.period, teams: Self.teams).run()
        #expect(result.printed.contains { $0.hasPrefix("r.csv:2:1: warning: the team answer matches no team id or name") })
        #expect(result.printed.contains { $0.hasPrefix("r.csv:1:1: error: no respondent is in a team") })
    }

    @Test("--tool overrides detection, both ways")
    func toolOverride() throws {
        // Detected as Qualtrics, the second row would be taken for question texts and the
        // first respondent lost; read as plain, every row is a respondent.
        let detected = try run("qualtrics")
        #expect(detected.summary.lines(output: "o").first?.contains("14 responses read") == true)
        let plain = try run("qualtrics", tool: .plain)
        #expect(plain.printed.contains { $0.contains("no column 'I know which of my tasks AI tools help with.'") },
                "read as plain, Qualtrics' question texts are not its header: \(plain.printed)")
        let forced = try run("plain", tool: .qualtrics)
        #expect(forced.summary.lines(output: "o").first?.contains("13 responses read") == true,
                "read as Qualtrics, the plain file's first respondent is taken for the question-text row: \(forced.summary.lines(output: "o"))")
    }

    @Test("an import yielding no values is an error")
    func emptyImport() throws {
        let header = "Timestamp,Which team are you on?,Q\n"
        let yaml = "team:\n  column: \"Which team are you on?\"\n" + Self.scale
            + "questions:\n  - {column: Q, metric: q, scale: agree5}\n"
        let empty = SurveyImporter(responses: InputFile(path: "r.csv", text: header), questions: questions(yaml),
                                   period: Self.period, teams: Self.teams).run()
        #expect(empty.printed == ["r.csv:1:1: error: no responses in the export: nothing to import (is it the right file?)"])
        let small = header + "x,Platform,4\nx,Platform,5\nx,Platform,3\n"
        let few = SurveyImporter(responses: InputFile(path: "r.csv", text: small), questions: questions(yaml),
                                 period: Self.period, teams: Self.teams).run()
        #expect(few.printed == ["r.csv:1:1: error: every team has fewer respondents than the minimum group size (5): "
            + "nothing may be published"])
        #expect(few.csv == "period,team,metric,value,n\n")
    }

    @Test("a respondent-to-team mapping named in survey.yaml joins by the respondent column instead of a team question")
    func respondentMapping() throws {
        let questions = try ImportFixture.file("survey/survey-mapped.yaml")
        #expect(SurveyImporter.mappingPath(in: questions) == "respondents.csv")
        let result = SurveyImporter(responses: try ImportFixture.file("survey/microsoft-forms.csv"), questions: questions,
                                    period: Self.period, mapping: try ImportFixture.file("survey/respondents.csv"),
                                    teams: Self.teams).run()
        #expect(result.table == Self.expected, "\(result.printed)")
        // Without the mapping nobody has a team.
        let unmapped = SurveyImporter(responses: try ImportFixture.file("survey/microsoft-forms.csv"), questions: questions,
                                      period: Self.period, teams: Self.teams).run()
        #expect(unmapped.printed.contains { $0.contains("team mapping could not be read") }, "\(unmapped.printed)")
    }
}
