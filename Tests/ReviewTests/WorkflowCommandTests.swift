import Formatting
import ReportModel
import Review
import Testing

@Suite("GitHub Actions workflow commands for diagnostics")
struct WorkflowCommandTests {
    @Test("errors, warnings and notes become ::error, ::warning and ::notice at the file's line and column")
    func severities() {
        let at = SourceLocation(file: "data/v.csv", line: 2, column: 13)
        #expect(WorkflowCommand.annotation(.error("value must be a number, found 'x'", at: at), path: "content/data/v.csv")
                == "::error file=content/data/v.csv,line=2,col=13,title=Discern::value must be a number, found 'x'")
        let lint = LintRule.noBaseline.finding("no baseline", at: SourceLocation(file: "metrics.yaml", line: 4, column: 5))
        #expect(WorkflowCommand.annotation(lint, path: "metrics.yaml")
                == "::warning file=metrics.yaml,line=4,col=5,title=Discern D104::no baseline")
        let note = LintRule.worseWhileUsageRose.finding("got worse", at: at)
        #expect(WorkflowCommand.annotation(note, path: "x.csv") == "::notice file=x.csv,line=2,col=13,title=Discern D108::got worse")
    }

    @Test("a message escapes %, CR and LF; a property escapes : and , as well")
    func escaping() {
        #expect(WorkflowCommand.data("59% up\r\nnext: a, b") == "59%25 up%0D%0Anext: a, b")
        #expect(WorkflowCommand.property("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A")
        // Already-encoded text is encoded again, so it reads back as written.
        #expect(WorkflowCommand.data("%0A") == "%250A")
    }

    @Test("a file name cannot end the properties or start a second command")
    func hostileFileName() {
        let at = SourceLocation(file: "data/a,line=1::b.csv", line: 3, column: 1)
        let line = WorkflowCommand.annotation(.warning("x\n::error::injected", at: at), path: "content/" + at.file)
        #expect(line == "::warning file=content/data/a%2Cline=1%3A%3Ab.csv,line=3,col=1,title=Discern::x\\n::error::injected")
        #expect(!line.contains("\n"))
    }

    @Test("paths: the content folder goes in front of content files, theme files stay as they are")
    func repositoryPaths() {
        let paths = RepositoryPath(contentFolder: "./content/", workingFiles: ["Themes/default/page.mustache"])
        #expect(paths.contentFolder == "content")
        #expect(paths.path(of: SourceLocation(file: "narratives/x.md")) == "content/narratives/x.md")
        #expect(paths.path(of: SourceLocation(file: "Themes/default/page.mustache")) == "Themes/default/page.mustache")
        #expect(paths.position(of: SourceLocation(file: "teams.yaml", line: 3, column: 7)) == "content/teams.yaml:3:7")
        #expect(RepositoryPath(contentFolder: ".").path(of: SourceLocation(file: "site.yaml")) == "site.yaml")
        #expect(RepositoryPath(contentFolder: "/srv/report").path(of: SourceLocation(file: "site.yaml")) == "/srv/report/site.yaml")
    }
}

@Suite("Bidirectional overrides never reach a CI line or a step summary")
struct BidiOverrideTests {
    @Test("an annotation's file and message carry no override or isolate")
    func annotation() {
        let at = SourceLocation(file: "data/a\u{202E}vsc.csv", line: 3, column: 1)
        let line = WorkflowCommand.annotation(.warning("x\u{2067}y", at: at), path: "content/" + at.file)
        #expect(line == "::warning file=content/data/a\u{FFFD}vsc.csv,line=3,col=1,title=Discern::x\u{FFFD}y")
    }

    @Test("Markdown text replaces overrides, isolates and C1 controls")
    func markdown() {
        #expect(MarkdownText.escape("a\u{202E}b\u{2066}c\u{85}d") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
    }
}
