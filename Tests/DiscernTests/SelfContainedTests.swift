import Foundation
import Testing

/// `discern` needs nothing beside it: a copy anywhere builds the site and the deck with the
/// themes built into it, says its version, and writes its own shell completions.
@Suite("A self-contained discern")
struct SelfContainedTests {
    let cli = CommandLineTests()

    @Test("a copy of the binary outside the repository, run in a folder holding only content, builds the site and the deck")
    func copiedBinary() throws {
        let files = FileManager.default
        let bin = files.temporaryDirectory.appendingPathComponent("discern-bin-\(UUID().uuidString)")
        try files.createDirectory(at: bin, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("discern")
        try files.copyItem(at: CommandLineTests.executable, to: copy)
        #expect(!copy.path.hasPrefix(CommandLineTests.packageRoot.path + "/"))
        #expect(try files.contentsOfDirectory(atPath: bin.path) == ["discern"], "nothing beside the copy")
        let work = try cli.folder(Dictionary(uniqueKeysWithValues: cli.valid.map { ("content/" + $0.key, $0.value) }))
        #expect(try files.contentsOfDirectory(atPath: work.path) == ["content"])

        let site = try cli.discern(["build"], in: work, executable: copy)
        #expect(site.status == 0, "\(site.stderr)")
        #expect(site.stdout.hasPrefix("Built ") && site.stdout.contains(" into site/ in "), "\(site.stdout)")
        let index = try String(contentsOf: work.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(index.contains("<header class=\"site-header\">"), "the built-in default theme")
        #expect(files.fileExists(atPath: work.appendingPathComponent("site/assets/style.css").path))

        let deck = try cli.discern(["build", "--theme", "board", "--output", "deck"], in: work, executable: copy)
        #expect(deck.status == 0, "\(deck.stderr)")
        #expect(deck.stdout.hasPrefix("Built a deck of "), "\(deck.stdout)")
        #expect(files.fileExists(atPath: work.appendingPathComponent("deck/assets/style.css").path))
    }

    @Test("--version prints the version, which DiscernVersion.swift alone writes")
    func version() throws {
        let sources = CommandLineTests.packageRoot.appendingPathComponent("Sources")
        let source = try String(contentsOf: sources.appendingPathComponent("discern/DiscernVersion.swift"), encoding: .utf8)
        let version = String(try #require(source.firstMatch(of: #/static let current = "(\d+\.\d+\.\d+)"/#)).1)
        let run = try cli.discern(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == version + "\n")
        let elsewhere = try (FileManager.default.enumerator(atPath: sources.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".swift") && $0 != "discern/DiscernVersion.swift" }
            .filter { try String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8).contains("\"\(version)\"") }
        #expect(elsewhere.isEmpty, "the version is written in one place")
    }

    @Test("the README's Install section names the packages of this version")
    func installSection() throws {
        let version = try cli.discern(["--version"]).stdout.trimmingCharacters(in: .newlines)
        let section = try Readme().section("## Install").joined(separator: "\n")
        #expect(section.contains("discern_\(version)_amd64.deb"))
        #expect(section.contains("discern-\(version)-linux-x86_64.tar.gz"))
        let named = section.matches(of: #/discern[_-](\d+\.\d+\.\d+)/#).map { String($0.1) }
        #expect(!named.isEmpty && named.allSatisfy { $0 == version }, "no other version's package: \(named)")
        #expect(section.contains("gh release create v\(version) "))
    }

    @Test("completion scripts come for bash, zsh and fish; bash's completes every subcommand")
    func completions() throws {
        let bash = try cli.discern(["--generate-completion-script", "bash"])
        #expect(bash.status == 0, "\(bash.stderr)")
        #expect(bash.stdout.contains("complete -o filenames -F _discern discern"))
        for command in ["check", "build", "serve", "refresh", "export", "export_pdf", "diff", "audit", "release", "import",
                        "new", "new_survey", "new_theme"] {
            #expect(bash.stdout.contains("_discern_\(command)() {"), "\(command)")
        }
        for shell in ["zsh", "fish"] {
            let script = try cli.discern(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell): \(script.stderr)")
            #expect(script.stdout.contains("discern"), "\(shell)")
        }
    }
}
