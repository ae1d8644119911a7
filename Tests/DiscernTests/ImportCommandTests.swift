import Foundation
import Testing

/// `discern import` run as a user would: import a fixture export into a content
/// folder, merge the metrics, then check and build it, and look for identifiers in
/// everything that was written or printed.
@Suite("discern import on the command line")
struct ImportCommandTests {
    let cli = CommandLineTests()
    static let fixtures = CommandLineTests.packageRoot.appendingPathComponent("Tests/Fixtures/import")

    /// A small content folder for the fixtures' three teams, with one outcome metric.
    func content(minGroupSize: Int = 5) throws -> URL {
        try cli.folder([
            "site.yaml": "title: AI impact report\norganization: Northwind\nprivacy:\n  min_group_size: \(minGroupSize)\n",
            "teams.yaml": """
                teams:
                  - {id: engineering, name: Engineering}
                  - {id: platform, name: Platform, parent: engineering, headcount: 8}
                  - {id: payments, name: Payments, parent: engineering, headcount: 7}
                  - {id: mobile, name: Mobile, parent: engineering, headcount: 3}

                """,
            "metrics.yaml": """
                metrics:
                  - id: cycle_time
                    name: Cycle time
                    category: outcome
                    unit: days
                    better: lower
                    aggregate: weighted_mean
                    baseline: 2025-Q3
                    min_change: 0.2

                """,
            "data/outcomes.csv": """
                period,team,metric,value
                2025-Q3,platform,cycle_time,3.1
                2025-Q3,payments,cycle_time,2.6
                2025-Q4,platform,cycle_time,2.8
                2025-Q4,payments,cycle_time,2.7

                """,
        ])
    }

    struct Case {
        var source: String
        var files: [String]
        var mapping: String
        var metric: String
        var name: String
    }

    static let cases = [
        Case(source: "github-copilot-legacy",
             files: ["platform-eng/2025-09-30.json", "platform-eng/2025-10-02.json", "payments-squad.json", "mobile-apps.json"],
             mapping: "github-teams.csv", metric: "copilot_suggestion_acceptance_rate",
             name: "Copilot suggestion acceptance rate"),
        Case(source: "github-copilot",
             files: ["users-1-day-2025-09-29.ndjson", "users-1-day-2025-09-30.ndjson", "users-1-day-2025-10-01.ndjson",
                     "users-1-day-2025-10-02.ndjson", "user-teams-1-day-2025-09-29.ndjson"],
             mapping: "github-teams.csv", metric: "copilot_active_users", name: "Copilot active users"),
        Case(source: "m365-copilot", files: ["copilot-usage-2025-09-30.csv", "copilot-usage-2025-10-31.csv"],
             mapping: "people.csv", metric: "m365_copilot_active_users", name: "Microsoft 365 Copilot active users"),
        Case(source: "viva", files: ["person-query.csv"], mapping: "organizations.csv",
             metric: "viva_copilot_assisted_hours", name: "Copilot assisted hours per person-week (usage proxy)"),
        // Saved Admin API responses in the documented shape:
        // https://platform.claude.com/docs/en/manage-claude/claude-code-analytics-api
        Case(source: "claude-code", files: ["claude-code-2025-09-30.json", "claude-code-2025-10-01.json"],
             mapping: "people.csv", metric: "claude_code_active_users", name: "Claude Code active users"),
    ]

    func fixture(_ source: String, _ file: String) -> String {
        Self.fixtures.appendingPathComponent(source).appendingPathComponent(file).path
    }

    @Test("each feed imports, checks clean, builds, shows its metric, and no identifier appears anywhere",
          arguments: cases)
    func roundTrip(_ test: Case) throws {
        let root = try content()
        let output = root.appendingPathComponent("data/\(test.source).csv")
        let fragment = root.deletingLastPathComponent().appendingPathComponent("fragment-\(UUID().uuidString).yaml")
        let run = try cli.discern(["import", test.source] + test.files.map { fixture(test.source, $0) }
            + ["--teams", fixture(test.source, test.mapping), "--output", output.path, "--metrics", fragment.path,
               "--content", root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty, "the fragment went to --metrics")
        #expect(run.stderr.contains("Imported "))
        #expect(run.stderr.contains("Left out 2 team-quarters"))
        #expect(run.stderr.contains("with fewer than 5 people (the minimum group size)."))
        #expect(run.stderr.contains("Minimum group size 5, from \(root.path)/site.yaml."))
        let csv = try String(contentsOf: output, encoding: .utf8)
        #expect(csv.hasPrefix("period,team,metric,value,n\n"))
        #expect(csv.contains("2025-Q3,platform,\(test.metric),"))
        #expect(!csv.contains(",mobile,"))
        #expect(try BuildCommandTests.files(in: root.appendingPathComponent("data")).allSatisfy { !$0.contains("partial") })

        let (check, build, site) = try ImportRoundTrip().checkAndBuild(root, fragment: fragment)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.isEmpty, "\(check.stderr)")
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: site.appendingPathComponent("metrics/\(test.metric)/index.html"), encoding: .utf8)
        #expect(page.contains(test.name))
        let team = try String(contentsOf: site.appendingPathComponent("teams/platform/2025-Q4/index.html"), encoding: .utf8)
        #expect(team.contains(test.name))
        #expect(team.contains("Usage: context, not impact"))

        // Every identifier in the fixtures, in everything written or printed.
        let texts = [("stdout", run.stdout), ("stderr", run.stderr), ("check", check.stdout + check.stderr),
                     ("build", build.stdout + build.stderr), ("fragment", try String(contentsOf: fragment, encoding: .utf8))]
            + (try ImportRoundTrip.files(in: root, site: site))
        let identifiers = try ImportRoundTrip.identifiers()
        #expect(identifiers.count == 220, """
            19 people, 5 identifiers each, 2 concealed (hashed) ones each, and an API key name; 14 survey respondents \
            with a name, an e-mail address, a Qualtrics ResponseId, an IP address and a respondent id; 2 bots' logins; 14 Jira account ids
            """)
        let leaks = ImportRoundTrip.leaks(in: texts, of: identifiers)
        #expect(leaks.isEmpty, "\(leaks.prefix(5))")
    }

    /// The `discern import github-copilot` example in README's "Bring your own data", with the
    /// lines of output it shows. The fixtures are in GitHub's documented shape:
    /// https://docs.github.com/en/copilot/reference/copilot-usage-metrics/team-level-metrics
    static func readmeExample() throws -> (arguments: [String], output: [String]) {
        let readme = try String(contentsOf: CommandLineTests.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Bring your own data"))
        let lines = readme[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("discern import github-copilot ") })
        var command = "", index = start
        while true {
            let line = lines[index]
            command += line.hasSuffix("\\") ? String(line.dropLast()) : line
            index += 1
            if !line.hasSuffix("\\") { break }
        }
        let output = lines[index...].prefix { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
        return (command.split(separator: " ").map(String.init), output)
    }

    @Test("the README's github-copilot example runs as written on the documented-form fixtures and prints what it shows")
    func readmeGitHubExample() throws {
        let example = try Self.readmeExample()
        #expect(example.arguments.first == "discern")
        #expect(example.output.count >= 1)
        // The README's working folder: its exports/ and mapping are the fixtures, beside a content folder.
        let source = Self.fixtures.appendingPathComponent("github-copilot")
        var files = [
            "content/site.yaml": "title: AI impact report\norganization: Northwind\n",
            "content/teams.yaml": "teams:\n  - {id: platform, name: Platform}\n  - {id: payments, name: Payments}\n"
                + "  - {id: mobile, name: Mobile}\n",
            "github-teams.csv": try String(contentsOf: source.appendingPathComponent("github-teams.csv"), encoding: .utf8),
        ]
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".ndjson") {
            files["exports/\(name)"] = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
        }
        let folder = try cli.folder(files)
        // Expand the globs as a shell would, sorted.
        var arguments: [String] = []
        for argument in example.arguments.dropFirst() {
            guard let star = argument.firstIndex(of: "*") else { arguments.append(argument); continue }
            let directory = (argument as NSString).deletingLastPathComponent
            let prefix = String(argument[..<star]).dropFirst(directory.count + 1)
            let suffix = argument[argument.index(after: star)...]
            let matches = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(directory).path)
                .filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.sorted().map { "\(directory)/\($0)" }
            #expect(!matches.isEmpty, "\(argument)")
            arguments += matches
        }
        let run = try cli.discern(arguments, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let printed = run.stderr.split(separator: "\n").map(String.init)
        for line in example.output { #expect(printed.contains(line), "README shows: \(line)\nprinted: \(run.stderr)") }
        let csv = try String(contentsOf: folder.appendingPathComponent("content/data/copilot.csv"), encoding: .utf8)
        #expect(csv.contains("2025-Q3,platform,copilot_active_users,8,8\n"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("copilot-metrics.yaml").path))
    }

    @Test("the identifier check can fail: the fixtures' own files are full of identifiers")
    func grepCanFail() throws {
        let identifiers = try String(contentsOf: Self.fixtures.appendingPathComponent("identifiers.txt"), encoding: .utf8)
            .split(separator: "\n").map { $0.lowercased() }
        for (source, file) in [("github-copilot", "users-1-day-2025-09-29.ndjson"), ("m365-copilot", "copilot-usage-2025-09-30.csv"),
                               ("m365-copilot", "concealed-2025-09-30.csv"),
                               ("viva", "person-query.csv"), ("claude-code", "claude-code-2025-10-01.json"),
                               ("claude-code", "people.csv")] {
            let text = try String(contentsOf: Self.fixtures.appendingPathComponent("\(source)/\(file)"), encoding: .utf8)
            #expect(identifiers.contains { text.lowercased().contains($0) }, "\(file)")
        }
    }

    @Test("without --metrics the fragment goes to standard output and messages to standard error")
    func fragmentOnStdout() throws {
        let root = try content()
        let output = root.appendingPathComponent("data/viva.csv")
        let run = try cli.discern(["import", "viva", fixture("viva", "person-query.csv"), "--teams", fixture("viva", "people.csv"),
                                   "--output", output.path, "--min-group-size", "8", "--content", root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# Metrics from `discern import viva`"))
        #expect(run.stdout.contains("  - id: viva_copilot_assisted_hours\n"))
        #expect(!run.stdout.contains("Imported"))
        #expect(run.stderr.contains("warning: 1 person has records that no team in the mapping claims"))
        // With 8 as the minimum, payments (7 people) is left out too.
        #expect(run.stderr.contains("Left out 4 team-quarters with fewer than 8 people"))
        #expect(!run.stderr.contains("Minimum group size"), "the option needs no explanation")
        let csv = try String(contentsOf: output, encoding: .utf8)
        #expect(!csv.contains(",payments,"))
        #expect(csv.contains("2025-Q3,platform,viva_copilot_active_users,87.5,8\n"))
    }

    @Test("the content folder's minimum group size applies when no option is given")
    func siteMinimum() throws {
        let root = try content(minGroupSize: 8)
        let output = root.appendingPathComponent("data/m365.csv")
        let run = try cli.discern(["import", "m365-copilot"]
            + ["copilot-usage-2025-09-30.csv", "copilot-usage-2025-10-31.csv"].map { fixture("m365-copilot", $0) }
            + ["--teams", fixture("m365-copilot", "people.csv"), "--output", output.path, "--content", root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Left out 4 team-quarters with fewer than 8 people"))
        #expect(run.stderr.contains("Minimum group size 8, from \(root.path)/site.yaml."))
    }

    @Test("input errors exit 1 with every diagnostic, and write nothing: an earlier output stays as it was")
    func inputErrors() throws {
        let root = try content()
        let output = root.appendingPathComponent("data/github.csv")
        try "period,team,metric,value,n\n2025-Q2,platform,copilot_active_users,9,9\n".write(to: output, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: output)
        let bad = root.deletingLastPathComponent().appendingPathComponent("bad-\(UUID().uuidString).ndjson")
        try """
            {"day":"2025-10-01","user_id":1,"user_login":"zed-nw","code_generation_activity_count":3}
            {"day":"2025-10-01","user_id":2,"user_login":"yan-nw"
            {"day":"2025-13-01","user_id":3,"user_login":"xia-nw"}

            """.write(to: bad, atomically: true, encoding: .utf8)
        let fragment = root.appendingPathComponent("fragment.yaml")
        let run = try cli.discern(["import", "github-copilot", bad.path, fixture("github-copilot", "users-1-day-2025-09-29.ndjson"),
                                   "--teams", fixture("github-copilot", "logins.csv"), "--output", output.path,
                                   "--metrics", fragment.path, "--content", root.path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(bad.path):2:54: error: unexpected end of file; expected ',' or '}'\n"))
        #expect(run.stderr.contains("\(bad.path):3:8: error: 'day' must be a date written YYYY-MM-DD"))
        #expect(run.stderr.hasSuffix("Nothing written: fix the errors above and import again.\n"))
        #expect(!run.stderr.contains("-nw"))
        #expect(try Data(contentsOf: output) == before)
        #expect(!FileManager.default.fileExists(atPath: fragment.path))
        #expect(try BuildCommandTests.files(in: root.appendingPathComponent("data")) == ["github.csv", "outcomes.csv"])
    }

    @Test("an import that matches no one exits 1 with the reason, and an earlier output stays byte for byte")
    func matchesNoOne() throws {
        let root = try content()
        let output = root.appendingPathComponent("data/github.csv")
        try "period,team,metric,value,n\n2025-Q2,platform,copilot_active_users,9,9\n".write(to: output, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: output)
        // A GitHub-team mapping whose slugs are not the export's: the mistake the issue saw,
        // which used to write a header-only CSV over the last quarter's and exit 0.
        let mapping = root.deletingLastPathComponent().appendingPathComponent("teams-\(UUID().uuidString).csv")
        try "github_team,team\nbackend,platform\nweb,payments\n".write(to: mapping, atomically: true, encoding: .utf8)
        let run = try cli.discern(["import", "github-copilot", fixture("github-copilot", "users-1-day-2025-09-29.ndjson"),
                                   fixture("github-copilot", "user-teams-1-day-2025-09-29.ndjson"),
                                   "--teams", mapping.path, "--output", output.path, "--content", root.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("error: no record's team is in the mapping: none of the"), "\(run.stderr)")
        #expect(run.stderr.contains("; the input's teams are 'data-science', 'mobile-apps', 'payments-squad', 'platform-eng'; "
                                    + "the mapping's github_team values are 'backend', 'web'"), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("Nothing written: fix the errors above and import again.\n"))
        #expect(try Data(contentsOf: output) == before)
        // A person mapping's keys are people: they are never listed.
        let logins = root.deletingLastPathComponent().appendingPathComponent("logins-\(UUID().uuidString).csv")
        try "login,team\nnobody-here,platform\n".write(to: logins, atomically: true, encoding: .utf8)
        let people = try cli.discern(["import", "github-copilot", fixture("github-copilot", "users-1-day-2025-09-29.ndjson"),
                                      "--teams", logins.path, "--output", output.path, "--content", root.path])
        #expect(people.status == 1)
        #expect(people.stderr.contains("no record's team is in the mapping") && people.stderr.contains("(its login column has 1 entry)"),
                "\(people.stderr)")
        #expect(!people.stderr.contains("nobody-here"))
        #expect(try Data(contentsOf: output) == before)
    }

    @Test("a mapping that matches fewer than half the people warns with the counts")
    func matchesFewerThanHalf() throws {
        let root = try content()
        let output = root.appendingPathComponent("data/m365.csv")
        // Five of the fixture's people, by their UPNs from its own mapping.
        let all = try String(contentsOf: Self.fixtures.appendingPathComponent("m365-copilot/people.csv"), encoding: .utf8)
        let mapping = root.deletingLastPathComponent().appendingPathComponent("few-\(UUID().uuidString).csv")
        try all.split(separator: "\n").prefix(6).joined(separator: "\n").write(to: mapping, atomically: true, encoding: .utf8)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.appendingPathComponent("m365-copilot").path)
            .filter { $0.hasPrefix("copilot-usage") }.sorted().map { fixture("m365-copilot", $0) }
        let run = try cli.discern(["import", "m365-copilot"] + files + ["--teams", mapping.path, "--output", output.path,
                                                                      "--content", root.path, "--min-group-size", "3"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: the mapping matches only 5 of the 19 people in the input; the other 14 are counted in no team"),
                "\(run.stderr)")
    }

    @Test("a team feed that puts one person in two teams exits 1, writes nothing, and names teams and a count only")
    func overlappingTeams() throws {
        let root = try content()
        let output = root.appendingPathComponent("data/github.csv")
        // GitHub lists a person in two teams as two user-teams rows for the day:
        // https://docs.github.com/en/copilot/reference/copilot-usage-metrics/team-level-metrics
        let teams = try String(contentsOf: URL(fileURLWithPath: fixture("github-copilot", "user-teams-1-day-2025-09-29.ndjson")),
                               encoding: .utf8)
            + #"{"day":"2025-09-29","enterprise_id":"4417","user_id":58213900,"user_login":"avalindqvist-nw","team_id":901,"slug":"payments-squad"}"#
            + "\n"
        let records = root.deletingLastPathComponent().appendingPathComponent("user-teams-\(UUID().uuidString).ndjson")
        try teams.write(to: records, atomically: true, encoding: .utf8)
        let fragment = root.appendingPathComponent("fragment.yaml")
        let run = try cli.discern(["import", "github-copilot", fixture("github-copilot", "users-1-day-2025-09-29.ndjson"),
                                   records.path, "--teams", fixture("github-copilot", "github-teams.csv"),
                                   "--output", output.path, "--metrics", fragment.path, "--content", root.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(records.path):20:1: error: 'payments' and 'platform' share 1 person in 2025-Q3;"),
                "\(run.stderr)")
        #expect(run.stderr.hasSuffix("Nothing written: fix the errors above and import again.\n"))
        #expect(!run.stderr.contains("avalindqvist") && !run.stderr.contains("58213900"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(!FileManager.default.fileExists(atPath: fragment.path))
    }

    /// The Viva exports in other forms: tab-delimited with German headers and day-first
    /// dates, semicolon-delimited by day, and the GitHub Copilot query's person file
    /// (columns as in microsoft/viva-insights-sample-code, examples/utility-r/_data/README.md).
    /// Each imports with the options it needs; each is refused without them; and no
    /// identifier appears in anything printed or written either way.
    @Test("Viva exports in other forms import with --date-order and --columns, and no identifier appears anywhere")
    func vivaForms() throws {
        let identifiers = try String(contentsOf: Self.fixtures.appendingPathComponent("identifiers.txt"), encoding: .utf8)
            .split(separator: "\n").map { $0.lowercased() }
        let german = ["--date-order", "dmy", "--columns",
                      "PersonId=Personen-ID,MetricDate=Metrikdatum,Total_Copilot_active_days=Copilot-Aktivtage gesamt,"
                          + "Total_Copilot_actions_taken=Copilot-Aktionen gesamt"]
        let forms: [(file: String, options: [String], refusal: [String]?, metric: String)] = [
            ("person-query-de.tsv", german, ["--date-order", "dmy"], "2025-Q4,payments,viva_copilot_actions,10,7"),
            ("person-query-de.tsv", german, ["--columns", german[3]], "2025-Q3,platform,viva_copilot_actions,20,8"),
            ("person-query-daily.csv", [], nil, "2025-Q4,platform,viva_copilot_actions,20,8"),
            ("github-query.csv", [], nil, "2025-Q4,platform,viva_github_copilot_acceptance_rate,60,8"),
        ]
        for form in forms {
            let root = try content()
            let output = root.appendingPathComponent("data/viva.csv")
            let fragment = root.appendingPathComponent("fragment.yaml")
            let base = ["import", "viva", fixture("viva", form.file), "--teams", fixture("viva", "people.csv"),
                        "--output", output.path, "--metrics", fragment.path, "--content", root.path]
            var texts: [(String, String)] = []
            if let refusal = form.refusal {
                let refused = try cli.discern(base + refusal)
                #expect(refused.status == 1, "\(form.file) \(refusal): \(refused.stderr)")
                #expect(refused.stderr.contains(refusal[0] == "--date-order" ? "missing column" : "--date-order dmy"),
                        "\(refused.stderr)")
                #expect(!FileManager.default.fileExists(atPath: output.path))
                texts.append(("refused stderr", refused.stderr))
            }
            let run = try cli.discern(base + form.options)
            #expect(run.status == 0, "\(form.file): \(run.stderr)")
            let csv = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            #expect(csv.contains(form.metric + "\n"), "\(form.file): \(csv)")
            texts += [("stdout", run.stdout), ("stderr", run.stderr), ("csv", csv),
                      ("fragment", (try? String(contentsOf: fragment, encoding: .utf8)) ?? "")]
            var leaks: [String] = []
            for (name, text) in texts {
                let lowered = text.lowercased()
                for identifier in identifiers where lowered.contains(identifier) { leaks.append("\(form.file) \(name): \(identifier)") }
            }
            #expect(leaks.isEmpty, "\(leaks.prefix(5))")
        }
        // The check can fail: the new fixtures are full of identifiers.
        for file in ["person-query-de.tsv", "person-query-daily.csv", "github-query.csv"] {
            let text = try String(contentsOf: Self.fixtures.appendingPathComponent("viva/\(file)"), encoding: .utf8)
            #expect(identifiers.contains { text.lowercased().contains($0) }, "\(file)")
        }
    }

    @Test("a mapping with errors and a CSV missing a column fail the same way")
    func csvErrors() throws {
        let folder = try cli.folder([
            "query.csv": "PersonId,Total_Copilot_active_days\nAB12,3\n",
            "people.csv": "PersonId,team\nAB12,Payments Team\n",
        ])
        let output = folder.appendingPathComponent("out.csv")
        let run = try cli.discern(["import", "viva", folder.appendingPathComponent("query.csv").path,
                                   "--teams", folder.appendingPathComponent("people.csv").path, "--output", output.path,
                                   "--content", folder.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("people.csv:2:6: error: 'team' must be a Discern team id"))
        #expect(run.stderr.contains("query.csv:1:1: error: missing column 'MetricDate'"))
        #expect(!run.stderr.contains("AB12"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("usage errors exit 2")
    func usage() throws {
        let file = fixture("viva", "person-query.csv"), mapping = fixture("viva", "people.csv")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("discern-\(UUID().uuidString).csv").path
        for arguments in [
            ["import", "slack", file, "--teams", mapping, "--output", out],
            ["import", "viva", "/nonexistent/query.csv", "--teams", mapping, "--output", out],
            ["import", "viva", file, "--teams", mapping],
            ["import", "viva", file, "--teams", mapping, "--output", out, "--team", "platform"],
            ["import", "viva", file, "--teams", mapping, "--output", out, "--min-group-size", "2"],
            ["import", "viva", file, "--teams", mapping, "--output", "/tmp/out.txt"],
            ["import", "viva", file, "--teams", mapping, "--output", file],
            ["import", "github-copilot-legacy", fixture("github-copilot-legacy", "payments-squad.json"), "--team", "Payments",
             "--output", out],
            ["import", "viva", "--teams", mapping, "--output", out],
            ["import", "viva", file, "--teams", mapping, "--output", out, "--date-order", "ymd"],
            ["import", "viva", file, "--teams", mapping, "--output", out, "--columns", "PersonId"],
            ["import", "m365-copilot", file, "--teams", mapping, "--output", out, "--date-order", "dmy"],
        ] {
            let run = try cli.discern(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        let help = try cli.discern(["import", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("github-copilot-legacy"))
    }

    /// `discern import survey` on each documented export shape (see SurveyImporterTests for
    /// the pages followed): the same values from each, a content folder that checks and
    /// builds with them, and no identifier or free-text answer anywhere.
    @Test("survey: each export shape imports the same values, checks, builds, and nothing identifying appears anywhere",
          arguments: ["qualtrics", "google-forms", "microsoft-forms", "plain"])
    func survey(_ shape: String) throws {
        let root = try content()
        let output = root.appendingPathComponent("data/survey.csv")
        let fragment = root.deletingLastPathComponent().appendingPathComponent("fragment-\(UUID().uuidString).yaml")
        let run = try cli.discern(["import", "survey", fixture("survey", "\(shape).csv"),
                                   "--questions", fixture("survey", "survey.yaml"), "--period", "2026-Q3",
                                   "--output", output.path, "--metrics", fragment.path, "--content", root.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Imported 5 values for 2 teams in 2026-Q3 from 11 people (14 responses read)"), "\(run.stderr)")
        let csv = try String(contentsOf: output, encoding: .utf8)
        #expect(csv == """
            period,team,metric,value,n,ci_low,ci_high
            2026-Q3,payments,fluency_use_cases,3.2,5,2.6,3.8
            2026-Q3,payments,judgment_calibration,3.5,5,2.6,4.2
            2026-Q3,platform,fluency_use_cases,4.1667,6,3.6667,4.6667
            2026-Q3,platform,judgment_calibration,3.6667,6,2.9167,4.3333
            2026-Q3,platform,verification_habit,66.6667,6,,

            """)
        let (check, build, site) = try ImportRoundTrip().checkAndBuild(root, fragment: fragment)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(build.status == 0, "\(build.stderr)")

        let texts = [("stdout", run.stdout), ("stderr", run.stderr), ("check", check.stdout + check.stderr),
                     ("build", build.stdout + build.stderr)] + (try ImportRoundTrip.files(in: root, site: site))
        let identifiers = try ImportRoundTrip.identifiers() + ["practise with the tools", "legacy ledger code", "fewer meetings"]
        let leaks = ImportRoundTrip.leaks(in: texts, of: identifiers)
        #expect(leaks.isEmpty, "\(leaks.prefix(5))")
        // The check can fail: the export is full of them.
        let input = try String(contentsOf: Self.fixtures.appendingPathComponent("survey/\(shape).csv"), encoding: .utf8).lowercased()
        #expect(identifiers.filter { input.contains($0) }.count >= 17, "14 e-mail addresses and 3 free-text answers at least")
    }

    @Test("survey: a malformed answer fails with nothing written, and --questions and --period are for survey only")
    func surveyErrors() throws {
        let folder = try cli.folder([
            "responses.csv": "Timestamp,Which team are you on?,Q\n8/3/2026 9:16:02,Platform,Agree\n8/3/2026 9:17:02,Platform,Kinda\n",
            "survey.yaml": "team:\n  column: \"Which team are you on?\"\nscales:\n  agree5: {Disagree: 2, Agree: 4}\n"
                + "questions:\n  - {column: Q, metric: q, scale: agree5}\n",
        ])
        let output = folder.appendingPathComponent("out.csv")
        let run = try cli.discern(["import", "survey", folder.appendingPathComponent("responses.csv").path,
                                   "--questions", folder.appendingPathComponent("survey.yaml").path, "--period", "2026-Q3",
                                   "--output", output.path, "--content", folder.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("responses.csv:3:27: error: 'Q': the answer is not a label of scale 'agree5'"), "\(run.stderr)")
        #expect(!run.stderr.contains("Kinda"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let misuse = try cli.discern(["import", "viva", folder.appendingPathComponent("responses.csv").path,
                                      "--questions", folder.appendingPathComponent("survey.yaml").path,
                                      "--output", output.path])
        #expect(misuse.status == 2)
        #expect(misuse.stderr.contains("--questions, --period and --tool are for survey only"), "\(misuse.stderr)")
        let noPeriod = try cli.discern(["import", "survey", folder.appendingPathComponent("responses.csv").path,
                                        "--questions", folder.appendingPathComponent("survey.yaml").path, "--output", output.path])
        #expect(noPeriod.status == 2)
    }
}
