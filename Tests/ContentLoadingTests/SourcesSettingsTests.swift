import Testing
import ReportModel
@testable import ContentLoading

/// `sources:` in site.yaml: where `discern refresh` runs the queries, with every mistake
/// reported at its key.
@Suite("site.yaml sources")
struct SourcesSettingsTests {
    static func site(_ sources: String) -> (QuerySources?, [String]) {
        let load = Fixture.load(["site.yaml": Fixture.site + "\n" + sources])
        return (load.content.site.sources, load.diagnostics.map(\.description))
    }

    @Test("sqlite names a file in the content folder; the timeout defaults to 60 seconds")
    func sqlite() {
        let (sources, messages) = Self.site("sources:\n  sqlite: data/metrics.db\n")
        #expect(messages == [])
        #expect(sources?.database == .sqlite(path: "data/metrics.db"))
        #expect(sources?.timeout == 60)
    }

    @Test("postgres names the environment variable holding the URL; the timeout is in seconds")
    func postgres() {
        let (sources, messages) = Self.site("sources:\n  postgres: {url_env: DISCERN_DATABASE_URL}\n  timeout: 2.5\n")
        #expect(messages == [])
        #expect(sources?.database == .postgres(urlVariable: "DISCERN_DATABASE_URL"))
        #expect(sources?.timeout == 2.5)
    }

    @Test("an unknown key is an error with a suggestion")
    func unknownKey() {
        #expect(Self.site("sources:\n  sqlite: data/metrics.db\n  timout: 5\n").1 == [
            "site.yaml:5:3: error: unknown key 'timout' in sources; did you mean 'timeout'?",
        ])
    }

    @Test("both databases at once is an error at the second")
    func both() {
        #expect(Self.site("sources:\n  sqlite: data/metrics.db\n  postgres: {url_env: DB_URL}\n").1 == [
            "site.yaml:5:3: error: sources names both sqlite and postgres; the queries run on one database, so keep one",
        ])
    }

    @Test("url_env must be an environment variable's name")
    func variableName() {
        #expect(Self.site("sources:\n  postgres: {url_env: 1-url}\n").1 == [
            "site.yaml:4:23: error: url_env is the name of an environment variable (letters, digits and _, not starting "
                + "with a digit), such as DISCERN_DATABASE_URL; found '1-url'",
        ])
    }

    @Test("a URL in the file is refused: credentials never go in the content")
    func url() {
        let expected = "a connection URL never goes in site.yaml: it holds credentials and the content is committed; "
            + "put it in an environment variable and name that, `postgres: {url_env: DISCERN_DATABASE_URL}`"
        #expect(Self.site("sources:\n  postgres: {url: 'postgres://u:secret@h/db'}\n").1 == ["site.yaml:4:14: error: " + expected])
        #expect(Self.site("sources:\n  url: postgres://u:secret@h/db\n").1 == ["site.yaml:4:3: error: " + expected])
        #expect(Self.site("sources:\n  postgres: postgres://u:secret@h/db\n").1 == [
            "site.yaml:4:13: error: postgres takes the name of the environment variable that holds the connection URL, "
                + "`postgres: {url_env: DISCERN_DATABASE_URL}`; credentials never go in the content",
        ])
    }

    @Test("a path outside the content folder and a timeout out of range are errors at the value")
    func values() {
        #expect(Self.site("sources:\n  sqlite: ../metrics.db\n  timeout: 0\n").1 == [
            "site.yaml:4:11: error: sources.sqlite is the path of a file inside the content folder, such as data/metrics.db; "
                + "found '../metrics.db'",
            "site.yaml:5:12: error: sources.timeout is in seconds, more than 0 and at most 86400; found '0'",
        ])
    }
}
