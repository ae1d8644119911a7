import Foundation
import Testing
import Yams

/// `discern new survey` run as a user would: write the survey files, paste the metrics
/// and the fluency block into a content folder, and check and build it.
@Suite("discern new survey on the command line")
struct NewSurveyCommandTests {
    let cli = CommandLineTests()
    static let names = ["survey.md", "survey.yaml", "metrics.yaml", "fluency.yaml"]

    /// A fresh folder with the survey files written into `survey/`.
    func written() throws -> URL {
        let root = try cli.folder(["notes.txt": "a project folder\n"])
        let run = try cli.discern(["new", "survey", "survey"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        return root.appendingPathComponent("survey")
    }

    func text(_ name: String, in folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The question texts of survey.md: its `### N. ` headings.
    static func questions(_ markdown: String) -> [String] {
        markdown.split(separator: "\n").compactMap { line in
            line.firstMatch(of: #/^### \d+\. (.+)$/#).map { String($0.1) }
        }
    }

    @Test("it writes the four files, and nothing else")
    func writesFourFiles() throws {
        let folder = try written()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == Self.names.sorted())
        let questions = Self.questions(try text("survey.md", in: folder))
        #expect((12...16).contains(questions.count), "a short survey: \(questions.count) questions")
        let reasons = try text("survey.md", in: folder).components(separatedBy: "*Why it is there:*").count - 1
        #expect(reasons == questions.count, "each question says why it is there")
    }

    @Test("it refuses to overwrite, writes nothing then, and replaces with --force")
    func refusesToOverwrite() throws {
        let folder = try written()
        let mine = "# my own edits\n"
        try mine.write(to: folder.appendingPathComponent("survey.md"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("fluency.yaml"))
        let again = try cli.discern(["new", "survey", folder.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("\(folder.path)/survey.md: error: the file exists"))
        #expect(again.stderr.contains("Nothing written: pass --force"))
        #expect(try text("survey.md", in: folder) == mine)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("fluency.yaml").path),
                "a refusal writes none of the files")
        let forced = try cli.discern(["new", "survey", folder.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try text("survey.md", in: folder) != mine)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == Self.names.sorted(),
                "no temporary files are left behind")
    }

    @Test("a file in place of the folder is a usage error")
    func fileForFolder() throws {
        let root = try cli.folder(["survey": "not a folder\n"])
        #expect(try cli.discern(["new", "survey", root.appendingPathComponent("survey").path]).status == 2)
    }

    @Test("every column in survey.yaml is a question of survey.md, word for word, and every question is read")
    func columnsAreQuestions() throws {
        let folder = try written()
        let questions = Self.questions(try text("survey.md", in: folder))
        let mapping = try #require(try Yams.load(yaml: try text("survey.yaml", in: folder)) as? [String: Any])
        let team = try #require((mapping["team"] as? [String: Any])?["column"] as? String)
        let items = try #require(mapping["questions"] as? [[String: Any]])
        let columns = items.compactMap { $0["column"] as? String }
        #expect(columns.count == items.count)
        #expect(Set(columns + [team]) == Set(questions), "each question is read, and only those")
        let scales = try #require(mapping["scales"] as? [String: [String: Int]])
        for item in items {
            #expect(scales[item["scale"] as? String ?? ""] != nil, "\(item)")
            #expect(["mean", "top2"].contains(item["statistic"] as? String))
        }
        #expect(mapping["min_answers"] as? Int == 5)
    }

    @Test("the metrics and the fluency block parse, and name the same metrics as survey.yaml")
    func yamlParses() throws {
        let folder = try written()
        let catalog = try #require(try Yams.load(yaml: try text("metrics.yaml", in: folder)) as? [String: Any])
        let ids = try #require(catalog["metrics"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        let mapping = try #require(try Yams.load(yaml: try text("survey.yaml", in: folder)) as? [String: Any])
        let produced = try #require(mapping["questions"] as? [[String: Any]]).compactMap { $0["metric"] as? String }
        #expect(Set(ids) == Set(produced))
        #expect(ids.count == Set(ids).count)
        let site = try #require(try Yams.load(yaml: try text("fluency.yaml", in: folder)) as? [String: Any])
        let capabilities = try #require((site["fluency"] as? [String: Any])?["capabilities"] as? [String: String])
        #expect(Set(capabilities.keys) == ["use_cases", "prompting", "assessment", "workflow", "learning", "ethics"])
        #expect(Set(capabilities.values).isSubset(of: Set(ids)))
    }

    @Test("pasted into a content folder, the metrics and fluency block check clean and show the judgment scorecard")
    func pastedContentBuilds() throws {
        let folder = try written()
        let metrics = try text("metrics.yaml", in: folder)
        let catalog = try #require(try Yams.load(yaml: metrics) as? [String: Any])
        let ids = try #require(catalog["metrics"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        var rows = ["period,team,metric,value,n"]
        for (team, n) in [("platform", 7), ("payments", 6), ("support", 9)] {
            for id in ids { rows.append("2026-Q3,\(team),\(id),\(id.hasPrefix("fluency_") ? "3.6" : "42"),\(n)") }
        }
        let content = try cli.folder([
            "site.yaml": "title: AI impact report\norganization: Northwind\n" + (try text("fluency.yaml", in: folder)),
            "teams.yaml": """
                teams:
                  - {id: engineering, name: Engineering}
                  - {id: platform, name: Platform, parent: engineering, headcount: 8}
                  - {id: payments, name: Payments, parent: engineering, headcount: 7}
                  - {id: support, name: Support, headcount: 12}

                """,
            "metrics.yaml": metrics,
            "data/survey.csv": rows.joined(separator: "\n") + "\n",
        ])
        let check = try cli.discern(["check", "--content", content.path, "--strict"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.isEmpty)
        let output = content.appendingPathComponent("out")
        let build = try cli.discern(["build", "--content", content.path, "--output", output.path, "--strict"])
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("<table class=\"scorecard\">"))
        for capability in ["Choosing the right use cases", "Prompting and refining output", "Checking accuracy and bias",
                           "Building AI into workflows, with measured gains", "Learning and adapting", "Ethics and data privacy"] {
            #expect(page.contains("<th scope=\"row\">\(capability)</th>"), "\(capability)")
        }
    }
}
