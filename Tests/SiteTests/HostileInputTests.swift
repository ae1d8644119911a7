import Foundation
import ReportModel
import Testing
import TestSupport
import Analysis
import ContentLoading
@testable import Site

@Suite("Hostile strings in every user field are rendered inert")
struct HostileInputTests {
    static let attack = #"<script>alert(1)</script>"><img src=x onerror=alert(2)>'&"#

    static var fixture: String {
        let a = attack.replacingOccurrences(of: "\"", with: "\\\"")
        return """
            -- site.yaml --
            title: "T \(a)"
            organization: "O \(a)"
            description: "D \(a)"
            -- teams.yaml --
            teams:
              - {id: web, name: "W \(a)", headcount: 8}
              - {id: api, name: "A \(a)", headcount: 9}
            -- metrics.yaml --
            metrics:
              - {id: m, name: "M \(a)", category: outcome, unit: "U \(a)", better: higher, aggregate: mean, description: "X \(a)"}
            -- data/v.csv --
            period,team,metric,value
            2026-Q1,web,m,1
            2026-Q1,api,m,2
            -- narratives/org/2026-Q1.md --
            ---
            title: "N \(a)"
            summary: "S \(a)"
            author: "P \(a)"
            date: 2026-04-01
            ---
            Body <script>alert(3)</script> and <img src=x onerror=alert(4)>.

            [click](javascript:alert(5)) and [data](data:text/html,<script>alert(6)</script>)

            <div onclick="alert(7)">raw block</div>

            ```table
            metric: m
            title: "B \(a)"
            caption: "C \(a)"
            ```
            """
    }

    @Test("no script, event handler or javascript: URL reaches any file")
    func inert() throws {
        let (folder, summary, diagnostics) = try SiteFixture.build(Self.fixture)
        #expect(summary != nil, "\(diagnostics)")
        let files = SiteFixture.files(in: folder).filter { $0.hasSuffix(".html") || $0.hasSuffix(".svg") }
        #expect(files.contains { $0.hasSuffix(".svg") }, "charts carry the hostile names too")
        #expect(files.count > 5)
        for path in files {
            let problems = Self.activeMarkup(in: SiteFixture.read(folder, path))
            #expect(problems.isEmpty, "\(path): \(problems)")
        }
        let home = SiteFixture.read(folder, "index.html")
        // The words survive, escaped, in text and in attributes.
        #expect(home.contains("N &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&#39;&amp;"))
        #expect(home.contains("<meta name=\"description\" content=\"S &lt;script&gt;"))
        #expect(home.contains("raw HTML omitted"))
    }

    @Test("raw HTML is kept only when site.yaml opts in")
    func optIn() throws {
        let fixture = Self.fixture.replacingFixture( "-- teams.yaml --", with: "allow_raw_html: true\n-- teams.yaml --")
        let (folder, _, _) = try SiteFixture.build(fixture)
        #expect(SiteFixture.read(folder, "index.html").contains("<div onclick=\"alert(7)\">raw block</div>"))
    }

    /// Tags that could run code. Text `<` is always escaped, so every literal `<` in the
    /// output opens a real tag; each is checked for script elements, event-handler
    /// attributes and script URLs.
    static func activeMarkup(in html: String) -> [String] {
        var problems: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[open...close].lowercased()
            let name = tag.dropFirst().prefix { $0.isLetter || $0 == "/" || $0 == "!" }
            if ["script", "img", "iframe", "object", "embed"].contains(name.trimmingCharacters(in: ["/"])) {
                problems.append(tag)
            }
            // Attribute names only: quoted values are text, whatever they spell.
            let names = tag.replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
            if names.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil { problems.append(tag) }
            if tag.range(of: #"(href|src)\s*=\s*"?\s*(javascript|data|vbscript):"#, options: .regularExpression) != nil {
                problems.append(tag)
            }
            rest = rest[rest.index(after: close)...]
        }
        return problems
    }

    @Test("the tag scanner itself flags live markup")
    func scannerWorks() {
        #expect(Self.activeMarkup(in: "<p>&lt;script&gt; onerror=x</p>").isEmpty)
        #expect(Self.activeMarkup(in: "<p onclick=\"x\">").count == 1)
        #expect(Self.activeMarkup(in: "<a href=\"javascript:x\">").count == 1)
        #expect(Self.activeMarkup(in: "<script>").count == 1)
        #expect(Self.activeMarkup(in: "<meta content=\"x onerror=y\">").isEmpty)
        #expect(Self.activeMarkup(in: "<meta content=\"x\" onload=y>").count == 1)
    }
}

@Suite("The hostile-content fixture site")
struct HostileFixtureSiteTests {
    @Test("builds with everything inert, no control characters, and well-formed SVG")
    func builds() throws {
        let folder = SiteFixture.repository.appendingPathComponent("Tests/Fixtures/hostile")
        let load = ContentLoader(source: .disk(folder)).load()
        #expect(!load.diagnostics.hasErrors, "\(load.diagnostics)")
        let output = SiteFixture.temporaryFolder()
        var problems = DiagnosticLog()
        let summary = try SiteBuilder(report: Report(content: load.content), theme: SiteFixture.theme())
            .build(into: output, diagnostics: &problems)
        #expect(summary != nil, "\(problems.all)")
        let files = SiteFixture.files(in: output)
        for path in files where path.hasSuffix(".html") || path.hasSuffix(".svg") {
            let text = SiteFixture.read(output, path)
            #expect(HostileInputTests.activeMarkup(in: text).isEmpty, "\(path)")
            #expect(!text.unicodeScalars.contains { $0.value < 32 && $0 != "\n" && $0 != "\t" && $0 != "\r" }, "\(path) holds a control character")
            if path.hasSuffix(".svg") { #expect(XMLCheck.isWellFormed(text), "\(path)") }
        }
        // The extreme numbers come out as numbers, not as "inf" or "nan".
        let home = SiteFixture.read(output, "index.html")
        #expect(home.contains("1,000,000,000,000,000"))
        #expect(!home.lowercased().contains("nan<") && !home.contains("inf<"))
    }
}
