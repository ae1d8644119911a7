import Foundation
import Testing
import Yams

/// `discern new report` run as a user would, with the built executable, from a working
/// folder that has nothing to do with the repository. No `--theme` is passed: the site is
/// built with the built-in default theme, as a user's would be.
@Suite("discern new report on the command line")
struct NewReportCommandTests {
    let cli = CommandLineTests()

    /// What every page of the starter's site says while the example is in place.
    static let banner = "<p class=\"site-banner\" role=\"note\">Example data: every number here is made up. "
        + "Replace data/example.csv with your own.</p>"

    static let surveyFiles = ["survey/fluency.yaml", "survey/metrics.yaml", "survey/survey.md", "survey/survey.yaml"]
    static let exampleFiles = ["data/example.csv", "narratives/org/2026-Q3.md"]
    static let files = ["README.md", "metrics.yaml", "site.yaml", "teams.yaml"] + surveyFiles

    /// A fresh working folder, unrelated to the repository, with the starter written into
    /// `report/` there.
    func written(_ more: [String] = []) throws -> URL {
        let root = try cli.folder(["notes.txt": "a project folder\n"])
        let run = try cli.discern(["new", "report", "report"] + more, in: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        return root
    }

    /// `check --strict` and `build --strict`, from `root`: both clean, with nothing on
    /// standard error. Returns the site's folder.
    func checkAndBuild(in root: URL) throws -> URL {
        let check = try cli.discern(["check", "--content", "report", "--strict"], in: root)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.isEmpty, "no warning or note: \(check.stderr)")
        #expect(check.stdout.contains(", 0 errors, 0 warnings\n"), "\(check.stdout)")
        let build = try cli.discern(["build", "--content", "report", "--output", "site", "--strict"], in: root)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.isEmpty, "no warning or note: \(build.stderr)")
        #expect(build.stdout.hasPrefix("Built ") && build.stdout.split(separator: "\n").count == 1,
                "one line and no note after it: \(build.stdout)")
        return root.appendingPathComponent("site")
    }

    static func pages(in site: URL) throws -> [String] {
        try BuildCommandTests.files(in: site).filter { $0.hasSuffix(".html") }
    }

    @Test("it writes the starter, which checks with --strict and builds with no warning from an unrelated folder")
    func checksAndBuilds() throws {
        let root = try written()
        let report = root.appendingPathComponent("report")
        #expect(try BuildCommandTests.files(in: report) == (Self.files + Self.exampleFiles).sorted(),
                "these files and nothing else, no staging folder left behind")
        let site = try checkAndBuild(in: root)
        let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("Example: faster reviews, steadier releases"), "the example narrative is on the front page")
        #expect(home.contains("<table class=\"scorecard\">"), "the survey's fluency block shows the judgment view")
        for team in ["platform", "payments", "mobile"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("teams/\(team)/2026-Q1/index.html").path),
                    "\(team) has a page for every example quarter")
        }
    }

    @Test("inside the starter, with no --content: check --strict, build and the board deck work as the README's steps read")
    func insideTheFolder() throws {
        let report = try written().appendingPathComponent("report")
        let check = try cli.discern(["check", "--strict"], in: report)
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)")
        let build = try cli.discern(["build"], in: report)
        #expect(build.status == 0 && build.stderr.isEmpty, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("site/index.html").path))
        let deck = try cli.discern(["build", "--theme", "board", "--output", "deck"], in: report)
        #expect(deck.status == 0, "\(deck.stderr)")
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("deck/index.html").path))
        // A rebuild reads the same content: the site inside the folder is not content.
        let again = try cli.discern(["check", "--strict"], in: report)
        #expect(again.stdout == check.stdout, "\(again.stdout)")
        // A folder that is neither content/ nor holds a site.yaml says how to start one.
        let elsewhere = try cli.folder(["notes.txt": "not a report\n"])
        let none = try cli.discern(["build"], in: elsewhere)
        #expect(none.status == 2)
        #expect(none.stderr.contains("pass --content DIR, or start one with `discern new report DIR`"), "\(none.stderr)")
    }

    @Test("every page of the starter's site says it shows example data")
    func bannerOnEveryPage() throws {
        let site = try checkAndBuild(in: try written())
        let pages = try Self.pages(in: site)
        #expect(pages.count > 30 && pages.contains("404.html") && pages.contains("teams/mobile/2026-Q2/index.html"),
                "\(pages.count) pages")
        for path in pages {
            let html = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
            #expect(html.components(separatedBy: Self.banner).count == 2, "\(path) shows the banner once")
        }
    }

    @Test("--empty writes no example values, narrative or banner, and still checks with --strict and builds")
    func empty() throws {
        let root = try written(["--empty"])
        let report = root.appendingPathComponent("report")
        #expect(try BuildCommandTests.files(in: report) == Self.files.sorted())
        let site = try checkAndBuild(in: root)
        let check = try cli.discern(["check", "--content", "report"], in: root)
        #expect(check.stdout.contains(" 0 observations, 0 narratives,"), "\(check.stdout)")
        let settings = try #require(try Yams.load(yaml: String(contentsOf: report.appendingPathComponent("site.yaml"),
                                                                encoding: .utf8)) as? [String: Any])
        #expect(settings["banner"] == nil)
        #expect(settings["fluency"] != nil)
        let pages = try Self.pages(in: site)
        #expect(pages.contains("index.html") && pages.contains("metrics/pr_lead_time/index.html"))
        for path in pages {
            let html = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
            #expect(!html.contains("site-banner") && !html.contains("Example data"), "\(path)")
        }
    }

    @Test("it refuses a folder that is not empty and writes nothing; --force writes into it, keeping other files")
    func refusesWithoutForce() throws {
        let root = try cli.folder(["report/site.yaml": "title: mine\n", "report/notes.txt": "my notes\n"])
        let report = root.appendingPathComponent("report")
        let refused = try cli.discern(["new", "report", "report"], in: root)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("report: error: the folder is not empty (it holds 'notes.txt' and 1 more)"),
                "\(refused.stderr)")
        #expect(refused.stderr.contains("Nothing written: name a new or empty folder, or pass --force"))
        #expect(try BuildCommandTests.files(in: report) == ["notes.txt", "site.yaml"])
        #expect(try String(contentsOf: report.appendingPathComponent("site.yaml"), encoding: .utf8) == "title: mine\n")

        let forced = try cli.discern(["new", "report", "report", "--force"], in: root)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try BuildCommandTests.files(in: report) == (Self.files + Self.exampleFiles + ["notes.txt"]).sorted())
        #expect(try String(contentsOf: report.appendingPathComponent("notes.txt"), encoding: .utf8) == "my notes\n")
        #expect(try String(contentsOf: report.appendingPathComponent("site.yaml"), encoding: .utf8) != "title: mine\n")

        let emptyFolder = try cli.folder(["empty/.keep": ""])
        try FileManager.default.removeItem(at: emptyFolder.appendingPathComponent("empty/.keep"))
        #expect(try cli.discern(["new", "report", "empty"], in: emptyFolder).status == 0, "an empty folder needs no --force")
        #expect(try cli.discern(["new", "report", "notes.txt"], in: try cli.folder(["notes.txt": "x\n"])).status == 2,
                "a file in place of the folder is a usage error")
    }

    @Test("a failure part way writes nothing: files it had replaced come back, files it had added go")
    func allOrNothing() throws {
        // `narratives` is a file, so narratives/org/ cannot be made: README.md, site.yaml and
        // the others before it in the list are in place by then, and must be undone.
        let root = try cli.folder(["report/site.yaml": "title: mine\n", "report/narratives": "not a folder\n"])
        let report = root.appendingPathComponent("report")
        let run = try cli.discern(["new", "report", "report", "--force"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("report: error: cannot write the report's files, so none was written: "), "\(run.stderr)")
        #expect(try BuildCommandTests.files(in: report) == ["narratives", "site.yaml"], "no file added, no staging left")
        #expect(try String(contentsOf: report.appendingPathComponent("site.yaml"), encoding: .utf8) == "title: mine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: report.path).sorted() == ["narratives", "site.yaml"],
                "no folder added either")
    }

    @Test("site.yaml sets or shows every key the loader knows")
    func everySiteKey() throws {
        let report = try written().appendingPathComponent("report")
        let site = try String(contentsOf: report.appendingPathComponent("site.yaml"), encoding: .utf8)
        let loader = try String(contentsOf: CommandLineTests.packageRoot
            .appendingPathComponent("Sources/ContentLoading/ContentLoader+Site.swift"), encoding: .utf8)
        var keys: [String] = []
        for list in ["siteKeys", "privacyKeys"] {
            let match = try #require(loader.firstMatch(of: try Regex("static let \(list) = \\[([^\\]]*)\\]")), "\(list)")
            let names = try #require(match.output[1].substring).split(separator: ",")
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) }
            #expect(names.count >= 2, "\(list): \(names)")
            keys += names
        }
        for key in keys {
            #expect(site.contains(try Regex("(?m)^[# ]*\(key):")), "site.yaml says nothing of '\(key)'")
        }
    }

    /// The metrics entries an import prints, by id, read as YAML.
    func importedMetrics(_ arguments: [String], content: URL, root: URL) throws -> [String: [String: Any]] {
        let fragment = root.appendingPathComponent("fragment-\(UUID().uuidString).yaml")
        let run = try cli.discern(["import"] + arguments + ["--metrics", fragment.path, "--content", content.path])
        #expect(run.status == 0, "\(arguments.prefix(2)): \(run.stderr)")
        let yaml = try #require(try Yams.load(yaml: "metrics:\n" + String(contentsOf: fragment, encoding: .utf8)) as? [String: Any])
        let entries = try #require(yaml["metrics"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: entries.map { ($0["id"] as? String ?? "", $0) })
    }

    @Test("metrics.yaml declares what the importers write, as they write it, so imported data checks with --strict as it is")
    func metricsFitImporters() throws {
        let root = try written(["--empty"])
        let report = root.appendingPathComponent("report")
        let fixtures = ImportCommandTests.fixtures.appendingPathComponent("events")
        // Pull requests as GitHub lists them, by authors of the starter's example teams.
        let pulls = root.appendingPathComponent("pulls.json")
        try OutcomesFromToolsTests.page(repository: "example/app", first: 1).write(to: pulls, atomically: true, encoding: .utf8)
        let logins = root.appendingPathComponent("logins.csv")
        try ("login,team\n" + OutcomesFromToolsTests.authors.flatMap { team, people in people.map { "\($0),\(team)\n" } }.joined())
            .write(to: logins, atomically: true, encoding: .utf8)
        var imported = try importedMetrics(["github-pulls", pulls.path, "--teams", logins.path, "--output",
                                            report.appendingPathComponent("data/pulls.csv").path], content: report, root: root)
        // The deployments and incidents specs of the README's "Event exports".
        for export in ["deployments", "incidents"] {
            imported.merge(try importedMetrics(["events", fixtures.appendingPathComponent("\(export).csv").path,
                                                "--spec", fixtures.appendingPathComponent("\(export).yaml").path, "--output",
                                                report.appendingPathComponent("data/\(export).csv").path],
                                               content: report, root: root)) { first, _ in first }
        }
        for id in ["pr_lead_time", "merged_prs_per_engineer_week", "revert_share", "ai_assisted_pr_share",
                   "deployment_frequency", "lead_time_for_changes", "change_failure_rate", "incidents", "time_to_restore"] {
            #expect(imported[id] != nil, "the imports no longer write '\(id)'")
        }

        let catalog = try #require(try Yams.load(yaml: String(contentsOf: report.appendingPathComponent("metrics.yaml"),
                                                               encoding: .utf8)) as? [String: Any])
        let starter = try #require(catalog["metrics"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: starter.map { ($0["id"] as? String ?? "", $0) })
        for (id, entry) in imported {
            let declared = try #require(byID[id], "metrics.yaml has no '\(id)', which an import writes")
            for key in ["category", "unit", "better", "format"] {
                #expect(declared[key] as? String == entry[key] as? String, "\(id)'s \(key)")
            }
        }
        // Outcomes, quality and usage are the imports'; judgment, sentiment and skills the survey's.
        let survey = try #require(try Yams.load(yaml: String(contentsOf: report.appendingPathComponent("survey/survey.yaml"),
                                                              encoding: .utf8)) as? [String: Any])
        let surveyed = Set(try #require(survey["questions"] as? [[String: Any]]).compactMap { $0["metric"] as? String })
        for entry in starter {
            let id = entry["id"] as? String ?? ""
            let fromImports = ["outcome", "quality", "usage"].contains(entry["category"] as? String ?? "")
            #expect(fromImports ? imported[id] != nil : surveyed.contains(id), "'\(id)' is written by no import or survey")
        }
        #expect(starter.map { $0["category"] as? String ?? "" }.first == "outcome", "outcomes lead")
        #expect(starter.map { $0["category"] as? String ?? "" }.last == "usage", "usage comes last")

        // The imported data fits the catalog as it is: nothing pasted, nothing renamed.
        let check = try cli.discern(["check", "--content", "report", "--strict"], in: root)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains(" 0 errors, 0 warnings"), "\(check.stdout)")
    }
}
