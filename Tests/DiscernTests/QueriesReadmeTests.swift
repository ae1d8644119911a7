import Foundation
import Testing

/// README's "Queries" as a newcomer follows it: the sample's database is made with
/// `Scripts/sample-database`, the queries of `Tests/Fixtures/sql-sample` run on it with
/// `discern refresh`, which prints what README shows, and the site `discern build` makes
/// from the snapshots is, file for file and byte for byte, the site of the sample's own
/// hand-written CSV files.
@Suite("README's queries")
struct QueriesReadmeTests {
    let cli = CommandLineTests()

    static func section() throws -> ArraySlice<String> {
        let section = try Readme().section("### Queries: `data/NAME.sql`")
        #expect(section.count > 30, "README has a Queries subsection")
        return section
    }

    /// A line of refresh's output with its times taken out, which differ run to run.
    static func timeless(_ line: some StringProtocol) -> String {
        String(line).replacing(#/in [0-9]+\.[0-9]+ s/#, with: "in … s")
    }

    @Test("the sample built from SQL snapshots is byte-identical to the sample built from its CSV files")
    func sampleFromQueries() throws {
        let section = try Self.section()
        let script = try #require(Readme.codeBlocks(in: section, language: "sh").first)
        let shown = try #require(Readme.codeBlocks(in: section, language: "text").first)

        // The commands run from a folder that looks like the repository's root.
        let root = CommandLineTests.packageRoot
        let folder = try cli.folder([:])
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("content"), to: folder.appendingPathComponent("content"))
        for name in ["Scripts", "Tests"] {
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(name),
                                                       withDestinationURL: root.appendingPathComponent(name))
        }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-e", "-c", script]
        shell.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = CommandLineTests.executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["CI"] = nil
        shell.environment = environment
        let out = Pipe(), err = Pipe()
        shell.standardOutput = out
        shell.standardError = err
        try shell.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0, "\(stderr)")

        let printed = stdout.split(separator: "\n").map(Self.timeless).filter { !$0.hasPrefix("Built ") && !$0.hasPrefix("Wrote ") }
        let refreshLines = printed.filter { $0.hasPrefix("data/") || $0.hasPrefix("Refreshed ") }
        #expect(refreshLines == shown.split(separator: "\n").map(Self.timeless), "README shows what refresh prints")

        // The snapshots' records are there, and check reads the folder clean of errors.
        let report = folder.appendingPathComponent("report")
        let check = try cli.discern(["check", "--content", report.path])
        #expect(check.status == 0, "\(check.stderr)")

        let fromCSV = folder.appendingPathComponent("csv-site")
        let build = try cli.discern(["build", "--content", root.appendingPathComponent("content").path, "--output", fromCSV.path])
        #expect(build.status == 0, "\(build.stderr)")
        let fromSQL = folder.appendingPathComponent("report-site")
        let files = try BuildCommandTests.files(in: fromSQL)
        #expect(files == (try BuildCommandTests.files(in: fromCSV)))
        #expect(files.count > 100)
        for file in files {
            let (sql, csv) = (try Data(contentsOf: fromSQL.appendingPathComponent(file)),
                              try Data(contentsOf: fromCSV.appendingPathComponent(file)))
            #expect(sql == csv, "\(file) differs")
        }
        // Some snapshots hold other bytes than the hand-written files (2.70 is written 2.7),
        // so the site being the same is the readers', not the files', doing.
        let handWritten = try Data(contentsOf: root.appendingPathComponent("content/data/fluency.csv"))
        #expect(try Data(contentsOf: report.appendingPathComponent("data/fluency.csv")) != handWritten)
    }
}
