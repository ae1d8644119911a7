import Analysis
import ArgumentParser
import Foundation
import ReportModel
import Review
import Site

/// `discern check`: validate the content and print every diagnostic and a summary.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content folder and print every problem, then a one-line summary.",
        discussion: """
            Lint findings carry a rule id, e.g. [D101]; the methodology page explains each, and site.yaml can \
            switch one off with a reason. --format github prints GitHub Actions workflow commands on standard \
            output, so each diagnostic becomes an annotation on its line in the pull request; paths are then \
            relative to the working folder (content/data/v.csv), so run it from the repository's root. \
            Exits 0 when there are no errors, 1 when there are (warnings too, with --strict), 2 on a usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @OptionGroup var options: ContentOptions

    @Option(help: """
        How to print diagnostics: text (path:line:column: severity: message), json, or github \
        (::error file=…,line=…,col=…::message, for GitHub Actions annotations).
        """)
    var format: Format = .text

    @Flag(help: "Treat warnings, lint findings among them, as errors. Notes stay notes.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("A theme to check too: default, board, a folder under Themes/, or a theme folder's path.", valueName: "name|dir"))
    var theme: String?

    func validate() throws {
        try ThemeLocator.validate(option: theme, content: options.url)
    }

    func run() throws {
        let pipeline = Pipeline(content: options.url, contentLabel: options.content, theme: theme)
        // Narratives were read and checked at load, so nothing is rendered: a broken
        // theme hides no narrative problem.
        let diagnostics = Pipeline.applying(strict: strict, to: pipeline.diagnostics).sorted()
        let summary = ReportSummary(report: pipeline.report, diagnostics: diagnostics)
        let shared = SharedOutput.diagnostics(diagnostics, organization: pipeline.report.organization)

        switch format {
        case .text:
            for diagnostic in shared.listed { FileHandleOutput.standardError(diagnostic.description) }
            if let notice = shared.notice { FileHandleOutput.standardError("discern: " + notice) }
            print("\(options.content): \(summary.line)")
        case .json:
            print(try CheckOutput(diagnostics: shared.listed, withheld: shared.withheld.count, summary: summary).json())
            if let notice = shared.notice { FileHandleOutput.standardError("discern: " + notice) }
        case .github:
            // Standard output, like the JSON document: the commands are the result here.
            let paths = pipeline.repositoryPath(content: options.url)
            for diagnostic in shared.listed {
                print(WorkflowCommand.annotation(diagnostic, path: paths.path(of: diagnostic.location)))
            }
            if let withheld = WorkflowCommand.withheld(shared) { print(withheld) }
            print("\(options.content): \(summary.line)")
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}
