import ArgumentParser
import ContentLoading
import DataSources
import Formatting
import Foundation
import ReportModel
import Snapshots

/// `discern refresh`: run the report's queries (`data/NAME.sql`) on the database
/// `site.yaml` names and write each result as its snapshot, `data/NAME.csv`.
struct Refresh: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the report's queries (data/NAME.sql) and write their results as snapshots (data/NAME.csv).",
        discussion: """
            The database is site.yaml's sources: (sqlite: a file in the content folder, or postgres: {url_env: VAR}). \
            Each result is checked by the rules of data files as it arrives and written beside its place; only when \
            every query succeeded do the snapshots replace the old ones, each with a record (data/NAME.csv.snapshot) of \
            the query's hash and the time it ran. build, check, serve and diff read the snapshots and never run a query. \
            Exits 0 when every snapshot was written, 1 when a query or its result has a problem (then nothing is \
            written), 2 on a usage error.
            """
    )

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("The queries to run, by name (lead for data/lead.sql). Default: all of them.",
                                 valueName: "name"))
    var names: [String] = []

    func run() throws {
        let context = ContentLoader(source: .disk(options.url)).queries()
        let refresh = try QueryRun.refresh(names, content: options.url, context: context)
        for diagnostic in refresh.diagnostics { FileHandleOutput.standardError(diagnostic.description) }
        if refresh.diagnostics.hasErrors {
            FileHandleOutput.standardError("discern: wrote no snapshot; \(QueryRun.count(refresh.diagnostics.errorCount, "error")), "
                                           + "and the snapshots are as they were")
            throw ExitCode(1)
        }
        if refresh.queries.isEmpty {
            print("\(options.content): no queries to run (data/NAME.sql)")
            return
        }
        for written in refresh.written {
            print("\(written.snapshot): \(QueryRun.count(written.rows, "row")) from \(written.query) in \(QueryRun.seconds(written.seconds)) s")
        }
        let rows = refresh.written.reduce(0) { $0 + $1.rows }
        print("Refreshed \(QueryRun.count(refresh.written.count, "snapshot")) (\(QueryRun.count(rows, "row"))) "
              + "in \(QueryRun.seconds(refresh.seconds)) s.")
    }
}
