import Testing
@testable import Importing

/// The fixtures are GitHub's "List pull requests" responses in the documented shape
/// (https://docs.github.com/en/rest/pulls/pulls#list-pull-requests): pull requests with
/// `number`, `state`, `title`, `user` (`login`, `id`, `type`), `labels` (`name`, …),
/// `created_at`, `closed_at`, `merged_at`, `draft`, `base.repo.full_name`, `html_url` and
/// the rest, saved as `gh api --paginate` saves pages (https://cli.github.com/manual/gh_api;
/// `--slurp` from https://github.com/cli/cli/pull/8620): `ledger-api.json` is two pages
/// with nothing between them, `checkout-web.json` one page pretty-printed, and
/// `ledger-api-rerun.ndjson` one pull request per line (`jq -c '.[]'`), from a later
/// export that overlaps the first by two pull requests. Reverts are titled as GitHub's
/// Revert button titles them, `Revert "…"`
/// (https://docs.github.com/en/pull-requests/collaborating-with-pull-requests/incorporating-changes-from-a-pull-request/reverting-a-pull-request;
/// the title's form as https://github.com/kubernetes/test-infra/issues/5642 reports it).
@Suite("GitHub pull requests")
struct GitHubPullRequestListTests {
    let folder = "github-pulls"

    /// The fixture content's headcounts (platform 8, payments 7, mobile 3).
    static let headcounts = ["platform": 8, "payments": 7, "mobile": 3]

    func exports() throws -> [InputFile] {
        try ["ledger-api.json", "checkout-web.json", "ledger-api-rerun.ndjson"].map { try ImportFixture.file("\(folder)/\($0)") }
    }

    func importer(_ files: [InputFile], headcounts: [String: Int]? = Self.headcounts,
                  mapping: InputFile? = nil) throws -> UsageImporter {
        var importer = UsageImporter(source: .githubPulls, files: files,
                                     mapping: try mapping ?? ImportFixture.file("\(folder)/logins.csv"))
        importer.headcounts = headcounts
        return importer
    }

    @Test("the fixture exports give each team-quarter's lead time, throughput per engineer-week, AI-assisted and revert shares")
    func fixture() throws {
        let result = try importer(try exports()).run()
        #expect(result.printed == [
            "github-pulls/logins.csv:1:1: warning: 1 person has records that no team in the mapping claims; "
                + "that person is counted in no team",
        ])
        // Platform 2025-Q3, ten merged pull requests by its 8 people, lead times in hours
        // 1, 2, 4, 6, 8, 12, 16, 20, 30, 50: the median is (8 + 12) / 2 = 10. Four carry the
        // label (#101, #103, #105, #109; #108's 'ai-assisted-review' is another label), and
        // one is titled Revert "…" (#107; #106's "Revert to a fixed retry delay…" is not).
        // #109 was merged at 23:30Z on 30 September: Q3.
        #expect(result.csv == """
            period,team,metric,value,n,ci_low,ci_high
            2025-Q3,payments,ai_assisted_pr_share,33.3333,5,0,80
            2025-Q3,payments,merged_prs_per_engineer_week,0.0652,7,,
            2025-Q3,payments,pr_lead_time,8,5,,
            2025-Q3,payments,revert_share,0,5,0,39.0334
            2025-Q3,platform,ai_assisted_pr_share,40,8,12.5,68.7326
            2025-Q3,platform,merged_prs_per_engineer_week,0.0951,8,,
            2025-Q3,platform,pr_lead_time,10,8,,
            2025-Q3,platform,revert_share,10,8,0,40.415
            2025-Q4,payments,merged_prs_per_engineer_week,0.0326,7,,
            2025-Q4,platform,ai_assisted_pr_share,28.5714,6,0,66.6667
            2025-Q4,platform,merged_prs_per_engineer_week,0.0666,8,,
            2025-Q4,platform,pr_lead_time,7,6,,
            2025-Q4,platform,revert_share,14.2857,6,0,51.3128

            """)
        // ci_low and ci_high: a percentile bootstrap over authors; for the shares, widened to
        // Wilson's over the pull requests where that is wider (0 reverts of 6 by payments:
        // 0 to 3.8415 / 9.8415 = 39.0334 %; 1 of 10 by platform: up to 40.415 %).
        // Platform throughput: 10 merged over 8 engineers × 92/7 weeks = 70/736 = 0.0951 in Q3,
        // 7 × 7/736 = 0.0666 in Q4 (#121, opened in Q3 and merged on 1 October, counts there).
        // Platform Q4 lead times 2, 3, 5, 7, 9, 24, 48 by 6 people: median 7; 2 of 7 labelled
        // (28.5714 %), 1 of 7 a revert (14.2857 %).
        // Payments Q3: lead times 2, 3, 6, 10, 14, 40 by 5 people, median (6 + 10) / 2 = 8;
        // 2 of 6 labelled, one 'AI-assisted' (any case); throughput 6 / (7 × 92/7) = 6/92.
        // Payments Q4: 3 people merged 3, so only the throughput (3/92, n the headcount 7)
        // may be published; mobile's 3 people are below the minimum group size.
        #expect(result.summary.records == 35, "17 + 11 + 9 pull requests, 2 of them read twice")
        #expect(result.summary.repeats == 2)
        #expect(result.summary.people == 15)
        #expect(result.summary.unmappedPeople == 1)
        #expect(result.summary.leftOutTeamQuarters == 1)
        #expect(result.summary.leftOutValues == 3)
        #expect(result.summary.lines(output: "data/pulls.csv") == [
            "Imported 13 values for 2 teams in 2 quarters (2025-Q3 to 2025-Q4) from 15 people (35 pull requests read) "
                + "into data/pulls.csv.",
            "Read 2 repeated records once: the same pull request came in more than one place.",
            "Left out 1 team-quarter and 3 single values with fewer than 5 people (the minimum group size).",
        ])
        let categories = Dictionary(uniqueKeysWithValues: result.metrics.map { ($0.id.rawValue, $0.category) })
        #expect(categories == ["pr_lead_time": .outcome, "merged_prs_per_engineer_week": .outcome,
                               "ai_assisted_pr_share": .usage, "revert_share": .quality])
        #expect(result.metrics.map(\.better) == [.lower, .higher, .neutral, .lower])
        #expect(result.metrics.map(\.unit) == ["hours", "PRs/engineer/week", "% of merged pull requests",
                                               "% of merged pull requests"])
        #expect(result.metrics.allSatisfy { $0.description.contains("From GitHub's pull requests") })
        #expect(result.metricsFragment.contains("    baseline: 2025-Q3   # the first quarter imported"))
    }

    /// `ledger-api.json` in the other shapes a paginated export comes in, each made by
    /// editing the file's text where its pages and pull requests meet.
    func shapes() throws -> [(name: String, file: InputFile)] {
        let original = try ImportFixture.file("\(folder)/ledger-api.json")
        let text = String(decoding: original.bytes, as: UTF8.self)
        let pageBreak = "}][{"
        let pullStart = #"},{"url":"https://api.github.com/repos/northwind/ledger-api/pulls/"#
        #expect(text.components(separatedBy: pageBreak).count == 3 - 1, "two pages, one break between them")
        #expect(text.components(separatedBy: pullStart).count == 17 - 2 + 1, "17 pull requests, 2 of them first on a page")
        #expect(text.hasPrefix("[{") && text.hasSuffix("}]"))
        let ndjson = String(text.dropFirst().dropLast())
            .replacingOccurrences(of: pageBreak, with: "}\n{")
            .replacingOccurrences(of: pullStart, with: "}\n" + pullStart.dropFirst(2))
        return [
            ("pages one after another", original),
            ("pages on lines of their own", InputFile(path: "lines.json",
                                                     text: text.replacingOccurrences(of: pageBreak, with: "}]\n\n[{") + "\n")),
            ("--slurp", InputFile(path: "slurp.json", text: "[" + text.replacingOccurrences(of: pageBreak, with: "}],[{") + "]")),
            ("one array", InputFile(path: "array.json", text: text.replacingOccurrences(of: pageBreak, with: "},{"))),
            ("NDJSON", InputFile(path: "pulls.ndjson", text: ndjson + "\n")),
        ]
    }

    @Test("concatenated pages, pages on their own lines, --slurp, one array and NDJSON give the same values")
    func sameValuesFromEveryShape() throws {
        var tables: [String: [String: String]] = [:]
        for shape in try shapes() {
            let result = try importer([shape.file], mapping: InputFile(
                path: "logins.csv", text: "login,team\navalindqvist-nw,platform\nbramokafor-nw,platform\n"
                    + "chiarabenedetti-nw,platform\ndmitrivolkov-nw,platform\nesimensah-nw,platform\n"
                    + "farahhaddad-nw,platform\ngustavopereira-nw,platform\nhanakobayashi-nw,platform\n")).run()
            #expect(result.printed.allSatisfy { !$0.contains("error") }, "\(shape.name): \(result.printed)")
            #expect(result.summary.records == 17, "\(shape.name)")
            tables[shape.name] = result.table
        }
        let expected = tables["pages one after another"] ?? [:]
        #expect(expected["2025-Q3 platform pr_lead_time"] == "10 n=8")
        #expect(expected["2025-Q3 platform revert_share"] == "10 n=8")
        #expect(expected.count == 4)
        for (name, table) in tables { #expect(table == expected, "\(name)") }
    }

    /// Platform's people in the fixtures, with their GitHub user ids.
    static let people = [("avalindqvist-nw", 58213900), ("bramokafor-nw", 58221819), ("chiarabenedetti-nw", 58229738),
                         ("dmitrivolkov-nw", 58237657), ("esimensah-nw", 58245576)]

    /// A pull request as the API lists it, with the fields the reader looks at and a few
    /// it does not.
    static func pull(_ number: Int, by author: Int?, created: String, merged: String?, title: String = "Tidy up",
                     labels: [String] = [], repo: String = "northwind/ledger-api", draft: Bool = false,
                     login: String? = nil, type: String = "User", base: Bool = true) -> String {
        let user = author.map { #"{"login":"\#(people[$0].0)","id":\#(people[$0].1),"type":"User","site_admin":false}"# }
            ?? login.map { #"{"login":"\#($0)","id":\#(49_000_000 + number),"type":"\#(type)","site_admin":false}"# }
            ?? "null"
        let names = labels.map { #"{"id":\#(7_000 + number),"name":"\#($0)","color":"8a63d2","default":false}"# }
        let baseField = base ? #","base":{"ref":"main","repo":{"name":"x","full_name":"\#(repo)","private":true}}"# : ""
        return #"{"url":"https://api.github.com/repos/\#(repo)/pulls/\#(number)","number":\#(number),"state":"closed","#
            + #""title":"\#(title.replacingOccurrences(of: "\"", with: "\\\""))","user":\#(user),"#
            + #""labels":[\#(names.joined(separator: ","))],"created_at":"\#(created)","closed_at":"\#(merged ?? created)","#
            + #""merged_at":\#(merged.map { "\"\($0)\"" } ?? "null"),"draft":\#(draft),"#
            + #""html_url":"https://github.com/\#(repo)/pull/\#(number)"\#(baseField)}"#
    }

    static let platform = InputFile(path: "logins.csv", text: "login,team\n" + people.map { "\($0.0),platform\n" }.joined())

    @Test("a user_id,team mapping places authors as a login,team mapping does")
    func userIDMapping() throws {
        let pulls = "[" + (0..<5).map { Self.pull($0 + 1, by: $0, created: "2025-10-06T09:00:00Z",
                                                merged: "2025-10-06T1\($0):00:00Z") }.joined(separator: ",") + "]"
        let byID = InputFile(path: "ids.csv", text: "user_id,team\n" + Self.people.map { "\($0.1),platform\n" }.joined())
        let files = [InputFile(path: "pulls.json", text: pulls)]
        let viaIDs = try importer(files, mapping: byID).run()
        let viaLogins = try importer(files, mapping: Self.platform).run()
        #expect(viaIDs.printed.isEmpty, "\(viaIDs.printed)")
        #expect(viaIDs.csv == viaLogins.csv)
        #expect(viaIDs.csv.contains("2025-Q4,platform,pr_lead_time,3,5,"), "\(viaIDs.csv)")
    }

    @Test("bots, unmerged pull requests and drafts are left out, a repeat counts once, and the quarter is merged_at's")
    func whatCounts() throws {
        let first = [
            // Opened in Q3, merged in Q4: 48 hours, in Q4.
            Self.pull(1, by: 0, created: "2025-09-29T10:00:00Z", merged: "2025-10-01T10:00:00Z"),
            Self.pull(2, by: 1, created: "2025-10-06T09:00:00Z", merged: "2025-10-06T11:00:00Z", labels: ["AI-Assisted"]),
            // The same number in another repository is another pull request.
            Self.pull(1, by: 2, created: "2025-10-07T08:00:00Z", merged: "2025-10-07T12:00:00Z",
                      repo: "northwind/checkout-web"),
            Self.pull(3, by: 3, created: "2025-11-03T08:00:00Z", merged: "2025-11-03T14:00:00Z"),
            Self.pull(4, by: 4, created: "2025-11-17T13:00:00Z", merged: "2025-11-17T21:00:00Z", title: #"Revert "Tidy up""#),
            // Merged at 23:30 UTC on the quarter's last day: Q3.
            Self.pull(5, by: 1, created: "2025-09-30T20:00:00Z", merged: "2025-09-30T23:30:00Z"),
            Self.pull(6, by: nil, created: "2025-10-02T09:00:00Z", merged: "2025-10-02T09:05:00Z",
                      login: "ledger-release", type: "Bot"),
            Self.pull(7, by: nil, created: "2025-10-02T09:00:00Z", merged: "2025-10-02T09:05:00Z",
                      login: "renovate[bot]"),
            Self.pull(8, by: 3, created: "2025-10-09T09:00:00Z", merged: nil),
            Self.pull(9, by: 4, created: "2025-10-10T09:00:00Z", merged: nil, draft: true),
            Self.pull(10, by: nil, created: "2025-10-11T09:00:00Z", merged: "2025-10-12T09:00:00Z"),
        ]
        // A later export repeats #1, without `base`: `html_url` says which repository it is in.
        let second = [Self.pull(1, by: 0, created: "2025-09-29T10:00:00Z", merged: "2025-10-01T10:00:00Z", base: false)]
        var importer = UsageImporter(source: .githubPulls,
                                     files: [InputFile(path: "pulls.json", text: "[" + first.joined(separator: ",") + "]"),
                                             InputFile(path: "later.ndjson", text: second.joined(separator: "\n"))],
                                     mapping: Self.platform)
        importer.headcounts = ["platform": 5]
        let result = importer.run()
        #expect(result.printed == [
            "pulls.json:1:1: warning: 1 merged pull request has no author ('user' is null, as for a deleted account); "
                + "it is counted in no team",
        ])
        // Q4: lead times 2, 4, 6, 8, 48 hours by 5 people, median 6; 1 of 5 labelled, 1 of 5 a
        // revert; 5 merged over 5 engineers × 92/7 weeks = 7/92. Q3: one person merged one, so
        // only the throughput (1 / (5 × 92/7) = 7/460, n the headcount) is kept. With one pull
        // request per author, the lead time's bootstrap reaches the fastest and slowest (2 and 48).
        #expect(result.csv == """
            period,team,metric,value,n,ci_low,ci_high
            2025-Q3,platform,merged_prs_per_engineer_week,0.0152,5,,
            2025-Q4,platform,ai_assisted_pr_share,20,5,0,62.4465
            2025-Q4,platform,merged_prs_per_engineer_week,0.0761,5,,
            2025-Q4,platform,pr_lead_time,6,5,,
            2025-Q4,platform,revert_share,20,5,0,62.4465

            """)
        #expect(result.summary.records == 11)
        #expect(result.summary.repeats == 1)
        #expect(result.summary.leftOutValues == 3)
    }

    @Test("without headcounts the per-engineer rate is left out, with one warning giving the count of teams")
    func headcountMissing() throws {
        let none = try importer(try exports(), headcounts: nil).run()
        let warning = "github-pulls/logins.csv:1:1: warning: 3 teams have no headcount to divide by, so "
            + "merged_prs_per_engineer_week is left out for them: pass --content with the folder whose teams.yaml "
            + "gives each team's headcount"
        #expect(none.printed.filter { $0.contains("headcount") } == [warning])
        #expect(!none.csv.contains("merged_prs_per_engineer_week"))
        #expect(none.table["2025-Q3 platform pr_lead_time"] == "10 n=8")
        // Without a headcount a team-quarter is as large as the people who merged: payments'
        // 3 in Q4 are now too few.
        #expect(none.summary.leftOutTeamQuarters == 2)
        #expect(!none.metrics.contains { $0.id.rawValue == "merged_prs_per_engineer_week" })

        let some = try importer(try exports(), headcounts: ["platform": 8]).run()
        #expect(some.printed.filter { $0.contains("headcount") } == [
            warning.replacingOccurrences(of: "3 teams", with: "2 teams"),
        ])
        #expect(some.table["2025-Q3 platform merged_prs_per_engineer_week"] == "0.0951 n=8")
        #expect(some.table["2025-Q3 payments merged_prs_per_engineer_week"] == nil)
    }

    @Test("a headcount below the people who merged is a warning: the rate still divides by it")
    func headcountBelowAuthors() throws {
        let result = try importer(try exports(), headcounts: ["platform": 6, "payments": 7, "mobile": 3]).run()
        #expect(result.printed.contains(
            "github-pulls/logins.csv:1:1: warning: in 1 team-quarter more people merged pull requests than "
                + "teams.yaml's headcount; merged_prs_per_engineer_week divides by the headcount: check it"))
        // 10 merged over 6 × 92/7 weeks; n is the 8 who merged, the larger of the two.
        #expect(result.table["2025-Q3 platform merged_prs_per_engineer_week"] == "0.1268 n=8")
    }

    @Test("--ai-label names another label, matched in any case, and the metric's description says which")
    func aiLabel() throws {
        let pulls = (0..<5).map {
            Self.pull($0 + 1, by: $0, created: "2025-10-06T09:00:00Z", merged: "2025-10-06T11:00:00Z",
                      labels: $0 < 2 ? ["Copilot"] : ["ai-assisted"])
        }
        var importer = UsageImporter(source: .githubPulls,
                                     files: [InputFile(path: "pulls.json", text: "[" + pulls.joined(separator: ",") + "]")],
                                     mapping: Self.platform)
        importer.headcounts = ["platform": 5]
        importer.aiLabel = "copilot"
        let result = importer.run()
        #expect(result.table["2025-Q4 platform ai_assisted_pr_share"] == "40 n=5")
        #expect(result.metricsFragment.contains("Merged pull requests labelled 'copilot' (in any case)"))
        importer.aiLabel = GitHubPullRequestList.defaultAILabel
        #expect(importer.run().table["2025-Q4 platform ai_assisted_pr_share"] == "60 n=5")
    }

    @Test("no merged pull request is an error that says what was read, and nothing is imported")
    func nothingMerged() throws {
        let pulls = [Self.pull(1, by: 0, created: "2025-10-06T09:00:00Z", merged: nil),
                     Self.pull(2, by: 1, created: "2025-10-06T09:00:00Z", merged: nil, draft: true),
                     Self.pull(3, by: nil, created: "2025-10-06T09:00:00Z", merged: "2025-10-06T10:00:00Z",
                               login: "dependabot[bot]", type: "Bot")]
        let result = UsageImporter(source: .githubPulls,
                                   files: [InputFile(path: "pulls.json", text: "[" + pulls.joined(separator: ",") + "]")],
                                   mapping: Self.platform).run()
        #expect(result.printed == [
            "pulls.json:1:1: error: no pull request in the input was merged by a person (3 read: 2 not merged, 1 by bots): "
                + "nothing to import; list merged pull requests with state=closed",
        ])
        #expect(result.values.isEmpty)
        let empty = UsageImporter(source: .githubPulls, files: [InputFile(path: "pulls.json", text: "[]\n")],
                                  mapping: Self.platform).run()
        #expect(empty.printed == ["logins.csv:1:1: error: no records in the input: nothing to import (is it the right export?)"])
        let unmapped = UsageImporter(source: .githubPulls, files: [try ImportFixture.file("\(folder)/checkout-web.json")],
                                     mapping: Self.platform).run()
        #expect(unmapped.printed.contains {
            $0.hasPrefix("logins.csv:1:1: error: no record's team is in the mapping: none of the 8 people read is claimed by it")
        }, "\(unmapped.printed)")
    }

    @Test("without --teams the import is refused with the mapping it needs")
    func needsMapping() throws {
        let result = UsageImporter(source: .githubPulls, files: [try ImportFixture.file("\(folder)/ledger-api.json")]).run()
        #expect(result.printed == [
            "github-pulls/ledger-api.json:1:1: error: a mapping is needed: pass --teams with a CSV mapping logins to "
                + "team ids (login,team)",
        ])
    }

    @Test("malformed pull requests are reported at their line and column, all at once, never echoing a login")
    func malformed() throws {
        let pages = """
            [{"number":1,"title":"A","user":{"login":"avalindqvist-nw","id":58213900,"type":"User"},"created_at":"avalindqvist-nw","merged_at":"2025-10-01T10:00:00Z","labels":[]},
            {"number":2,"title":"B","user":{"login":"bramokafor-nw","id":58221819,"type":"User"},"created_at":"2025-10-02T10:00:00Z","merged_at":"2025-10-01T10:00:00Z","labels":[]}]
            [{"title":"C","merged_at":"2025-10-01T10:00:00Z"},
            {"number":4,"title":"D","user":{"login":"chiarabenedetti-nw","id":58229738,"type":"User"},"created_at":"2025-10-01T09:00:00Z","merged_at":"2025-10-01T10:00:00Z","labels":"ai-assisted"},
            {"number":5,"title":"E","user":{"type":"User"},"created_at":"2025-10-01T09:00:00Z","merged_at":"2025-10-01T10:00:00Z"},
            {"number":6,"title":"F","user":"dmitrivolkov-nw","created_at":"2025-10-01T09:00:00Z","merged_at":"2025-10-01T10:00:00Z"}]
            {"number":7}

            """
        let cut = #"[{"number":8,"title":"G","user":{"login":"esimensah-nw","#
        let result = UsageImporter(source: .githubPulls,
                                   files: [InputFile(path: "pages.json", text: pages), InputFile(path: "cut.json", text: cut)],
                                   mapping: Self.platform).run()
        #expect(result.printed == [
            // The file ends after the comma at column 56.
            "cut.json:1:57: error: expected a quoted key",
            // #4 still reaches its team-quarter (its labels aside), which has no headcount here.
            "logins.csv:1:1: warning: 1 team has no headcount to divide by, so merged_prs_per_engineer_week is left out "
                + "for it: pass --content with the folder whose teams.yaml gives each team's headcount",
            "pages.json:1:102: error: 'created_at' must be an ISO 8601 date and time, like 2026-07-01T09:30:00Z",
            "pages.json:2:134: error: 'merged_at' is before 'created_at'; a pull request is merged after it is opened",
            "pages.json:3:2: error: missing 'number'; every pull request needs it",
            "pages.json:4:171: error: 'labels' must be an array, found a string",
            "pages.json:5:32: error: the author ('user') has no 'login' or 'id'; a pull request needs one to be joined to a team",
            "pages.json:6:32: error: 'user' must be an object, found a string",
            "pages.json:7:1: error: expected a JSON array of records after the first one (pages are arrays), found an object",
        ])
        #expect(result.values.isEmpty)
        let identifiers = try ImportFixture.identifiers().map { $0.lowercased() }
        let printed = result.printed.joined(separator: "\n").lowercased()
        #expect(identifiers.filter { printed.contains($0) } == [])
        // The check can fail: the input is full of them.
        #expect(identifiers.filter { pages.lowercased().contains($0) }.count >= 5)
    }

    @Test("no login or user id from the fixtures is in the CSV, the metrics or any message")
    func noLeak() throws {
        let files = try exports()
        let mapping = try ImportFixture.file("\(folder)/logins.csv")
        let identifiers = try ImportFixture.identifiers().map { $0.lowercased() }
        let input = (files + [mapping]).map { String(decoding: $0.bytes, as: UTF8.self) }.joined().lowercased()
        let inInput = identifiers.filter { input.contains($0) }
        // 19 logins and 19 user ids, and two bots' logins: the check below can fail.
        #expect(inInput.count == 40, "\(inInput.count)")
        var texts: [String] = []
        for headcounts in [Self.headcounts, nil] {
            let result = try importer(files, headcounts: headcounts, mapping: mapping).run()
            #expect(!result.values.isEmpty)
            texts += [result.csv, result.metricsFragment] + result.printed + result.summary.lines(output: "out.csv")
        }
        let written = texts.joined(separator: "\n").lowercased()
        #expect(inInput.filter { written.contains($0) } == [])
    }
}
