import Analysis
import ContentLoading
import Foundation
import ReportModel
import Testing
@testable import Site

/// The ledger is complete (issue 16): every number in every file a build of the sample
/// writes (text, attributes, `<desc>`, tables, CSV cells and chart coordinates) maps to
/// an entry of the report's `PublicationLedger`, or to one of the narrow structural
/// classes `LedgerCheck` names; chart coordinates are marks ChartReader reads against
/// their shown values, or layout as `LedgerCheck` lists it.
@Suite("The publication ledger holds every number the site prints")
struct LedgerCompletenessTests {
    static func sample() throws -> (folder: URL, check: LedgerCheck) {
        let load = ContentLoader(source: .disk(SiteFixture.repository.appendingPathComponent("content"))).load()
        let report = Report(content: load.content)
        let folder = StandaloneChartFileTests.sample
        return (folder, LedgerCheck(ledger: report.publicationLedger(), shown: try ShownValues(site: folder, metrics: report.metrics)))
    }

    @Test("every number in every file of the sample site is in the ledger or in a named class")
    func sampleSite() throws {
        var (folder, check) = try Self.sample()
        for path in SiteFixture.files(in: folder) { check.check(path, SiteFixture.read(folder, path)) }
        let summary = check.counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        print("ledger completeness: \(check.files) files; \(summary)")
        #expect(check.problems.isEmpty, "\(check.problems.count) numbers the ledger does not hold:\n\(check.problems.prefix(40).joined(separator: "\n"))")
        #expect(check.files > 700)
        #expect((check.counts["ledger:value"] ?? 0) > 10_000)
        #expect((check.counts["chart mark"] ?? 0) > 10_000)
    }

    @Test("a number the ledger does not hold is reported with its file and context")
    func checkCanFail() throws {
        var (folder, check) = try Self.sample()
        let page = SiteFixture.read(folder, "index.html")
        // A value no metric shows at two decimals, in a text, an attribute, a CSV cell
        // and a chart coordinate that is neither mark nor layout.
        let doctored = page.replacingOccurrences(of: "<main id=\"main\">", with: "<main id=\"main\"><p title=\"4.37 days\">4.37 days</p>")
        #expect(doctored != page)
        check.check("index.html", doctored)
        check.check("org/2026-Q3/chart-9-bar-doctored.csv", "Team,Value\r\nPlatform Engineering,4.37 days\r\n")
        let svg = try #require(SiteFixture.chartFiles(in: folder, ".svg").first)
        let chart = SiteFixture.read(folder, svg).replacingOccurrences(of: "</svg>", with: "<circle class=\"hidden-mark\" cx=\"4.37\" cy=\"10\" r=\"2\"/></svg>")
        check.check(svg, chart)
        // Two in the page, one in the CSV, and the mark's cx, cy and r.
        #expect(check.problems.count == 6, "\(check.problems)")
        #expect(check.problems.contains { $0.hasPrefix("index.html: 4.37 in “<p title=") })
        #expect(check.problems.contains { $0.hasPrefix("org/2026-Q3/chart-9-bar-doctored.csv: 4.37 in “row 2") })
        #expect(check.problems.contains { $0.hasPrefix("\(svg): 4.37 in “cx of circle.hidden-mark") })
    }
}
