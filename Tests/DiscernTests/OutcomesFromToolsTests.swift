import Foundation
import Testing

/// README's "From your tools to a report", for outcomes, end to end as a user would go:
/// pull requests saved by `gh api --paginate` in the shape GitHub documents for "List pull
/// requests" (https://docs.github.com/en/rest/pulls/pulls#list-pull-requests), a
/// deployments CSV and an incidents CSV read by the specs the README shows (the fixtures
/// under `Tests/Fixtures/import/events/`, which `EventExportsReadmeTests` keeps equal to
/// the README), through `discern import`, the metrics entries appended to `metrics.yaml`,
/// `check --strict` and `build`. The organization's page must show lead time, deployment
/// frequency, change failure rate and time to restore with values, and no login, e-mail
/// address or user id may appear in anything written or printed.
@Suite("From your tools to a report: pull requests, deployments and incidents to the org page")
struct OutcomesFromToolsTests {
    let cli = CommandLineTests()

    /// Authors by team: enough in each team for its values to be published.
    static let authors = [
        "platform": (0..<7).map { "plat-dev\($0)-e2e" },
        "payments": (0..<6).map { "pay-dev\($0)-e2e" },
    ]

    /// One page of pull requests as GitHub lists them (the fields Discern reads, and some it
    /// does not), merged in 2026-Q3 with lead times of 4 + k hours, plus a bot's and one never
    /// merged, which must not count.
    static func page(repository: String, first: Int) -> String {
        var objects: [String] = []
        var number = first
        func pull(_ login: String, id: Int, type: String, created: String, merged: String?, title: String,
                  labels: [String]) -> String {
            defer { number += 1 }
            let labelJSON = labels.map { "{\"id\":\(number * 10),\"name\":\"\($0)\",\"color\":\"0e8a16\",\"default\":false}" }
            return """
                {"url":"https://api.github.com/repos/\(repository)/pulls/\(number)","id":\(900_000 + number),\
                "html_url":"https://github.com/\(repository)/pull/\(number)","number":\(number),"state":"closed",\
                "locked":false,"title":"\(title)","user":{"login":"\(login)","id":\(id),"type":"\(type)","site_admin":false},\
                "body":"Reviewed by @\(login)","labels":[\(labelJSON.joined(separator: ","))],\
                "created_at":"\(created)","updated_at":"\(merged ?? created)","closed_at":"\(merged ?? created)",\
                "merged_at":\(merged.map { "\"\($0)\"" } ?? "null"),"draft":false,\
                "base":{"ref":"main","repo":{"full_name":"\(repository)"}},"head":{"ref":"feature-\(number)"}}
                """
        }
        var id = 4_100
        for (team, logins) in authors.sorted(by: { $0.key < $1.key }) {
            for (k, login) in logins.enumerated() {
                id += 1  // a person's id is the same on every page
                let day = 10 + k
                objects.append(pull(login, id: id, type: "User", created: "2026-08-\(day)T08:00:00Z",
                                    merged: "2026-08-\(day)T\(12 + k):00:00Z",
                                    title: k == 0 ? "Revert \\\"Cache \(team) lookups\\\"" : "Speed up \(team) lookups",
                                    labels: k % 2 == 0 ? ["ai-assisted"] : []))
            }
        }
        objects.append(pull("dependabot[bot]", id: 49_699_333, type: "Bot", created: "2026-08-01T00:00:00Z",
                            merged: "2026-08-01T00:05:00Z", title: "Bump yams", labels: []))
        objects.append(pull(authors["platform"]![1], id: 1, type: "User", created: "2026-08-02T00:00:00Z", merged: nil,
                            title: "Try a new cache", labels: []))
        return "[" + objects.joined(separator: ",") + "]"
    }

    @Test("pull requests, deployments and incidents import, check --strict and build; the org page shows the four outcomes; no login anywhere")
    func walkThrough() throws {
        let fixtures = ImportCommandTests.fixtures.appendingPathComponent("events")
        let root = try cli.folder(["placeholder": ""])
        let content = try cli.folder([
            "site.yaml": "title: AI impact report\norganization: Northwind\n",
            "teams.yaml": """
                teams:
                  - {id: engineering, name: Engineering}
                  - {id: platform, name: Platform, parent: engineering, headcount: 8}
                  - {id: payments, name: Payments, parent: engineering, headcount: 7}
                  - {id: mobile, name: Mobile, parent: engineering, headcount: 3}

                """,
            "metrics.yaml": "metrics:\n",
        ])
        // Two pages back to back, as `gh api --paginate` writes them.
        let pulls = root.appendingPathComponent("pulls.json")
        try (Self.page(repository: "northwind/ledger", first: 100) + "\n" + Self.page(repository: "northwind/ledger", first: 200))
            .write(to: pulls, atomically: true, encoding: .utf8)
        let logins = root.appendingPathComponent("logins.csv")
        try ("login,team\n" + Self.authors.sorted(by: { $0.key < $1.key })
            .flatMap { team, people in people.map { "\($0),\(team)" } }.joined(separator: "\n") + "\n")
            .write(to: logins, atomically: true, encoding: .utf8)

        var printed: [(String, String)] = []
        var fragments: [URL] = []
        func importing(_ arguments: [String], fragment name: String) throws {
            let fragment = root.appendingPathComponent(name)
            let run = try cli.discern(["import"] + arguments + ["--metrics", fragment.path, "--content", content.path])
            #expect(run.status == 0, "\(arguments.prefix(2)): \(run.stderr)")
            printed += [("import \(arguments[0]) stdout", run.stdout), ("import \(arguments[0]) stderr", run.stderr)]
            fragments.append(fragment)
        }
        try importing(["github-pulls", pulls.path, "--teams", logins.path,
                       "--output", content.appendingPathComponent("data/pulls.csv").path], fragment: "pulls-metrics.yaml")
        for export in ["deployments", "incidents"] {
            try importing(["events", fixtures.appendingPathComponent("\(export).csv").path,
                           "--spec", fixtures.appendingPathComponent("\(export).yaml").path,
                           "--output", content.appendingPathComponent("data/\(export).csv").path],
                          fragment: "\(export)-metrics.yaml")
        }
        // The fragments are list items under `metrics:`, so appending them is pasting them.
        let metrics = content.appendingPathComponent("metrics.yaml")
        var catalog = try String(contentsOf: metrics, encoding: .utf8)
        for fragment in fragments { catalog += try String(contentsOf: fragment, encoding: .utf8) }
        try catalog.write(to: metrics, atomically: true, encoding: .utf8)

        let check = try cli.discern(["check", "--content", content.path, "--strict"])
        #expect(check.status == 0, "\(check.stderr)")
        let site = root.appendingPathComponent("site")
        let build = try cli.discern(["build", "--content", content.path, "--output", site.path, "--strict"])
        #expect(build.status == 0, "\(build.stderr)")
        printed += [("check", check.stdout + check.stderr), ("build", build.stdout + build.stderr)]

        // The organization's page for 2026-Q3, the quarter every export covers (an incident
        // resolved in October makes 2026-Q4 the latest): each outcome as a card with a value.
        let page = try String(contentsOf: site.appendingPathComponent("org/2026-Q3/index.html"), encoding: .utf8)
        for (id, name) in [("pr_lead_time", "Pull request lead time"), ("deployment_frequency", "Deployment frequency"),
                           ("change_failure_rate", "Change failure rate"), ("time_to_restore", "Time to restore")] {
            let card = try #require(page.range(of: "<a href=\"../../metrics/\(id)/index.html\">\(name)</a></h3>")
                .map { String(page[$0.upperBound...].prefix(200)) }, "\(name) has no card on the org page")
            #expect(card.range(of: #"^<p class="kpi-value">[0-9][0-9.,]*"#, options: .regularExpression) != nil, "\(name): \(card)")
        }

        // No author, bot, deployer or incident commander, anywhere.
        var texts = printed
        for folder in [content, site] {
            for path in try BuildCommandTests.files(in: folder) {
                texts.append((path, String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)))
            }
        }
        for fragment in fragments { texts.append((fragment.lastPathComponent, try String(contentsOf: fragment, encoding: .utf8))) }
        let people = Self.authors.values.flatMap { $0 } + ["dependabot[bot]"]
        let identifiers = people.map { $0.lowercased() } + (try ImportRoundTrip.identifiers())
        // The search can fail: the inputs hold every author and the fixtures' deployers and commanders.
        let inputs = try [pulls, fixtures.appendingPathComponent("deployments.csv"), fixtures.appendingPathComponent("incidents.csv")]
            .map { ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
        let present = Set(ImportRoundTrip.leaks(in: inputs, of: identifiers).map { $0.split(separator: ":", maxSplits: 1)[1] })
        #expect(present.count >= people.count + 4, "\(present.count)")
        let leaks = ImportRoundTrip.leaks(in: texts, of: identifiers)
        #expect(leaks.isEmpty, "\(leaks.prefix(5))")
    }
}
