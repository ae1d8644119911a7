import Analysis
import ArgumentParser
import ContentLoading
import Foundation
import ReportModel

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

    func run() throws {
        let load = ContentLoader(source: .disk(options.url)).load()
        let report = Report(content: load.content)
        let diagnostics = (load.diagnostics + report.diagnostics).sorted()
        let summary = ReportSummary(report: report, diagnostics: diagnostics)

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
