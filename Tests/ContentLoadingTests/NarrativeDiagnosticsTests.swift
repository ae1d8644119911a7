import Testing
import ReportModel
@testable import ContentLoading

@Suite("Narratives: file names and front matter")
struct NarrativeDiagnosticsTests {
    let data = "period,team,metric,value\n2026-Q1,platform,cycle_time,2\n2026-Q2,platform,cycle_time,2\n"

    @Test("front matter is read and the body keeps its line number")
    func frontMatter() {
        let text = "---\ntitle: Platform in Q2\nhighlights: [cycle_time, csat]\ndate: 2026-07-01\n---\n# Heading\n"
        let load = Fixture.load(["data/v.csv": data, "narratives/teams/platform/2026-Q2.md": text])
        #expect(load.diagnostics.isEmpty)
        let narrative = load.content.narratives[0]
        #expect(narrative.scope == .team("platform"))
        #expect(narrative.period.description == "2026-Q2")
        #expect(narrative.title == "Platform in Q2")
        #expect(narrative.highlights == ["cycle_time", "csat"])
        #expect(narrative.body.markdown == "# Heading\n")
        #expect(narrative.bodyLine == 6)
    }

    @Test("narratives for unknown teams and periods, and odd paths, are errors")
    func paths() {
        let messages = Fixture.messages([
            "data/v.csv": data,
            "narratives/teams/platfrom/2026-Q2.md": "x",
            "narratives/org/2027-Q1.md": "x",
            "narratives/org/Q2.md": "x",
            "narratives/platform.md": "x",
        ])
        #expect(messages == [
            "narratives/org/2027-Q1.md:1:1: error: narrative for period 2027-Q1, which has no data; the data covers 2026-Q1 to 2026-Q2",
            "narratives/org/Q2.md:1:1: error: narrative file name: malformed period 'Q2'; expected YYYY-Qn, like 2026-Q3",
            "narratives/platform.md:1:1: error: narrative path not understood; expected narratives/org/<YYYY-Qn>.md or narratives/teams/<team id>/<YYYY-Qn>.md",
            "narratives/teams/platfrom/2026-Q2.md:1:1: error: narrative for unknown team 'platfrom'; did you mean 'platform'?",
        ])
    }

    @Test("front-matter problems are reported at the file's own lines")
    func frontMatterProblems() {
        let text = "---\ntitle: T\nhighlight: [csat]\nhighlights: [cycle_tme]\ndate: July\n---\nBody\n"
        #expect(Fixture.messages(["data/v.csv": data, "narratives/org/2026-Q1.md": text]) == [
            "narratives/org/2026-Q1.md:3:1: warning: unknown key 'highlight' in front matter is ignored; did you mean 'highlights'?",
            "narratives/org/2026-Q1.md:4:14: error: unknown metric 'cycle_tme' in highlights; did you mean 'cycle_time'?",
            "narratives/org/2026-Q1.md:5:7: warning: date 'July' is not written YYYY-MM-DD",
        ])
        let broken = "---\ntitle: T\nsummary: [oops\n---\n"
        let messages = Fixture.messages(["data/v.csv": data, "narratives/org/2026-Q1.md": broken])
        #expect(messages.count == 1)
        #expect(messages[0].hasPrefix("narratives/org/2026-Q1.md:4:1: error: YAML syntax:"))
        #expect(Fixture.messages(["data/v.csv": data, "narratives/org/2026-Q1.md": "---\ntitle: T\n"]) == [
            "narratives/org/2026-Q1.md:1:1: error: front matter opened with '---' on line 1 is not closed; add a '---' line after it",
        ])
    }

    @Test("all problems across files are reported in one run, sorted")
    func allAtOnce() {
        let messages = Fixture.messages([
            "data/v.csv": "period,team,metric,value\n2026-Q1,nobody,cycle_time,x\n",
            "narratives/teams/ghost/2026-Q1.md": "x",
        ])
        #expect(messages == [
            "data/v.csv:2:9: error: unknown team 'nobody'",
            "data/v.csv:2:27: error: value must be a number, found 'x'",
            "narratives/teams/ghost/2026-Q1.md:1:1: error: narrative for unknown team 'ghost'",
        ])
    }
}
