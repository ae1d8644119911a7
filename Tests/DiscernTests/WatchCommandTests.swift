import Foundation
import Testing

/// `discern build --watch`, run as a user would: edits rebuild only their pages, and
/// the site they leave is the one a whole build makes.
@Suite("discern build --watch")
struct WatchCommandTests {
    let cli = CommandLineTests()

    /// A running `discern build --watch`, its standard output gathered as it comes.
    final class Watcher: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var text = ""

        /// - Parameter ignoringInterrupt: start it as a shell starts a background job,
        ///   with SIGINT ignored.
        init(content: URL, output: URL, errors: URL, ignoringInterrupt: Bool = false, more: [String] = []) throws {
            let arguments = ["build", "--watch", "--content", content.path, "--output", output.path] + more
            if ignoringInterrupt {
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", "trap '' INT; exec \"$0\" \"$@\"", CommandLineTests.executable.path] + arguments
            } else {
                process.executableURL = CommandLineTests.executable
                process.arguments = arguments
            }
            // Records of what each output folder was built from go to the tests' cache folder.
            process.environment = ProcessInfo.processInfo.environment.merging(
                ["XDG_CACHE_HOME": CommandLineTests.environment["XDG_CACHE_HOME"]!], uniquingKeysWith: { $1 })
            let out = Pipe()
            process.standardOutput = out
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errors)
            out.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self else { return }
                self.lock.withLock { self.text += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        deinit {
            if process.isRunning { process.terminate() }
        }

        /// Waits until standard output has said `phrase` `count` times; false after 60 s.
        func waitFor(_ phrase: String, count: Int) -> Bool {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if lock.withLock({ text.components(separatedBy: phrase).count - 1 }) >= count { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }

        var output: String { lock.withLock { text } }

        /// Sends Ctrl-C's signal and waits up to 10 s; whether the watch stopped.
        func interruptAndWait() -> Bool {
            process.interrupt()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            return !process.isRunning
        }
    }

    /// Writes a file in place, as an editor that saves without renaming does: one
    /// open, write and close, whatever Foundation's writing methods do on this platform.
    func save(_ text: String, to url: URL) throws {
        let handle = try FileHandle(forUpdating: url)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    var files: [String: String] {
        var files = cli.valid
        files["data/v.csv"] = "period,team,metric,value\n2026-Q1,a,m,2\n2026-Q1,b,m,3\n2026-Q2,a,m,4\n2026-Q2,b,m,5\n"
        files["narratives/teams/a/2026-Q2.md"] = "---\ntitle: A in spring\n---\nValue {{ value m }}.\n\n```chart\ntype: line\nmetric: m\n```\n"
        files["narratives/teams/a/2026-Q1.md"] = "# Winter\n"
        return files
    }

    @Test("an edited narrative rewrites its pages to what a whole build makes, and an edit with errors writes nothing")
    func edits() throws {
        let content = try cli.folder(files)
        let output = content.appendingPathComponent("../watched-\(UUID().uuidString)").standardizedFileURL
        let errors = content.appendingPathComponent("../errors-\(UUID().uuidString)").standardizedFileURL
        let watcher = try Watcher(content: content, output: output, errors: errors)
        #expect(watcher.waitFor("Watching", count: 1), "\(watcher.output)")
        #expect(try BuildCommandTests.files(in: output).contains("teams/a/2026-Q2/chart-1-line-m.svg"))

        // A new title and no chart: both pages of the latest quarter change, and the
        // chart's files go.
        let narrative = content.appendingPathComponent("narratives/teams/a/2026-Q2.md")
        try save("---\ntitle: A, edited\n---\nNow {{ value m }}, no chart.\n", to: narrative)
        #expect(watcher.waitFor("Rebuilt 2 pages in", count: 1), "\(watcher.output)")
        #expect(watcher.waitFor("Watching", count: 2))
        let fresh = content.appendingPathComponent("../fresh-\(UUID().uuidString)").standardizedFileURL
        #expect(try cli.discern(["build", "--content", content.path, "--output", fresh.path]).status == 0)
        let watched = try BuildCommandTests.files(in: output)
        #expect(watched == (try BuildCommandTests.files(in: fresh)))
        for path in watched {
            #expect(FileManager.default.contents(atPath: output.appendingPathComponent(path).path)
                    == FileManager.default.contents(atPath: fresh.appendingPathComponent(path).path), "\(path)")
        }
        #expect(try String(contentsOf: output.appendingPathComponent("teams/a/index.html"), encoding: .utf8).contains("A, edited"))

        // An edit that keeps every file's size: the manifest's lines are written where
        // they stand (the marker keeps its inode), and it is still a whole build's, byte for byte.
        let marker = output.appendingPathComponent(".discern-site").path
        let inode = try #require(FileManager.default.attributesOfItem(atPath: marker)[.systemFileNumber] as? UInt64)
        try save("---\ntitle: A, edited\n---\nNow {{ value m }}, no chart!\n", to: narrative)
        #expect(watcher.waitFor("Rebuilt 2 pages in", count: 2), "\(watcher.output)")
        #expect(watcher.waitFor("Watching", count: 3))
        #expect(try FileManager.default.attributesOfItem(atPath: marker)[.systemFileNumber] as? UInt64 == inode)
        let again = content.appendingPathComponent("../fresh-\(UUID().uuidString)").standardizedFileURL
        #expect(try cli.discern(["build", "--content", content.path, "--output", again.path]).status == 0)
        #expect(try BuildCommandTests.files(in: output) == (try BuildCommandTests.files(in: again)))
        for path in watched {
            #expect(FileManager.default.contents(atPath: output.appendingPathComponent(path).path)
                    == FileManager.default.contents(atPath: again.appendingPathComponent(path).path), "\(path)")
        }
        #expect(try String(contentsOf: output.appendingPathComponent("teams/a/index.html"), encoding: .utf8).contains("no chart!"))

        // An error: reported with its place, and the site stays as it was.
        let before = watched.map { FileManager.default.contents(atPath: output.appendingPathComponent($0).path) }
        try save("Broken {{ value nope }}\n", to: narrative)
        #expect(watcher.waitFor("Watching", count: 4))
        let messages = try String(contentsOf: errors, encoding: .utf8)
        #expect(messages.contains("narratives/teams/a/2026-Q2.md:1:8: error: unknown metric 'nope'"), "\(messages)")
        #expect(messages.contains("not rebuilt"))
        let after = watched.map { FileManager.default.contents(atPath: output.appendingPathComponent($0).path) }
        #expect(before == after)

        // Data changes build the whole site again.
        let data = "period,team,metric,value\n2026-Q1,a,m,2\n2026-Q1,b,m,3\n2026-Q2,a,m,9\n2026-Q2,b,m,5\n"
        try save(data, to: content.appendingPathComponent("data/v.csv"))
        try save("Fixed.\n", to: narrative)
        #expect(watcher.waitFor("Built ", count: 2), "\(watcher.output)")
        #expect(watcher.interruptAndWait())
        #expect(watcher.process.terminationReason == .uncaughtSignal, "Ctrl-C stops the watch")
    }

    @Test("a theme edit rebuilds the whole site, and a narrative with errors stays in view until it is fixed")
    func themeAndLingeringErrors() throws {
        let content = try cli.folder(files)
        let output = content.appendingPathComponent("../watched-\(UUID().uuidString)").standardizedFileURL
        let errors = content.appendingPathComponent("../errors-\(UUID().uuidString)").standardizedFileURL
        let theme = content.appendingPathComponent("../theme-\(UUID().uuidString)").standardizedFileURL
        try FileManager.default.copyItem(at: CommandLineTests.packageRoot.appendingPathComponent("Themes/default"), to: theme)
        let watcher = try Watcher(content: content, output: output, errors: errors, more: ["--theme", theme.path])
        #expect(watcher.waitFor("Watching", count: 1), "\(watcher.output)")

        // The theme lives outside the content folder, and is watched too.
        let stylesheet = theme.appendingPathComponent("style.css")
        try save(try String(contentsOf: stylesheet, encoding: .utf8) + "/* edited */\n", to: stylesheet)
        #expect(watcher.waitFor("Built ", count: 2), "\(watcher.output)")
        #expect(try String(contentsOf: output.appendingPathComponent("assets/style.css"), encoding: .utf8).hasSuffix("/* edited */\n"))

        // A broken narrative, then a good edit to another: the first's error is reported
        // again and nothing is written, until it is fixed.
        let broken = content.appendingPathComponent("narratives/teams/a/2026-Q2.md")
        let other = content.appendingPathComponent("narratives/teams/a/2026-Q1.md")
        try save("Broken {{ value nope }}\n", to: broken)
        #expect(watcher.waitFor("Watching", count: 3))
        try save("# Winter, edited\n", to: other)
        #expect(watcher.waitFor("Watching", count: 4))
        let messages = try String(contentsOf: errors, encoding: .utf8)
        #expect(messages.components(separatedBy: "2026-Q2.md:1:8: error: unknown metric 'nope'").count - 1 == 2, "\(messages)")
        #expect(!(try String(contentsOf: output.appendingPathComponent("teams/a/2026-Q1/index.html"), encoding: .utf8))
            .contains("Winter, edited"))
        try save("Fixed.\n", to: broken)
        #expect(watcher.waitFor("Rebuilt 3 pages in", count: 1), "both edits are written: \(watcher.output)")
        #expect(try String(contentsOf: output.appendingPathComponent("teams/a/2026-Q1/index.html"), encoding: .utf8)
            .contains("Winter, edited"))
        #expect(watcher.interruptAndWait())
    }

    @Test("a data edit re-audits only the metric it changed, and the site it replaced is removed in the background")
    func dataEditReaudits() throws {
        var files = self.files
        files["metrics.yaml"]! += "  - {id: k, name: K, category: outcome, unit: d, better: lower, aggregate: mean}\n"
        files["data/k.csv"] = "period,team,metric,value\n2026-Q1,a,k,2\n2026-Q1,b,k,3\n"
        let content = try cli.folder(files)
        let output = content.appendingPathComponent("../watched-\(UUID().uuidString)").standardizedFileURL
        let errors = content.appendingPathComponent("../errors-\(UUID().uuidString)").standardizedFileURL
        let watcher = try Watcher(content: content, output: output, errors: errors, more: ["--timings"])
        #expect(watcher.waitFor("Watching", count: 1), "\(watcher.output)")
        try save("period,team,metric,value\n2026-Q1,a,k,4\n2026-Q1,b,k,3\n", to: content.appendingPathComponent("data/k.csv"))
        #expect(watcher.waitFor("Watching", count: 2), "\(watcher.output)")
        let messages = try String(contentsOf: errors, encoding: .utf8)
        #expect(messages.contains("privacy audit chains: 2 audited, 0 reused from the last build"), "\(messages)")
        #expect(messages.contains("privacy audit chains: 1 audited, 1 reused from the last build"), "\(messages)")
        #expect(watcher.output.components(separatedBy: "Built ").count - 1 == 2, "a whole build: \(watcher.output)")
        #expect(messages.contains("the replaced site: being removed in the background"), "\(messages)")
        let replaced = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).discern-previous")
        let deadline = Date().addingTimeInterval(60)
        while FileManager.default.fileExists(atPath: replaced.path), Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(!FileManager.default.fileExists(atPath: replaced.path), "the replaced site is removed")
        #expect(watcher.interruptAndWait())
    }

    @Test("a site built inside the content (a starter built from within) does not set off another build")
    func outputInsideContent() throws {
        let content = try cli.folder(files)
        let output = content.appendingPathComponent("site")
        let errors = content.appendingPathComponent("../errors-\(UUID().uuidString)").standardizedFileURL
        let watcher = try Watcher(content: content, output: output, errors: errors)
        #expect(watcher.waitFor("Watching", count: 1), "\(watcher.output)")
        // Writing site/ (and swapping it in) must not count as a change: without the
        // output ignored, a build follows within the watcher's 30 ms settle time, forever.
        Thread.sleep(forTimeInterval: 1.5)
        #expect(watcher.output.components(separatedBy: "Built ").count - 1 == 1, "one build: \(watcher.output)")
        try save("period,team,metric,value\n2026-Q1,a,m,3\n2026-Q1,b,m,3\n2026-Q2,a,m,4\n2026-Q2,b,m,5\n",
                 to: content.appendingPathComponent("data/v.csv"))
        #expect(watcher.waitFor("Watching", count: 2), "\(watcher.output)")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(watcher.output.components(separatedBy: "Built ").count - 1 == 2, "one more build: \(watcher.output)")
        #expect(watcher.interruptAndWait())
    }

    @Test("Ctrl-C stops a watch started in the background, where the shell ignores SIGINT")
    func interruptWhenIgnored() throws {
        let content = try cli.folder(files)
        let output = content.appendingPathComponent("../watched-\(UUID().uuidString)").standardizedFileURL
        let errors = content.appendingPathComponent("../errors-\(UUID().uuidString)").standardizedFileURL
        let watcher = try Watcher(content: content, output: output, errors: errors, ignoringInterrupt: true)
        #expect(watcher.waitFor("Watching", count: 1), "\(watcher.output)")
        #expect(watcher.interruptAndWait(), "the watch ignored SIGINT")
        #expect(watcher.process.terminationReason == .uncaughtSignal)
    }
}
