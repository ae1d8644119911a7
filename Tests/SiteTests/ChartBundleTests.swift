import Foundation
@testable import Site
import Testing
import TestSupport

/// Chart files live with their page, as Hugo's page bundles do: a page's standalone SVGs
/// and CSVs sit in its own folder beside its `index.html`, there is no `charts/` or
/// `data/` tree, and the latest-quarter copy of a page links to its quarter's files
/// instead of having copies of its own.
@Suite("Chart files live with their page")
struct ChartBundleTests {
    /// The hrefs of a page's chart download links: under each figure (`chart-links`) and
    /// under each slide of a deck (`slide-files`).
    static func downloadLinks(in html: String) -> [String] {
        var links: [String] = []
        for opening in ["<p class=\"chart-links\">", "<p class=\"slide-files\">"] {
            for piece in html.components(separatedBy: opening).dropFirst() {
                links += LinkTargets.targets(in: piece.components(separatedBy: "</p>")[0])
            }
        }
        return links
    }

    /// Where a download link on `page` leads, as a path from the site root; nil when it
    /// leaves the site. A link from the base URL is read from the root.
    static func resolve(_ href: String, on page: String, in folder: URL, baseURL: String?) -> String? {
        let root = folder.standardizedFileURL.path + "/"
        let target: URL
        if let baseURL, href.hasPrefix(baseURL) {
            target = folder.appendingPathComponent(String(href.dropFirst(baseURL.count)))
        } else if href.contains(":") || href.hasPrefix("/") {
            return nil
        } else {
            target = folder.appendingPathComponent(page).deletingLastPathComponent().appendingPathComponent(href)
        }
        let path = target.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : nil
    }

    /// What is wrong with a built site's chart files, each problem a line; empty when
    /// (1) the site has no `charts/` or `data/` folder, (2) every chart download link on
    /// every page leads to a chart file the site holds, and (3) every chart file sits
    /// beside a page and is linked from at least one.
    static func problems(in folder: URL, baseURL: String? = nil) -> [String] {
        let files = SiteFixture.files(in: folder)
        var problems: [String] = []
        // Only at the root: a team may well be called `data` (`teams/data/`).
        for tree in ["charts", "data"] where files.contains(where: { $0.hasPrefix(tree + "/") }) {
            problems.append("the site has a \(tree)/ folder")
        }
        let written = Set(SiteFixture.chartFiles(in: folder, ".svg") + SiteFixture.chartFiles(in: folder, ".csv"))
        var linked: Set<String> = []
        for page in files where page.hasSuffix(".html") {
            for href in downloadLinks(in: SiteFixture.read(folder, page)) {
                guard let target = resolve(href, on: page, in: folder, baseURL: baseURL), written.contains(target) else {
                    problems.append("\(page) links to \(href), which is no chart file of the site")
                    continue
                }
                linked.insert(target)
            }
        }
        for path in written.sorted() {
            if !linked.contains(path) { problems.append("\(path) is linked from no page") }
            let page = (path as NSString).deletingLastPathComponent
            if !files.contains(page.isEmpty ? "index.html" : page + "/index.html") {
                problems.append("\(path) is not beside a page")
            }
        }
        return problems
    }

    @Test("the sample site has no charts/ or data/ folder; every download link leads to a chart file beside a page, and every chart file is linked")
    func sample() {
        let folder = StandaloneChartFileTests.sample
        #expect(Self.problems(in: folder) == [])
        let top = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        #expect(!top.contains("charts") && !top.contains("data"), "\(top.sorted())")
        #expect(SiteFixture.chartFiles(in: folder, ".svg").count > 100)
    }

    @Test("the latest-quarter copy of a page links to its quarter's files and has none of its own")
    func latestQuarterCopy() throws {
        let folder = StandaloneChartFileTests.sample
        let files = SiteFixture.files(in: folder)
        let quarters = files.compactMap { $0.wholeMatch(of: /org\/([0-9]{4}-Q[1-4])\/index\.html/).map { String($0.1) } }
        let latest = try #require(quarters.max())
        // The organization's front page, and a team's, each against its latest quarter's page.
        let team = try #require(files.first { $0.hasPrefix("teams/") && $0.hasSuffix("/\(latest)/index.html")
                                              && !Self.downloadLinks(in: SiteFixture.read(folder, $0)).isEmpty })
        let teamFolder = String(team.dropLast("\(latest)/index.html".count))
        for (copy, quarter) in [("index.html", "org/\(latest)/index.html"), (teamFolder + "index.html", team)] {
            let shared = Self.downloadLinks(in: SiteFixture.read(folder, copy)).map { Self.resolve($0, on: copy, in: folder, baseURL: nil) }
            let own = Self.downloadLinks(in: SiteFixture.read(folder, quarter)).map { Self.resolve($0, on: quarter, in: folder, baseURL: nil) }
            #expect(!shared.isEmpty, "\(copy)")
            #expect(shared == own, "\(copy) links to the files of \(quarter)")
        }
        // Beside the copies, no chart file: the team's folder holds its page and its quarters' folders.
        #expect(files.filter { $0.hasPrefix(teamFolder) && !$0.dropFirst(teamFolder.count).contains("/") } == [teamFolder + "index.html"])
        #expect(files.filter { !$0.contains("/") && ChartPlacement.isFileName($0) } == [])
    }

    @Test("built with --base-url, a site's download links still lead to its chart files")
    func baseURL() throws {
        let base = "https://example.test/previews/pr-123/"
        let (folder, summary, diagnostics) = try SiteFixture.build(SiteFixture.small, options: BuildOptions(baseURL: BaseURL(base)))
        #expect(summary != nil, "\(diagnostics)")
        #expect(Self.problems(in: folder, baseURL: base) == [])
        #expect(SiteFixture.read(folder, "index.html").contains("<a href=\"org/2026-Q2/chart-1-line-cycle_time.svg\">SVG</a>"))
        #expect(SiteFixture.read(folder, "org/2026-Q2/index.html").contains("<a href=\"chart-1-line-cycle_time.svg\">SVG</a>"))
        #expect(SiteFixture.read(folder, "teams/eng/index.html").contains("<a href=\"../../teams/eng/2026-Q2/chart-1-bar-cycle_time.svg\">SVG</a>"))
    }

    @Test("a deck's chart files sit beside it, each listed under its slide")
    func deck() throws {
        let deck = try SlideDeckTests.build(SlideDeckTests.fixture)
        #expect(Self.problems(in: deck.folder) == [])
        #expect(SiteFixture.chartFiles(in: deck.folder, ".svg").count >= 4)
    }

    @Test("the check finds an old tree, a link that leads nowhere, an orphan and a file away from its page")
    func checkCanFail() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small)
        #expect(Self.problems(in: folder) == [])
        let files = FileManager.default
        try files.removeItem(at: folder.appendingPathComponent("org/2026-Q2/chart-1-line-cycle_time.csv"))
        try files.createDirectory(at: folder.appendingPathComponent("data/org"), withIntermediateDirectories: true)
        try Data("a\r\n".utf8).write(to: folder.appendingPathComponent("data/org/chart-1-line-cycle_time.csv"))
        try Data("<svg/>".utf8).write(to: folder.appendingPathComponent("org/2026-Q1/chart-9-bar-stray.svg"))
        #expect(Self.problems(in: folder) == [
            "the site has a data/ folder",
            "index.html links to org/2026-Q2/chart-1-line-cycle_time.csv, which is no chart file of the site",
            "org/2026-Q2/index.html links to chart-1-line-cycle_time.csv, which is no chart file of the site",
            "data/org/chart-1-line-cycle_time.csv is linked from no page",
            "data/org/chart-1-line-cycle_time.csv is not beside a page",
            "org/2026-Q1/chart-9-bar-stray.svg is linked from no page",
        ])
    }
}
