import Foundation
import Testing

/// `discern new theme` run as a user would: write a built-in theme out, build with it, and
/// get the built-in theme's site, byte for byte, until a file is changed.
@Suite("discern new theme on the command line")
struct NewThemeCommandTests {
    let cli = CommandLineTests()

    /// The names of the files of `Themes/<name>` in the repository, which the built-in theme is.
    static func themeFiles(_ name: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: CommandLineTests.packageRoot.appendingPathComponent("Themes/\(name)").path)
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("it writes the theme's files, and nothing else, each with what it is for", arguments: ["default", "board"])
    func writesTheFiles(theme: String) throws {
        let root = try cli.folder(["notes.txt": "a project folder\n"])
        let run = try cli.discern(["new", "theme", "Themes/ours", "--from", theme], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let folder = root.appendingPathComponent("Themes/ours")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == (try Self.themeFiles(theme)))
        for name in names {
            let written = try Data(contentsOf: folder.appendingPathComponent(name))
            let original = try Data(contentsOf: CommandLineTests.packageRoot.appendingPathComponent("Themes/\(theme)/\(name)"))
            #expect(written == original, "\(name) is the built-in file, byte for byte")
            #expect(run.stdout.contains("Themes/ours/\(name): "), "\(name) is listed")
        }
        #expect(run.stdout.contains(theme == "board" ? "--theme Themes/ours --output deck`" : "--theme Themes/ours`"))
    }

    @Test("it refuses to overwrite, writes nothing then, and replaces with --force")
    func refusesToOverwrite() throws {
        let root = try cli.folder(["ours/style.css": "/* my own edits */\n"])
        let folder = root.appendingPathComponent("ours")
        let again = try cli.discern(["new", "theme", "ours"], in: root)
        #expect(again.status == 1)
        #expect(again.stderr == "ours/style.css: error: the file exists\nNothing written: pass --force to replace it, or name another folder.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["style.css"], "a refusal writes none of the files")
        let forced = try cli.discern(["new", "theme", "ours", "--force"], in: root)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == (try Self.themeFiles("default")),
                "no temporary files are left behind")
        #expect(forced.stdout.contains("--theme ./ours`"), "a bare name would be looked up under Themes/, so the hint gives a path")
    }

    @Test("a file in place of the folder, or an unknown --from, is a usage error")
    func usage() throws {
        let root = try cli.folder(["ours": "not a folder\n"])
        #expect(try cli.discern(["new", "theme", "ours"], in: root).status == 2)
        let unknown = try cli.discern(["new", "theme", "mine", "--from", "fancy"], in: root)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("'fancy'") && unknown.stderr.contains("default") && unknown.stderr.contains("board"), "\(unknown.stderr)")
    }

    @Test("the written theme, built with --theme DIR, makes the built-in theme's site byte for byte",
          arguments: [("default", "site"), ("board", "deck")])
    func sameSite(theme: String, output: String) throws {
        // The sample content, away from the repository's Themes/, so a name means the built-in theme.
        let root = try cli.folder(["notes.txt": "a project folder\n"])
        try FileManager.default.copyItem(at: CommandLineTests.packageRoot.appendingPathComponent("content"),
                                         to: root.appendingPathComponent("content"))
        let written = try cli.discern(["new", "theme", "mine", "--from", theme], in: root)
        #expect(written.status == 0, "\(written.stderr)")
        let builtIn = try cli.discern(["build", "--theme", theme, "--output", output], in: root)
        #expect(builtIn.status == 0, "\(builtIn.stderr)")
        #expect(builtIn.stdout.hasPrefix(theme == "board" ? "Built a deck of" : "Built 138 pages"))
        let folder = try cli.discern(["build", "--theme", "./mine", "--output", output + "-mine"], in: root)
        #expect(folder.status == 0, "\(folder.stderr)")
        let expected = root.appendingPathComponent(output), actual = root.appendingPathComponent(output + "-mine")
        let files = try BuildCommandTests.files(in: expected)
        #expect(files.contains("index.html") && files.contains("assets/style.css"))
        #expect(try BuildCommandTests.files(in: actual) == files)
        let differing = try files.filter {
            try Data(contentsOf: expected.appendingPathComponent($0)) != Data(contentsOf: actual.appendingPathComponent($0))
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
    }
}
