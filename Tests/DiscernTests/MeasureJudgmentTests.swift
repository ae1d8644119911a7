import Foundation
import Testing

/// README's "Measure judgment", end to end, as a new user would go: `discern new survey`,
/// the survey answered in each of the four tools' export shapes (with respondent ids,
/// e-mail addresses, names and a free-text comment in each), `discern import survey`,
/// `check --strict` and `build`. The organization's page must show the judgment
/// scorecard with a value for all six capabilities, and no respondent's id, address,
/// name or comment may appear in anything written or printed.
///
/// The export shapes: Qualtrics' three header rows (field ids, question texts, ImportId
/// JSON) as its "Understanding Your Dataset" page describes them
/// (https://www.qualtrics.com/support/survey-platform/data-and-analysis-module/data/download-data/understanding-your-dataset/);
/// Google Forms' responses sheet, a `Timestamp` column, the e-mail, then one column per
/// question, as Google's page on form-submit events shows it
/// (https://developers.google.com/apps-script/guides/triggers/events#form-submit);
/// Microsoft Forms' `ID`, `Start time`, `Completion time`, `Email`, `Name` and (in newer
/// exports) `Last modified time` before the questions, where Microsoft documents that a
/// response records the respondent's name and e-mail unless "Record name" is off
/// (https://support.microsoft.com/en-us/office/25dd8442-f6ba-4934-9319-99f9f867f239) but
/// names the other columns on no page we found, so those follow real exports' headers;
/// and a plain CSV with a respondent id.
@Suite("Measure judgment: a survey from discern new survey to the built scorecard")
struct MeasureJudgmentTests {
    let cli = CommandLineTests()

    /// A question of the generated survey.yaml: its column (the question's text) and scale.
    struct Question {
        var column: String
        var scale: String
    }

    /// The questions of a generated survey.yaml, in order, read line by line: `column:`
    /// then, before the next question, `scale:`.
    static func questions(in yaml: String) -> (team: String, questions: [Question]) {
        var team = ""
        var questions: [Question] = []
        for line in yaml.split(separator: "\n").map(String.init) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let range = trimmed.range(of: #"column: "(.*)""#, options: .regularExpression) {
                let column = String(trimmed[range].dropFirst("column: \"".count).dropLast())
                if trimmed.hasPrefix("- ") { questions.append(Question(column: column, scale: "")) } else { team = column }
            } else if trimmed.hasPrefix("scale: "), !questions.isEmpty {
                questions[questions.count - 1].scale = String(trimmed.dropFirst("scale: ".count))
            }
        }
        return (team, questions)
    }

    /// One respondent: who they are (never to be published) and their answers.
    struct Respondent {
        var id: String
        var email: String
        var name: String
        var comment: String
        var team: String
        var answers: [String]
    }

    static func respondents(for questions: [Question], teams: [(id: String, name: String)], wave: Int) -> [Respondent] {
        let labels = [
            "agree5": ["Disagree", "Neither agree nor disagree", "Agree", "Strongly agree", "Agree"],
            "trust5": ["A little", "Somewhat", "A lot", "Somewhat", "Completely"],
            "yes_no": ["No", "Yes", "No", "No", "Yes"],
        ]
        var result: [Respondent] = []
        for (t, team) in teams.enumerated() {
            for k in 0..<6 {
                let tag = "w\(wave)t\(t)r\(k)"
                let answers = questions.enumerated().map { q, question in
                    let options = labels[question.scale] ?? []
                    return options.isEmpty ? "" : options[(q + k + t + wave) % options.count]
                }
                // The team as its id in some exports, its name in others, as people answer.
                result.append(Respondent(id: "R_\(tag)Xq9", email: "\(tag).person@northwind.example", name: "Person \(tag.uppercased())",
                                         comment: "Ask Dana \(tag) about the SQL prompts", team: k % 2 == 0 ? team.id : team.name,
                                         answers: answers))
            }
        }
        return result
    }

    static func csv(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { ",\"\n".contains($0) }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }

    /// The same answers in one tool's export shape.
    static func export(_ tool: String, team: String, questions: [Question], respondents: [Respondent]) -> String {
        let comment = "Anything else you want to tell us?"
        let texts = [team] + questions.map(\.column) + [comment]
        var lines: [String]
        switch tool {
        case "qualtrics":
            let ids = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Finished", "ResponseId",
                       "RecipientLastName", "RecipientFirstName", "RecipientEmail"] + texts.indices.map { "Q\($0 + 1)" }
            let labels = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Finished", "Response ID",
                          "Recipient Last Name", "Recipient First Name", "Recipient Email"] + texts
            let imports = ids.map { "{\"ImportId\":\"\($0.hasPrefix("Q") ? "QID" + $0.dropFirst() : $0)\"}" }
            lines = [csv(ids), csv(labels), csv(imports)]
            for (i, r) in respondents.enumerated() {
                lines.append(csv(["2026-09-0\(i % 9 + 1) 10:00:00", "2026-09-0\(i % 9 + 1) 10:06:00", "IP Address", "10.1.2.\(i)",
                                  "100", "1", r.id, r.name, "Person", r.email]
                                 + [r.team] + r.answers + [r.comment]))
            }
        case "google-forms":
            // A form that also asked for a name and an employee id, as forms often do.
            lines = [csv(["Timestamp", "Email Address"] + texts + ["Your name", "Employee ID"])]
            for (i, r) in respondents.enumerated() {
                lines.append(csv(["9/\(i % 28 + 1)/2026 14:0\(i % 10):11", r.email, r.team] + r.answers + [r.comment, r.name, r.id]))
            }
        case "microsoft-forms":
            // Newer exports add `Last modified time` after `Name`.
            lines = [csv(["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"] + texts + ["Employee ID"])]
            for (i, r) in respondents.enumerated() {
                lines.append(csv(["\(i + 1)", "9/\(i % 28 + 1)/26 9:00:00", "9/\(i % 28 + 1)/26 9:05:00", r.email, r.name, "",
                                  r.team] + r.answers + [r.comment, r.id]))
            }
        default:
            lines = [csv(["respondent_id", "email", "name"] + texts)]
            for r in respondents { lines.append(csv([r.id, r.email, r.name, r.team] + r.answers + [r.comment])) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("new survey, four tools' exports, import, check --strict and build: the scorecard, and no respondent anywhere")
    func walkThrough() throws {
        let teams = [(id: "platform", name: "Platform"), (id: "payments", name: "Payments"), (id: "support", name: "Support")]
        let root = try cli.folder(["placeholder": ""])
        let survey = root.appendingPathComponent("survey")
        let made = try cli.discern(["new", "survey", survey.path])
        #expect(made.status == 0, "\(made.stderr)")
        func read(_ name: String) throws -> String {
            try String(contentsOf: survey.appendingPathComponent(name), encoding: .utf8)
        }
        let (teamColumn, questions) = Self.questions(in: try read("survey.yaml"))
        #expect(questions.count >= 12 && questions.allSatisfy { !$0.scale.isEmpty }, "\(questions)")

        let content = try cli.folder([
            "site.yaml": "title: AI impact report\norganization: Northwind\n" + (try read("fluency.yaml")),
            "teams.yaml": """
                teams:
                  - {id: engineering, name: Engineering}
                  - {id: platform, name: Platform, parent: engineering, headcount: 8}
                  - {id: payments, name: Payments, parent: engineering, headcount: 7}
                  - {id: support, name: Support, headcount: 12}

                """,
            "metrics.yaml": try read("metrics.yaml"),
        ])
        var printed: [String] = []
        var respondents: [Respondent] = []
        // One wave a quarter, each answered in a different tool.
        for (wave, (tool, period)) in [("qualtrics", "2025-Q4"), ("google-forms", "2026-Q1"), ("microsoft-forms", "2026-Q2"),
                                       ("plain", "2026-Q3")].enumerated() {
            let people = Self.respondents(for: questions, teams: teams, wave: wave)
            respondents += people
            let export = root.appendingPathComponent("\(tool)-responses.csv")
            try Self.export(tool, team: teamColumn, questions: questions, respondents: people)
                .write(to: export, atomically: true, encoding: .utf8)
            let run = try cli.discern(["import", "survey", export.path, "--questions", survey.appendingPathComponent("survey.yaml").path,
                                       "--period", period, "--output", content.appendingPathComponent("data/survey-\(tool).csv").path,
                                       "--metrics", root.appendingPathComponent("\(tool)-fragment.yaml").path,
                                       "--content", content.path])
            #expect(run.status == 0, "\(tool): \(run.stderr)")
            printed += [run.stdout, run.stderr]
        }
        let check = try cli.discern(["check", "--content", content.path, "--strict"])
        #expect(check.status == 0, "\(check.stderr)")
        let output = content.appendingPathComponent("out")
        let build = try cli.discern(["build", "--content", content.path, "--output", output.path, "--strict"])
        #expect(build.status == 0, "\(build.stderr)")
        printed += [check.stdout, check.stderr, build.stdout, build.stderr]

        // The organization's page: the scorecard, with a value for each of the six.
        let page = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("<table class=\"scorecard\">"))
        for capability in ["Choosing the right use cases", "Prompting and refining output", "Checking accuracy and bias",
                           "Building AI into workflows, with measured gains", "Learning and adapting", "Ethics and data privacy"] {
            let row = try #require(page.range(of: "<th scope=\"row\">\(capability)</th>").map { String(page[$0.upperBound...].prefix(400)) },
                                   "\(capability)")
            #expect(row.range(of: #"<td>[0-9.]+ of 5</td>"#, options: .regularExpression) != nil, "\(capability): \(row)")
        }

        // Nobody, anywhere: in the content folder (data, fragments beside it), the site, or anything printed.
        var texts = printed
        for folder in [content, root] {
            for path in try BuildCommandTests.files(in: folder) where !path.hasSuffix("-responses.csv") {
                if let text = try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) { texts.append(text) }
            }
        }
        let secrets = respondents.flatMap { [$0.id, $0.email, $0.name, $0.comment] }
        // The search can fail: the exports themselves hold every one.
        let exports = try ["qualtrics", "google-forms", "microsoft-forms", "plain"].map {
            try String(contentsOf: root.appendingPathComponent("\($0)-responses.csv"), encoding: .utf8)
        }.joined()
        #expect(secrets.filter { !exports.contains($0) && !exports.contains("\"\($0)\"") }.isEmpty)
        let leaks = secrets.filter { secret in texts.contains { $0.localizedCaseInsensitiveContains(secret) } }
        #expect(leaks.isEmpty, "\(leaks.prefix(5))")
        #expect(texts.count > 100)
    }
}
