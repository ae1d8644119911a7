import Analysis
import ContentLoading
import Foundation
import ReportModel
import Testing
import TestSupport
@testable import Site

@Suite("discern build: pages, links, determinism and atomic writes")
struct SiteBuildTests {
    @Test("writes exactly the expected set of files")
    func fileSet() throws {
        let (folder, summary, diagnostics) = try SiteFixture.build(SiteFixture.small)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let expected = [
            ".discern-site", "404.html", "assets/style.css", "index.html",
            "methodology/index.html", "metrics/cycle_time/index.html", "metrics/index.html", "metrics/wau/index.html",
            "org/2026-Q1/index.html", "org/2026-Q2/index.html",
            "teams/api/2026-Q1/index.html", "teams/api/2026-Q2/index.html", "teams/api/index.html",
            "teams/eng/2026-Q1/index.html", "teams/eng/2026-Q2/index.html", "teams/eng/index.html",
            "teams/index.html",
            "teams/ops/2026-Q1/index.html", "teams/ops/2026-Q2/index.html", "teams/ops/index.html",
            "teams/web/2026-Q1/index.html", "teams/web/2026-Q2/index.html", "teams/web/index.html",
            "usage-vs-outcomes/index.html",
        ]
        let files = SiteFixture.files(in: folder)
        let svgs = SiteFixture.chartFiles(in: folder, ".svg"), csvs = SiteFixture.chartFiles(in: folder, ".csv")
        #expect(files.filter { !svgs.contains($0) && !csvs.contains($0) } == expected)
        #expect(summary?.pages == expected.count - 2, "all but the stylesheet and the marker are pages")
        // Every figure has a standalone SVG and its data as CSV, under the same name, beside its page.
        #expect(svgs.map { $0.dropLast(4) + ".csv" } == csvs)
        #expect(svgs.contains("org/2026-Q2/chart-1-line-cycle_time.svg"), "the narrative's chart block")
        #expect(svgs.contains("teams/eng/2026-Q2/chart-2-heatmap-baseline.svg"), "a group's heatmap of change from baseline")
        #expect(svgs.contains("metrics/cycle_time/chart-1-bar-cycle_time.svg"), "a metric's bar of teams")
        #expect((summary?.charts ?? 0) > svgs.count, "sparklines in cards count as charts too")
    }

    @Test("the organization page leads with outcomes, keeps usage last, and fills live values")
    func organizationPage() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small)
        let html = SiteFixture.read(folder, "index.html")
        // Weighted by headcount, tiny team included: Q2 (8·3.5 + 9·4.5 + 2·9.75 + 12·3) / 31 = 4.0,
        // Q1 132 / 31 = 4.26, so −0.26 days.
        #expect(html.contains("<title>Acme in 4.0 days · Impact</title>"))
        #expect(html.contains("<h1>Acme in 4.0 days</h1>"))
        #expect(html.contains("Cycle time is <span class=\"live-value\">4.0 days</span>, <span class=\"live-value delta delta-better delta-down\">−0.3 days (better)</span>; target <span class=\"live-value\">3.0 days</span>."))
        let outcomes = try #require(html.range(of: "id=\"category-outcome\""))
        let usage = try #require(html.range(of: "id=\"category-usage\""))
        #expect(outcomes.lowerBound < usage.lowerBound)
        #expect(html.contains("Usage: context, not impact"))
        #expect(html.contains("<figure class=\"chart chart-line\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 280\" role=\"img\""))
        #expect(html.contains("<a href=\"org/2026-Q2/chart-1-line-cycle_time.svg\">SVG</a>"), "the quarter's own file")
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.components(separatedBy: "<h1>").count == 2, "one h1")
    }

    @Test("a team page shows its values, baseline and breadcrumbs")
    func teamPage() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small)
        let html = SiteFixture.read(folder, "teams/ops/2026-Q2/index.html")
        #expect(html.contains("Ops is at <span class=\"live-value\">3.0 days</span> from <span class=\"live-value\">3.0 days</span>."))
        #expect(html.contains("<li><a href=\"../../../org/2026-Q2/index.html\">Acme</a></li><li aria-current=\"page\">Operations</li>"))
        #expect(html.contains("<span class=\"delta delta-unchanged\">no change</span>"))
        #expect(SiteFixture.read(folder, "teams/ops/index.html").contains("<h1>Operations, 2026-Q2</h1>"))
    }

    @Test("a suppressed team's name and values appear in no file")
    func suppressedTeamAbsent() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small)
        for path in SiteFixture.files(in: folder) {
            let text = SiteFixture.read(folder, path)
            #expect(!text.contains("Tinyteamname"), "\(path)")
            #expect(!text.contains("tiny"), "\(path)")
            // Its values as written anywhere: in pages, chart labels and CSV files.
            for value in ["9.8 days", "9.5 days", "9.75", "95%", "90%"] {
                #expect(!text.contains(value), "\(path) contains \(value)")
            }
        }
        // Its sibling's value is hidden so the group's value cannot be subtracted back.
        let group = SiteFixture.read(folder, "teams/eng/2026-Q2/index.html")
        #expect(group.contains("suppressed (protects a smaller group)"))
    }

    @Test("every href and src resolves to a file that exists")
    func links() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small)
        let problems = LinkWalker.brokenLinks(in: folder)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("two builds of the same content are byte-identical")
    func deterministic() throws {
        let first = try SiteFixture.build(SiteFixture.small).folder
        let second = try SiteFixture.build(SiteFixture.small).folder
        let files = SiteFixture.files(in: first)
        #expect(files == SiteFixture.files(in: second))
        for path in files {
            let a = try Data(contentsOf: first.appendingPathComponent(path))
            let b = try Data(contentsOf: second.appendingPathComponent(path))
            #expect(a == b, "\(path) differs")
        }
    }

    @Test("parallel and sequential builds write the same bytes, in the sample content too")
    func parallelMatchesSequential() throws {
        let content = SiteFixture.repository.appendingPathComponent("content")
        let report = Report(content: ContentLoader(source: .disk(content)).load().content)
        let builder = SiteBuilder(report: report, theme: SiteFixture.theme())
        let sequential = SiteFixture.temporaryFolder(), parallel = SiteFixture.temporaryFolder()
        var diagnostics = DiagnosticLog()
        let first = try builder.build(into: sequential, parallel: false, diagnostics: &diagnostics)
        let second = try builder.build(into: parallel, parallel: true, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(first?.files == second?.files)
        let files = SiteFixture.files(in: sequential)
        #expect(files == SiteFixture.files(in: parallel))
        #expect(files.count > 300)
        for path in files {
            #expect(FileManager.default.contents(atPath: sequential.appendingPathComponent(path).path)
                    == FileManager.default.contents(atPath: parallel.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test("a build with narrative errors writes nothing and leaves the previous site untouched")
    func atomic() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small)
        let before = try SiteFixture.files(in: folder).map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        let broken = SiteFixture.small.replacingFixture( "Ops is at {{ value cycle_time }}", with: "Ops is at {{ value cycle_tme }}")
        let (_, summary, diagnostics) = try SiteFixture.build(broken, into: folder)
        #expect(summary == nil)
        #expect(diagnostics.map(\.description) == [
            "narratives/teams/ops/2026-Q2.md:1:11: error: unknown metric 'cycle_tme'; did you mean 'cycle_time'?",
        ])
        let after = try SiteFixture.files(in: folder).map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        #expect(before == after)
        let staging = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).discern-staging")
        #expect(!FileManager.default.fileExists(atPath: staging.path))
    }

    @Test("a base URL only adds the canonical link; other links stay relative")
    func baseURL() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small, options: BuildOptions(baseURL: BaseURL("https://intranet.example/ai/")))
        let html = SiteFixture.read(folder, "teams/web/index.html")
        #expect(html.contains("<link rel=\"canonical\" href=\"https://intranet.example/ai/teams/web/index.html\">"))
        #expect(html.contains("href=\"../../assets/style.css\""))
        #expect(SiteFixture.read(folder, "404.html").contains("href=\"https://intranet.example/ai/index.html\""))
    }
}

@Suite("The output folder is never someone else's")
struct OutputFolderSafetyTests {
    @Test("a non-empty folder without Discern's marker, or one holding the content, is refused and left alone")
    func refuses() throws {
        let folder = SiteFixture.temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "keep".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let (_, summary, diagnostics) = try SiteFixture.build(SiteFixture.small, into: folder)
        #expect(summary == nil)
        #expect(diagnostics.first?.message.hasPrefix("the output folder") == true)
        #expect(SiteFixture.files(in: folder) == ["notes.txt"])

        // A folder of its own, so the working folder (wherever the tests run) is not inside it.
        let output = OutputFolder(destination: folder)
        #expect(output.refusal(content: folder.appendingPathComponent("content"))?.contains("holds the content") == true)
        #expect(output.refusal(content: folder)?.contains("holds the content") == true)
    }

    @Test("a folder from an earlier build is replaced")
    func replacesOwnSite() throws {
        let (folder, first, _) = try SiteFixture.build(SiteFixture.small)
        #expect(first != nil)
        #expect(SiteFixture.files(in: folder).contains(".discern-site"))
        let (_, second, _) = try SiteFixture.build(SiteFixture.small, into: folder)
        #expect(second != nil)
    }
}
