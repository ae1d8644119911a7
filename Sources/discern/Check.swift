import Analysis
import ArgumentParser
import Foundation
import ReportModel
import Site

/// `discern check`: validate the content and print every diagnostic and a summary.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content folder and print every problem, then a one-line summary.",
        discussion: "Exits 0 when there are no errors, 1 when there are (warnings too, with --strict), 2 on a usage error."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: ContentOptions

    @Option(help: "How to print diagnostics: text (path:line:column: severity: message) or json.")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("A theme name under Themes/, or a theme folder, to check too.", valueName: "name|dir"))
    var theme: String?

    func run() throws {
        let pipeline = Pipeline(content: options.url, contentLabel: options.content, theme: theme)
        var diagnostics = pipeline.diagnostics
        if let theme = pipeline.theme, pipeline.catalogsReadable {
            diagnostics += SiteBuilder(report: pipeline.report, theme: theme).diagnostics()
        }
        diagnostics.sort()
        let summary = ReportSummary(report: pipeline.report, diagnostics: diagnostics)

        switch format {
        case .text:
            for diagnostic in diagnostics { FileHandleOutput.standardError(diagnostic.description) }
            print("\(options.content): \(summary.line)")
        case .json:
            print(try CheckOutput(diagnostics: diagnostics, summary: summary).json())
        }
        let failed = diagnostics.hasErrors || (strict && !diagnostics.isEmpty)
        if failed { throw ExitCode(1) }
    }
}
