import Foundation
import Testing

/// `check` finds a narrative's problems where it reads them, at load: it needs neither a
/// working theme nor a rendered page.
@Suite("discern check reports narratives without rendering them")
struct CheckWithoutRenderingTests {
    let cli = CommandLineTests()

    /// Content whose theme override cannot be parsed, and whose one narrative has a bad
    /// live value, a bad chart block and a `deck:` name that matches no section.
    var files: [String: String] {
        var files = cli.valid
        files["theme/page.mustache"] = "<html>{{#open}}\n"
        files["narratives/org/2026-Q1.md"] = """
            ---
            title: Quarter one
            deck:
              omit: [Apendix]
            ---
            Cycle time is {{ value mm }}.

            ## Appendix

            ```chart
            type: line
            metric: nope
            ```

            """
        return files
    }

    @Test("a narrative's errors and a deck name that matches no section are reported with a broken theme")
    func brokenTheme() throws {
        let run = try cli.discern(["check", "--content", try cli.folder(files).path])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("narratives/org/2026-Q1.md:3:1: warning: deck omit names 'Apendix', but the narrative has no ## section with that heading; did you mean 'Appendix'?"), "\(run.stderr)")
        #expect(lines.contains("narratives/org/2026-Q1.md:6:15: error: unknown metric 'mm'; did you mean 'm'?"), "\(run.stderr)")
        #expect(lines.contains("narratives/org/2026-Q1.md:12:9: error: unknown metric 'nope'"), "\(run.stderr)")
    }
}
