import Analysis
import ContentLoading
import Foundation
import ReportModel
@testable import Site
import TestSupport
import Testing

/// The standalone chart files are for lifting into a slide tool, so each must stand on
/// its own: a fixed size, a viewBox, its styles inside, a light background, and nothing
/// fetched from elsewhere.
@Suite("Standalone chart files")
struct StandaloneChartFileTests {
    static let sample: URL = {
        let load = ContentLoader(source: .disk(SiteFixture.repository.appendingPathComponent("content"))).load()
        let folder = SiteFixture.temporaryFolder()
        var diagnostics = DiagnosticLog()
        let summary = try! SiteBuilder(report: Report(content: load.content), theme: SiteFixture.theme())
            .build(into: folder, diagnostics: &diagnostics)
        precondition(summary != nil, "\(diagnostics.all)")
        return folder
    }()

    /// The value of `name="…"` in an element's opening tag.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The problems a slide tool would have with one file; empty when it pastes cleanly.
    static func problems(_ svg: String) -> [String] {
        var problems: [String] = []
        if !XMLCheck.isWellFormed(svg) { problems.append("not well-formed XML") }
        guard let end = svg.firstIndex(of: ">"), svg.hasPrefix("<svg ") else { return problems + ["does not start with <svg"] }
        let root = svg[..<end]
        let width = attribute("width", in: root).flatMap(Int.init)
        let height = attribute("height", in: root).flatMap(Int.init)
        if width == nil || height == nil { problems.append("no fixed width and height") }
        if let width, let height, attribute("viewBox", in: root) != "0 0 \(width) \(height)" {
            problems.append("viewBox does not match the size")
        }
        if !svg.contains("<style>") { problems.append("no styles inside") }
        if !svg.contains(".background{fill:#ffffff}") { problems.append("no light background rule") }
        // The background is the first thing drawn, and covers the whole chart.
        if let width, let height {
            let background = "<rect class=\"background\" width=\"\(width)\" height=\"\(height)\"/>"
            let firstDrawn = svg.range(of: "</style>").map { svg[$0.upperBound...] }
            if firstDrawn?.hasPrefix(background) != true { problems.append("no full-size background drawn first") }
        }
        for reference in ["href", "url(", "@import", "<image", "<script", "<foreignObject", "http://", "https://"] {
            // The SVG namespace is the one address a file must name.
            let text = svg.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            if text.contains(reference) { problems.append("refers outside itself: \(reference)") }
        }
        return problems
    }

    @Test("every SVG the sample site writes has a size, a viewBox, its styles, a white background and no outside references")
    func sampleFilesPasteCleanly() throws {
        let paths = SiteFixture.chartFiles(in: Self.sample, ".svg")
        #expect(paths.count > 100)
        var failures: [String] = []
        for path in paths {
            let problems = Self.problems(SiteFixture.read(Self.sample, path))
            if !problems.isEmpty { failures.append("\(path): \(problems.joined(separator: "; "))") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test("the check finds each problem it looks for")
    func checkCanFail() throws {
        let path = try #require(SiteFixture.chartFiles(in: Self.sample, ".svg").first)
        let good = SiteFixture.read(Self.sample, path)
        #expect(Self.problems(good).isEmpty)
        let broken = [
            good.replacingFixture( " width=\"640\"", with: ""),
            good.replacingFixture( "viewBox=\"0 0 ", with: "viewBox=\"0 0 1"),
            good.replacingFixture( ".background{fill:#ffffff}", with: ".background{fill:#000000}"),
            good.replacingFixture( "<rect class=\"background\"", with: "<rect class=\"backdrop\""),
            good.replacingFixture( "</style>", with: "@import url(a.css);</style>"),
            good.replacingFixture( "</title>", with: "</title><image href=\"https://example.com/x.png\"/>"),
        ]
        for (index, svg) in broken.enumerated() {
            #expect(!Self.problems(svg).isEmpty, "broken file \(index) passed")
        }
    }

    @Test("every CSV beside them is UTF-8 with a header row and as many fields in every row")
    func sampleCSVFiles() {
        let paths = SiteFixture.chartFiles(in: Self.sample, ".csv")
        #expect(paths.count > 100)
        for path in paths.prefix(200) {
            let text = SiteFixture.read(Self.sample, path)
            var diagnostics = DiagnosticLog()
            let table = CSVTable.parse(text, file: path, diagnostics: &diagnostics)
            #expect(diagnostics.isEmpty, "\(path)")
            #expect(table.rows.count >= 2, "\(path)")
            #expect(Set(table.rows.map(\.fields.count)).count == 1, "\(path)")
        }
    }
}
