import Foundation
import Testing

/// Runs the real `discern` executable, as a user or a CI pipeline would.
@Suite("discern check on the command line")
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built executable sits beside the test bundle in the build folder.
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("discern").path),
              folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("discern")
    }()

    /// The environment `discern` runs with in these tests: this process's, except that
    /// `CI`, which makes shared outputs withhold findings about hidden teams, is unset
    /// (a test says whether it runs as CI, so the suite means the same on a laptop and in
    /// CI), and the records of what each output folder was built from go to a cache
    /// folder of the tests' own, not the user's.
    static let environment: [String: String] = {
        var inherited = ProcessInfo.processInfo.environment
        inherited["CI"] = nil
        inherited["XDG_CACHE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("discern-test-cache-\(UUID().uuidString)").path
        return inherited
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `discern` with the arguments, from the package's root unless told otherwise;
    /// `executable` is another copy of it.
    func discern(_ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:],
                 executable: URL = executable) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = Self.environment.merging(environment, uniquingKeysWith: { $1 })
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Writes a content folder to a fresh temporary directory.
    func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("discern-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    let valid: [String: String] = [
        "site.yaml": "title: T\norganization: Acme\n",
        "teams.yaml": "teams:\n  - {id: a, name: A, headcount: 8}\n  - {id: b, name: B, headcount: 9}\n",
        "metrics.yaml": "metrics:\n  - {id: m, name: M, category: outcome, unit: d, better: lower, aggregate: mean, baseline: 2026-Q1}\n",
        "data/v.csv": "period,team,metric,value\n2026-Q1,a,m,2\n2026-Q1,b,m,3\n",
    ]

    @Test("the sample content checks clean and prints the summary")
    func sampleContent() throws {
        let run = try discern(["check"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("content: "))
        #expect(run.stdout.contains("1 team and"), "one team in the sample is below the minimum group size")
        #expect(run.stdout.contains(", 0 errors,"))
    }

    @Test("clean content exits 0 with the summary on stdout")
    func clean() throws {
        let root = try folder(valid)
        let run = try discern(["check", "--content", root.path])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout == "\(root.path): 2 teams, 0 groups, 1 metric, 1 period (2026-Q1 to 2026-Q1), 2 observations, 0 narratives, suppressed: 0 teams and 0 values, 0 errors, 0 warnings\n")
    }

    @Test("errors are printed as path:line:column and exit 1")
    func errors() throws {
        var files = valid
        files["data/v.csv"] = "period,team,metric,value\n2026-Q1,aa,m,2\n2026-Q1,b,m,x\n"
        let run = try discern(["check", "--content", try folder(files).path])
        #expect(run.status == 1)
        #expect(run.stderr == """
            data/v.csv:2:9: error: unknown team 'aa'; did you mean 'a'?
            data/v.csv:3:13: error: value must be a number, found 'x'

            """)
    }

    @Test("warnings pass, and fail with --strict, which reports them as errors")
    func strict() throws {
        var files = valid
        files["site.yaml"] = "title: T\ncolour: blue\n"
        let root = try folder(files)
        #expect(try discern(["check", "--content", root.path]).status == 0)
        let strict = try discern(["check", "--content", root.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr == "site.yaml:2:1: error: unknown key 'colour' in site.yaml is ignored\n")
    }

    @Test("--format json gives machine-readable diagnostics and the summary")
    func json() throws {
        var files = valid
        files["data/v.csv"] = "period,team,metric,value\n2026-Q1,a,m,NaN\n"
        let run = try discern(["check", "--content", try folder(files).path, "--format", "json"])
        #expect(run.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let diagnostics = object?["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.count == 1)
        #expect(diagnostics?.first?["file"] as? String == "data/v.csv")
        #expect(diagnostics?.first?["line"] as? Int == 2)
        #expect(diagnostics?.first?["column"] as? Int == 13)
        #expect(diagnostics?.first?["severity"] as? String == "error")
        #expect((object?["summary"] as? [String: Any])?["errors"] as? Int == 1)
    }

    @Test("usage errors exit 2")
    func usage() throws {
        #expect(try discern(["check", "--content", "/nonexistent/content"]).status == 2)
        #expect(try discern(["check", "--format", "xml"]).status == 2)
        #expect(try discern(["frobnicate"]).status == 2)
        let help = try discern(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("check"))
    }
}
