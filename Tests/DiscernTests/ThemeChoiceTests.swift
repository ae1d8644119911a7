import Foundation
import Testing

/// Which theme a build uses: a folder that holds one wins over the built-in theme of the
/// same name, and a theme that cannot be found says what was looked for and where.
@Suite("Choosing a theme on the command line")
struct ThemeChoiceTests {
    let cli = CommandLineTests()

    /// A report folder: the minimal content in `content/`, and `extra` files beside it.
    func report(_ extra: [String: String] = [:]) throws -> URL {
        try cli.folder(Dictionary(uniqueKeysWithValues: cli.valid.map { ("content/" + $0.key, $0.value) }).merging(extra) { $1 })
    }

    /// A theme folder's one shell, marked so a page tells which theme built it.
    static func shell(_ mark: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"{{lang}}\"><title>{{title}}</title><p>\(mark)</p>{{{main}}}</html>\n"
    }

    @Test("--theme naming no theme is a usage error naming every folder looked in and the built-in themes")
    func unknownOption() throws {
        let root = try report()
        let elsewhere = try cli.folder(["notes.txt": "not a report\n"])
        let output = root.appendingPathComponent("site")
        for command in ["build", "check"] {
            var arguments = [command, "--content", root.appendingPathComponent("content").path, "--theme", "nope"]
            if command == "build" { arguments += ["--output", output.path] }
            let run = try cli.discern(arguments, in: elsewhere)
            #expect(run.status == 2, "\(command): \(run.stderr)")
            #expect(run.stderr.hasPrefix("""
                Error: --theme 'nope' names no theme: looked for page.mustache or deck.mustache in Themes/nope/ (in the working \
                folder) and \(root.path)/Themes/nope/ (beside the content), and the built-in themes are default and board

                """), "\(command)")
            #expect(!run.stderr.contains("site.yaml"), "the problem is the option, not a line of site.yaml")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("the error README's Themes section quotes is the one discern prints")
    func readmeQuotesTheError() throws {
        let section = try Readme().section("## Themes").joined(separator: "\n")
        let quoted = try #require(section.firstMatch(of: #/`(--theme 'nope' names no theme: [^`]+)`/#)).1
        let run = try cli.discern(["check", "--content", "content", "--theme", "nope"], in: try report())
        #expect(run.stderr.hasPrefix("Error: \(quoted)\n"), "\(run.stderr)")
    }

    @Test("theme: in site.yaml naming no theme is an error at the key's value, line and column")
    func unknownInSiteYAML() throws {
        let root = try report(["content/site.yaml": "title: T\norganization: Acme\ntheme:   nope\n"])
        let run = try cli.discern(["build", "--content", "content", "--output", "site"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("""
            site.yaml:3:10: error: theme 'nope' names no theme: looked for page.mustache or deck.mustache in Themes/nope/ \
            (in the working folder, beside the content), and the built-in themes are default and board

            """), "\(run.stderr)")
        let check = try cli.discern(["check", "--content", "content"], in: root)
        #expect(check.status == 1)
        #expect(check.stderr.hasPrefix("site.yaml:3:10: error: theme 'nope' names no theme"), "\(check.stderr)")
        #expect(try cli.discern(["build", "--content", "content", "--output", "site", "--theme", "board"], in: root).status == 0,
                "--theme wins over site.yaml")
    }

    @Test("a path that is no theme folder is a usage error that says what is missing")
    func badPath() throws {
        let root = try report(["empty/notes.txt": "no templates here\n"])
        let missing = try cli.discern(["check", "--content", "content", "--theme", "./gone"], in: root)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("Error: --theme './gone' names no theme folder: there is no folder ./gone/\n"))
        let empty = try cli.discern(["check", "--content", "content", "--theme", "empty/"], in: root)
        #expect(empty.status == 2)
        #expect(empty.stderr.hasPrefix("Error: --theme 'empty/' names no theme folder: empty/ has neither page.mustache nor deck.mustache\n"))
    }

    @Test("a name that is a theme folder in the working folder, not under Themes/, is told to give its path")
    func nameOfAFolder() throws {
        let root = try report(["mine/page.mustache": Self.shell("mine")])
        let run = try cli.discern(["check", "--content", "content", "--theme", "mine"], in: root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("; for the folder mine/ in the working folder, give its path: ./mine\n"), "\(run.stderr)")
        #expect(try cli.discern(["check", "--content", "content", "--theme", "./mine"], in: root).status == 0)
    }

    @Test("Themes/NAME in the working folder wins over Themes/NAME beside the content, which wins over the built-in theme")
    func precedence() throws {
        let working = try cli.folder(["Themes/default/page.mustache": Self.shell("working folder")])
        let root = try report(["Themes/default/page.mustache": Self.shell("beside the content")])
        let content = root.appendingPathComponent("content").path
        func built() throws -> String {
            let output = working.appendingPathComponent("site-\(UUID().uuidString)")
            let run = try cli.discern(["build", "--content", content, "--output", output.path], in: working)
            #expect(run.status == 0, "\(run.stderr)")
            return try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        }
        #expect(try built().contains("<p>working folder</p>"))
        try FileManager.default.removeItem(at: working.appendingPathComponent("Themes"))
        #expect(try built().contains("<p>beside the content</p>"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("Themes"))
        let builtIn = try built()
        #expect(builtIn.contains("<header class=\"site-header\">"), "the built-in default theme")
        #expect(!builtIn.contains("<p>working folder") && !builtIn.contains("<p>beside the content"))
    }

    @Test("the content's theme/ replaces a built-in theme's file of the same name, and only it")
    func overridesBuiltIn() throws {
        let root = try report(["content/theme/footer.mustache": "<footer class=\"ours\">{{organization}}</footer>\n"])
        let run = try cli.discern(["build", "--content", "content", "--output", "site"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: root.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(html.contains("<footer class=\"ours\">Acme</footer>"))
        #expect(html.contains("<header class=\"site-header\">"), "the other files stay the built-in theme's")
    }
}
