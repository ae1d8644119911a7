import Analysis
import ContentLoading
import ReportModel
@testable import Review
import Testing
import TestSupport

@Suite("Published numbers that differ between two versions")
struct PublishedDiffTests {
    /// A content folder with one group of two teams and a team of its own; `data` is
    /// the CSV body after its header `period,team,metric,value,n`.
    static func numbers(teams: String = "{id: a, name: Alpha, headcount: 8}, {id: b, name: Beta, headcount: 9}",
                        data: String, metrics: String? = nil) -> PublishedNumbers {
        let catalog = metrics ?? """
              - {id: m, name: Lead time, category: outcome, unit: days, better: lower, aggregate: mean}
              - {id: s, name: Survey, category: sentiment, unit: "%", better: higher, aggregate: mean, format: percent, decimals: 0}
            """
        let load = ContentLoader(source: .fixture("""
            -- site.yaml --
            title: T
            organization: Acme
            -- teams.yaml --
            teams: [\(teams)]
            -- metrics.yaml --
            metrics:
            \(catalog)
            -- data/v.csv --
            period,team,metric,value,n
            \(data)
            """)).load()
        precondition(!load.diagnostics.hasErrors, "\(load.diagnostics)")
        return PublishedNumbers(report: Report(content: load.content))
    }

    static let base = "2026-Q1,a,m,2.0,\n2026-Q1,b,m,3.0,\n2026-Q1,a,s,70,8\n2026-Q1,b,s,60,9"

    @Test("a removed value reads 'old → —', and the roll-up it fed changes too")
    func removed() {
        let old = Self.numbers(data: Self.base)
        let new = Self.numbers(data: "2026-Q1,b,m,3.0,\n2026-Q1,a,s,70,8\n2026-Q1,b,s,60,9")
        let diff = PublishedDiff(old: old, new: new)
        #expect(diff.changes.map { "\($0.scopeName) \($0.metricName): \(PublishedChange.words($0.old)) → \(PublishedChange.words($0.new))" }
                == ["Acme Lead time: 2.5 days → 3.0 days", "Alpha Lead time: 2.0 days → —"])
        #expect(diff.countLine == "2 published numbers change in the organization and 1 team.")
    }

    @Test("teams that grow past the minimum group size read 'suppressed → new'")
    func published() {
        // Alpha (3 people) and Gamma (4) are too small to show; together they are enough
        // to keep Acme's mean from giving either away. Both grow and show.
        let small = "{id: a, name: Alpha, headcount: 3}, {id: b, name: Beta, headcount: 9}, {id: c, name: Gamma, headcount: 4}"
        let grown = "{id: a, name: Alpha, headcount: 6}, {id: b, name: Beta, headcount: 9}, {id: c, name: Gamma, headcount: 5}"
        let data = "2026-Q1,a,m,2.0,\n2026-Q1,b,m,3.0,\n2026-Q1,c,m,4.0,"
        let diff = PublishedDiff(old: Self.numbers(teams: small, data: data), new: Self.numbers(teams: grown, data: data))
        #expect(diff.text() == """
            Period   Scope  Metric     Old          New
            2026-Q1  Alpha  Lead time  suppressed → 2.0 days
            2026-Q1  Gamma  Lead time  suppressed → 4.0 days

            2 published numbers change in 2 teams.

            """)
    }

    @Test("a value hidden for too few respondents reads 'old → suppressed'; hidden on both sides, it is not listed")
    func fewRespondents() {
        let old = Self.numbers(data: Self.base)
        let new = Self.numbers(data: "2026-Q1,a,m,2.0,\n2026-Q1,b,m,3.0,\n2026-Q1,a,s,71,4\n2026-Q1,b,s,60,9")
        let diff = PublishedDiff(old: old, new: new)
        let lines = diff.changes.map { "\($0.scope) \($0.metric): \(PublishedChange.words($0.old)) → \(PublishedChange.words($0.new))" }
        // Alpha's 4 respondents are too few; Beta is hidden too, so Acme's mean cannot
        // give Alpha's value away, and Acme's mean moves from 65% to 66%.
        #expect(lines == ["org s: 65% → 66%", "a s: 70% → suppressed", "b s: 60% → suppressed"])
        #expect(!diff.text().contains("71"))
        #expect(PublishedDiff(old: new, new: new).changes.isEmpty)
    }

    @Test("order: quarter, then scope as the new version lists them, then metric in the new catalog's order")
    func order() {
        let data = "2026-Q1,a,m,2.0,\n2026-Q1,b,m,3.0,\n2026-Q2,a,m,2.0,\n2026-Q2,b,m,3.0,\n2026-Q2,a,s,70,8"
        let old = Self.numbers(data: data)
        let swapped = """
              - {id: s, name: Survey, category: sentiment, unit: "%", better: higher, aggregate: mean, format: percent, decimals: 0}
              - {id: m, name: Lead time, category: outcome, unit: days, better: lower, aggregate: mean}
            """
        let changed = "2026-Q1,a,m,2.2,\n2026-Q1,b,m,3.0,\n2026-Q2,a,m,2.2,\n2026-Q2,b,m,3.2,\n2026-Q2,a,s,75,8"
        let new = Self.numbers(teams: "{id: b, name: Beta, headcount: 9}, {id: a, name: Alpha, headcount: 8}", data: changed, metrics: swapped)
        let keys = PublishedDiff(old: old, new: new).changes.map { "\($0.period) \($0.scope) \($0.metric)" }
        #expect(keys == ["2026-Q1 org m", "2026-Q1 a m", "2026-Q2 org s", "2026-Q2 org m", "2026-Q2 b m", "2026-Q2 a s", "2026-Q2 a m"])
    }

    @Test("names that carry markup or terminal control codes are escaped in Markdown and made printable in text")
    func hostileNames() {
        let old = Self.numbers(data: Self.base)
        let new = Self.numbers(teams: "{id: a, name: \"Al|pha <b>*x*\", headcount: 8}, {id: b, name: \"Be\\u001B[31mta\\u202E\", headcount: 9}",
                               data: "2026-Q1,a,m,2.1,\n2026-Q1,b,m,3.1,\n2026-Q1,a,s,70,8\n2026-Q1,b,s,60,9")
        let diff = PublishedDiff(old: old, new: new)
        #expect(diff.markdown().contains("| 2026-Q1 | Al\\|pha \\<b\\>\\*x\\* | Lead time | 2.0 days | 2.1 days |"))
        let text = diff.text()
        #expect(text.contains("Be\u{FFFD}[31mta\u{FFFD}"))
        #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}"))
    }

    @Test("the count line says what changed where, in words")
    func countLine() {
        let old = Self.numbers(data: Self.base)
        #expect(PublishedDiff(old: old, new: old).countLine == "No published number changes.")
        let oneTeam = Self.numbers(data: "2026-Q1,a,m,2.0,\n2026-Q1,b,m,3.0,\n2026-Q1,a,s,70,8\n2026-Q1,b,s,60,9\n2026-Q2,a,m,2.0,")
        let diff = PublishedDiff(old: old, new: oneTeam)
        #expect(diff.countLine == "2 published numbers change in the organization and 1 team.")
    }
}
