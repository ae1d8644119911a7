import Foundation
import Testing
import ReportModel
@testable import ContentLoading

/// Problems found in review, each pinned by a test.
@Suite("Odd but real input")
struct ReviewFindingsTests {
    @Test("huge headcounts and n are refused at the cell instead of overflowing sums")
    func hugeCounts() {
        let teams = "teams:\n  - {id: a, name: A, headcount: 9223372036854775807}\n"
        #expect(Fixture.messages(["teams.yaml": teams]).contains(
            "teams.yaml:2:33: error: 'headcount' must be a whole number from 1 to 10000000, found '9223372036854775807'"))
        let csv = "period,team,metric,value,n\n2026-Q1,platform,cycle_time,2,9223372036854775807\n"
        #expect(Fixture.messages(["data/v.csv": csv]) == [
            "data/v.csv:2:31: error: n must be a whole number of people from 0 to 10000000, found '9223372036854775807'",
        ])
    }

    @Test("quarters far outside any real report are refused")
    func farPeriods() {
        let csv = "period,team,metric,value\n1000-Q1,platform,cycle_time,2\n"
        #expect(Fixture.messages(["data/v.csv": csv]) == [
            "data/v.csv:2:1: error: period 1000-Q1 is outside 1900–2199; is the year a typo?",
        ])
    }

    @Test("a long chain of nested groups loads, and a cycle in it is found once")
    func longChain() {
        var lines = ["teams:"]
        for index in 0..<3000 {
            lines.append("  - {id: g\(index), name: G\(index)\(index > 0 ? ", parent: g\(index - 1)" : ", parent: g2999")}")
        }
        lines.append("  - {id: leaf, name: Leaf, parent: g2999, headcount: 5}")
        let messages = Fixture.messages(["teams.yaml": lines.joined(separator: "\n") + "\n"])
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("teams.yaml:2:5: error: the team tree has a cycle: g0 → g2999 → g2998") == true)
    }

    @Test("front matter in a CRLF file is read")
    func crlfFrontMatter() {
        let data = "period,team,metric,value\n2026-Q1,platform,cycle_time,2\n"
        let load = Fixture.load(["data/v.csv": data, "narratives/org/2026-Q1.md": "---\r\ntitle: T\r\nbogus: 1\r\n---\r\nbody\r\n"])
        #expect(load.diagnostics.map(\.description) == [
            "narratives/org/2026-Q1.md:3:1: warning: unknown key 'bogus' in front matter is ignored",
        ])
        #expect(load.content.narratives.first?.title == "T")
        #expect(load.content.narratives.first?.body.markdown == "body\n")
    }

    @Test("a CSV with lone CR line endings reads as lines")
    func crOnly() {
        let load = Fixture.load(["data/v.csv": "period,team,metric,value\r2026-Q1,platform,cycle_time,2\r2026-Q1,payments,cycle_time,x\r"])
        #expect(load.diagnostics.map(\.description) == ["data/v.csv:3:29: error: value must be a number, found 'x'"])
        #expect(load.content.observations.count == 1)
    }

    @Test("an unclosed quote in YAML is reported where it opens")
    func unclosedQuote() {
        let messages = Fixture.messages(["site.yaml": "title: T\norganization: Acme\ndescription: \"never closed\n"])
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("site.yaml:3:14: error: YAML syntax: while scanning a quoted scalar, found unexpected end of stream") == true)
    }

    @Test("a content folder reached through a symbolic link loads")
    func symlink() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("discern-link-\(UUID().uuidString)")
        let real = root.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        for (name, text) in Fixture.base { try text.write(to: real.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let link = root.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let load = ContentLoader(source: .disk(link)).load()
        #expect(load.diagnostics.isEmpty)
        #expect(load.content.organization.teams.count == 4)
    }
}

@Suite("Extreme input")
struct ExtremeInputTests {
    @Test("values beyond ±1e15 are refused; -0 and denormals load")
    func magnitudes() {
        let csv = "period,team,metric,value\n2026-Q1,platform,cycle_time,1e308\n2026-Q2,platform,cycle_time,-0\n2026-Q3,platform,cycle_time,4.9e-324\n"
        let load = Fixture.load(["data/v.csv": csv])
        #expect(load.diagnostics.map(\.description) == [
            "data/v.csv:2:29: error: value must be between -1e15 and 1e15, found '1e308'",
        ])
        #expect(load.content.observations.count == 2)
    }

    @Test("a wholly wrong file stops after 100 errors instead of printing them all")
    func errorLimit() {
        let rows = (0..<5000).map { "2026-Q1,nobody\($0),cycle_time,1" }.joined(separator: "\n")
        let messages = Fixture.messages(["data/v.csv": "period,team,metric,value\n" + rows + "\n"])
        #expect(messages.count == 100)
        #expect(messages.last == "data/v.csv:101:9: error: too many errors in this file; stopping after 100")
    }

    @Test("a bidirectional override in a YAML name is replaced at load, with a warning")
    func bidiInName() {
        let teams = Fixture.teams.replacingOccurrences(of: "name: Payments", with: "name: \"Pay\\u202Ements\"")
        #expect(teams != Fixture.teams)
        let load = Fixture.load(["teams.yaml": teams + "\n"])
        #expect(load.diagnostics.map(\.description) == [
            "teams.yaml:9:11: warning: 'name' contains control characters, bidirectional overrides or noncharacters; "
                + "they are shown as \u{FFFD}",
        ])
        #expect(load.content.organization.teams.contains { $0.name == "Pay\u{FFFD}ments" })
    }

    @Test("control characters in input never reach a diagnostic")
    func controlCharacters() {
        let messages = Fixture.messages(["data/v.csv": "period,team,metric,value\n2026-Q1,a\u{1}b\u{7}c,cycle_time,1\n"])
        #expect(messages == ["data/v.csv:2:9: error: unknown team 'a\u{FFFD}b\u{FFFD}c'"])
    }
}

@Suite("Size limits")
struct SizeLimitTests {
    @Test("a 10 MB narrative is refused with a clear message, before it is read")
    func hugeNarrative() {
        let data = "period,team,metric,value\n2026-Q1,platform,cycle_time,2\n"
        let narrative = String(repeating: "Words and {{ value cycle_time }} ", count: 330_000)
        let messages = Fixture.messages(["data/v.csv": data, "narratives/org/2026-Q1.md": narrative])
        #expect(messages == ["narratives/org/2026-Q1.md:1:1: error: file is 10 MB; Discern reads files of this kind up to 1 MB. Shorten it"])
    }

    @Test("data files are limited to 64 MB")
    func limits() {
        #expect(ContentLoader.sizeLimit(for: "data/big.csv") == 64 << 20)
        #expect(ContentLoader.sizeLimit(for: "teams.yaml") == 4 << 20)
    }
}

@Suite("One broken catalog, one error")
struct CascadeTests {
    @Test("a YAML syntax error in metrics.yaml is not followed by an error for every metric reference")
    func brokenMetrics() {
        let load = Fixture.load([
            "metrics.yaml": "metrics:\n  - {id: a, name: Fluency: x}\n",
            "data/v.csv": "period,team,metric,value\n2026-Q1,platform,cycle_time,2\n2026-Q1,nobody,cycle_time,2\n",
            "narratives/org/2026-Q1.md": "---\nhighlights: [cycle_time]\n---\n",
        ])
        #expect(load.diagnostics.map(\.description) == [
            "data/v.csv:3:9: error: unknown team 'nobody'",
            "metrics.yaml:2:26: error: YAML syntax: while parsing a flow mapping, did not find expected ',' or '}'",
        ])
        #expect(load.unreadable == ["metrics.yaml"])
    }

    @Test("a YAML syntax error in teams.yaml is not followed by an error for every team a narrative names")
    func brokenTeams() {
        let load = Fixture.load([
            "teams.yaml": "teams:\n  - {id: ops, name: Ops: x}\n",
            "narratives/org/2026-Q1.md": "Ops: {{ value cycle_time team=ops }}.\n\n```table\nmetric: cycle_time\nteams: [ops]\n```\n",
            "narratives/teams/ops/2026-Q1.md": "Ops.\n",
        ])
        let errors = load.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 1 && errors[0].hasPrefix("teams.yaml:2:"), "\(errors)")
        #expect(load.unreadable == ["teams.yaml"])
    }
}
