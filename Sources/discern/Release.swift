import Analysis
import ArgumentParser
import Foundation
import ReportModel

/// `discern release`: records what a build publishes for its latest quarter, so that
/// every later build is audited together with it.
struct Release: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record what the report publishes for its latest quarter in releases/, to commit with the content.",
        discussion: """
            Writes releases/YYYY-Qn.json (YYYY-Qn.AUDIENCE.json with --audience): every value shown for the \
            latest quarter, as the interval its rounding allows, and the relations a reader could write between \
            them. It holds no hidden value. Every later build and audit reads every ledger, so that a value once \
            published stays known: hiding it later protects nothing, and comparing versions reveals no more \
            than each does. A second release of the same quarter is written beside the first \
            (YYYY-Qn-2.json), unless nothing changed. \
            Exits 0 when written (or already recorded), 1 when the content has errors or publishes nothing.
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("Who this release is for, when the same content is built for several audiences "
                               + "(for example a board build with another min_group_size).", valueName: "name"))
    var audience: String?

    func validate() throws {
        if let audience,
           audience.isEmpty || !audience.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            throw ValidationError("--audience takes letters, digits, '-' and '_', like 'board'")
        }
    }

    func run() throws {
        let pipeline = Pipeline(content: options.url, contentLabel: options.content, theme: nil, loadsTheme: false)
        try pipeline.requireNoErrors("not released")
        guard let ledger = pipeline.report.releaseLedger(audience: audience) else {
            FileHandleOutput.standardError("discern: nothing to release: the content publishes no quarter yet")
            throw ExitCode(1)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let bytes = try encoder.encode(ledger) + Data("\n".utf8)
        let folder = options.url.appendingPathComponent("releases", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stem = "\(ledger.period)" + (audience.map { ".\($0)" } ?? "")
        var name = stem + ".json"
        var number = 1
        while let existing = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
            if existing == bytes {
                print("\(options.content)/releases/\(name) already records this release of \(ledger.period).")
                return
            }
            number += 1
            name = "\(stem)-\(number).json"
        }
        // Written whole or not at all: a half-written ledger would fail every later build.
        try bytes.write(to: folder.appendingPathComponent(name), options: .atomic)
        print("Released \(ledger.period)\(audience.map { " for \($0)" } ?? ""): \(ledger.shown.count) values shown "
              + "recorded in \(options.content)/releases/\(name). Commit it with the content.")
    }
}
