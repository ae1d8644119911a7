import Formatting
import Analysis
import Foundation
import ContentLoading
import ReportModel
import Review
import Testing
import TestSupport

@Suite("The Markdown summary of a build")
struct StepSummaryTests {
    static let content = """
        -- site.yaml --
        title: Impact
        organization: Acme
        -- teams.yaml --
        teams:
          - {id: eng, name: Engineering}
          - {id: web, name: Web, parent: eng, headcount: 8}
          - {id: api, name: API, parent: eng, headcount: 9}
          - {id: tiny, name: Tinyteamname, parent: eng, headcount: 2}
          - {id: ops, name: Operations, headcount: 12}
        -- metrics.yaml --
        metrics:
          - {id: cycle_time, name: Cycle time, category: outcome, unit: days, better: lower, aggregate: weighted_mean, baseline: 2026-Q1}
          - {id: csat, name: CSAT, category: outcome, unit: "%", better: higher, aggregate: mean, format: percent}
          - {id: cfr, name: Change failure rate, category: quality, unit: "%", better: lower, aggregate: mean, format: percent, baseline: 2026-Q1}
          - {id: wau, name: Weekly active users, category: usage, unit: "%", better: neutral, aggregate: weighted_mean, format: percent, decimals: 0}
        -- data/values.csv --
        period,team,cycle_time,csat,cfr,wau
        2026-Q1,web,4.0,80,10,50
        2026-Q1,api,5.0,82,12,60
        2026-Q1,tiny,9.5,99,30,90
        2026-Q1,ops,3.0,,8,40
        2026-Q2,web,3.5,81,11,55
        2026-Q2,api,4.5,83,12,65
        2026-Q2,tiny,9.75,98,31,95
        2026-Q2,ops,3.0,,9,45
        """

    static func report(_ text: String = content) -> Report {
        let load = ContentLoader(source: .fixture(text)).load()
        precondition(!load.diagnostics.hasErrors, "\(load.diagnostics)")
        return Report(content: load.content)
    }

    let paths = RepositoryPath(contentFolder: "content")

    /// The roll-ups include the tiny team (9.5 and 9.75 days weigh in): weighted by
    /// headcount, cycle time goes from 132/31 = 4.26 to 124/31 = 4.00 days. CSAT has no
    /// baseline. Sixteen values are hidden: the tiny team's eight, and Web's eight, hidden
    /// too so that Engineering's value cannot be used to work out the tiny team's.
    @Test("a built site: outcomes with both changes judged in words, findings with rule and place, counts")
    func built() {
        let warning = LintRule.usageLeads.finding("leads with usage ('wau')", at: SourceLocation(file: "narratives/org/2026-Q2.md", line: 3, column: 13))
        let note = LintRule.worseWhileUsageRose.finding("CFR got worse for web", at: SourceLocation(file: "data/values.csv", line: 6, column: 20))
        let summary = StepSummary(report: Self.report(), diagnostics: [note, warning], paths: paths,
                                  site: StepSummary.Site(pages: 21, charts: 40, output: "site"))
        #expect(summary.markdown == """
            ## Discern: Impact

            Built 21 pages (40 charts) into site/.

            ### Outcomes for Acme, 2026-Q2

            | Outcome | 2026-Q2 | vs 2026-Q1 | vs baseline |
            |---|---|---|---|
            | Cycle time | 4.0 days | ↓ −0.3 days (better) | ↓ −0.3 days (better) since 2026-Q1 |
            | CSAT | 87.3% | ↑ +0.3 pts (better) | no baseline |

            ### Warnings (1)

            - **D101** content/narratives/org/2026-Q2.md:3:13: leads with usage ('wau')

            ### Notes (1)

            - **D108** content/data/values.csv:6:20: CFR got worse for web

            ### Privacy

            Suppressed: 1 team and 16 values (minimum group size 5). Teams with fewer than 5 people get no page and are named nowhere; values resting on too few people are hidden.


            """)
    }

    @Test("a suppressed team's name and values appear nowhere in the summary")
    func suppressedTeam() {
        let markdown = StepSummary(report: Self.report(), diagnostics: [], paths: paths,
                                   site: StepSummary.Site(pages: 1, charts: 0, output: "site")).markdown
        #expect(!markdown.contains("Tinyteamname") && !markdown.contains("tiny"))
        // Its values (9.5 and 9.75 days, 99% and 98%) are not printed either.
        for value in ["9.5", "9.8", "99", "98"] { #expect(!markdown.contains(value), "\(value)") }
        #expect(markdown.contains("No warnings or notes from the report checks."))
    }

    @Test("a finding about a suppressed team is counted, never listed: not its id, name or narrative's path")
    func findingAboutSuppressedTeam() {
        let unpublished = Diagnostic.warning("'tiny' has fewer people than min_group_size (5); this narrative will not be published",
                                             at: SourceLocation(file: "narratives/teams/tiny/2026-Q2.md"))
        let named = Diagnostic.warning("Tinyteamname reported no csat", at: SourceLocation(file: "data/values.csv", line: 4, column: 1))
        let other = Diagnostic.warning("unknown key 'colour' in site.yaml is ignored", at: SourceLocation(file: "site.yaml", line: 2, column: 1))
        let markdown = StepSummary(report: Self.report(), diagnostics: [unpublished, named, other], paths: paths,
                                   site: StepSummary.Site(pages: 1, charts: 0, output: "site")).markdown
        #expect(markdown.contains("""
            ### Warnings (3)

            - content/site.yaml:2:1: unknown key 'colour' in site.yaml is ignored
            - and 2 about teams too small to show, not listed here; run `discern check` locally to see them.

            """))
        #expect(!markdown.contains("tiny") && !markdown.contains("Tinyteamname"))
    }

    @Test("a failed build lists its errors and nothing about the site")
    func failed() {
        let error = Diagnostic.error("value must be a number, found 'x'", at: SourceLocation(file: "data/v.csv", line: 2, column: 13))
        let warning = Diagnostic.warning("unknown key 'colour' in site.yaml is ignored", at: SourceLocation(file: "site.yaml", line: 2, column: 1))
        let summary = StepSummary(report: Self.report(), diagnostics: [warning, error], paths: paths, site: nil)
        #expect(summary.markdown == """
            ## Discern: not built

            The site was not built: 1 error. Fix them and build again.

            ### Errors (1)

            - content/data/v.csv:2:13: value must be a number, found 'x'

            ### Warnings (1)

            - content/site.yaml:2:1: unknown key 'colour' in site.yaml is ignored


            """)
    }

    @Test("names and messages cannot add markup, cells, links, mentions or HTML")
    func hostileNames() {
        var text = Self.content
        text = text.replacingFixture( "title: Impact", with: "title: \"# Impact <script>x</script>\"")
        text = text.replacingFixture( "organization: Acme", with: "organization: \"Acme | @everyone\"")
        text = text.replacingFixture( "name: Cycle time", with: "name: \"Cycle *time* | [x](javascript:y) `z` _w_ $m$\"")
        let message = Diagnostic.warning("found '<img src=x>' & ![i](http://e)", at: SourceLocation(file: "data/a|b.csv", line: 1, column: 1))
        let markdown = StepSummary(report: Self.report(text), diagnostics: [message], paths: paths,
                                   site: StepSummary.Site(pages: 1, charts: 0, output: "site")).markdown
        let lines = markdown.split(separator: "\n").map(String.init)
        #expect(lines.first == "## Discern: \\# Impact \\<script\\>x\\</script\\>")
        #expect(lines.contains("### Outcomes for Acme \\| \\[@\\]everyone, 2026-Q2"))
        let row = lines.first { $0.hasPrefix("| Cycle") }
        #expect(row == "| Cycle \\*time\\* \\| \\[x\\](javascript:y) \\`z\\` \\_w\\_ \\$m\\$ | 4.0 days | ↓ −0.3 days (better) | ↓ −0.3 days (better) since 2026-Q1 |")
        // Four cells: five pipes that are not escaped.
        #expect(row.map(Self.unescapedPipes) == 5)
        #expect(lines.contains("- content/data/a\\|b.csv:1:1: found '\\<img src=x\\>' \\& !\\[i\\](http\\[:\\]//e)"))
    }

    /// GitHub renders step summaries and comments with cmark-gfm, whose autolink extension
    /// links bare `https://…`, `www.…` and e-mail addresses even in escaped text
    /// (https://github.github.com/gfm/#autolinks-extension-). A name in the summary must
    /// not become a link a reviewer clicks.
    @Test("URLs and addresses in names and messages are defanged, so GitHub links none of them")
    func defangedURLs() throws {
        var text = Self.content
        text = text.replacingFixture( "name: Cycle time", with: "name: \"Cycle time, see https://evil.example/x or WWW.evil.example\"")
        text = text.replacingFixture( "organization: Acme", with: "organization: \"Acme (ops@evil.example, ftp://evil.example)\"")
        #expect(text != Self.content)
        let message = Diagnostic.warning("unknown key 'http://evil.example/a' is ignored", at: SourceLocation(file: "site.yaml", line: 1, column: 1))
        let markdown = StepSummary(report: Self.report(text), diagnostics: [message], paths: paths,
                                   site: StepSummary.Site(pages: 1, charts: 0, output: "site")).markdown
        for link in ["://", "www.", "WWW.", "@evil"] { #expect(!markdown.contains(link), "\(link)") }
        #expect(markdown.contains("https\\[:\\]//evil.example/x"), "still readable")
        let html = try Self.gitHubHTML(markdown)
        #expect(!html.contains("<a "), "\(html)")
    }

    /// The summary as cmark-gfm renders it with GitHub's extensions (Debian's `cmark-gfm`,
    /// which `Scripts/test` installs).
    static func gitHubHTML(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        process.arguments = ["-e", "autolink", "-e", "table", "-e", "strikethrough", "-e", "tagfilter"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let html = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: html, as: UTF8.self)
    }

    static func unescapedPipes(_ line: String) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }

    @Test("long lists are cut at fifty per severity, with the rest counted")
    func longLists() {
        let warnings = (1...60).map { Diagnostic.warning("w\($0)", at: SourceLocation(file: "data/v.csv", line: $0, column: 1)) }
        let markdown = StepSummary(report: Self.report(), diagnostics: warnings, paths: paths,
                                   site: StepSummary.Site(pages: 1, charts: 0, output: "site")).markdown
        #expect(markdown.contains("### Warnings (60)"))
        #expect(markdown.contains("- content/data/v.csv:50:1: w50\n- and 10 more; `discern check` lists them all.\n"))
        #expect(!markdown.contains("w51"))
    }
}

@Suite("Markdown escaping of content strings")
struct MarkdownTextTests {
    @Test("markup characters get a backslash; line breaks become spaces and controls U+FFFD")
    func escape() {
        #expect(MarkdownText.escape("a|b *c* _d_ [e](f) <g> &h; `i` #1 @j ~k~ $l$ \\") == "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> \\&h; \\`i\\` \\#1 \\[@\\]j \\~k\\~ \\$l\\$ \\\\")
        #expect(MarkdownText.escape("one\ntwo\r\u{1B}[31m") == "one two \u{FFFD}\\[31m")
        #expect(MarkdownText.escape("Cycle time (days), 2026-Q3: 4.2") == "Cycle time (days), 2026-Q3: 4.2")
    }
}
