import Testing
import ReportModel
@testable import ContentLoading

@Suite("Blocks repeated across narratives")
struct DistinctBlocksTests {
    let blocks = DistinctBlocks()
    let metrics = [Metric(id: "cycle_time", name: "Cycle time", category: .outcome)]
    let organization = Organization(name: "Org", teams: [Team(id: "a", name: "A", headcount: 9)], minimumGroupSize: 5)

    func read(_ kind: BlockSpec.Kind, body: String, file: String, bodyLine: Int, metrics: [Metric],
              organization: Organization) -> (BlockSpec?, [Diagnostic]) {
        var diagnostics = DiagnosticLog()
        let spec = blocks.read(kind, body: body, file: file, bodyLine: bodyLine, metrics: metrics,
                               organization: organization, diagnostics: &diagnostics)
        return (spec, diagnostics.all)
    }

    @Test("a repeated block reads to the same spec, located where each copy is")
    func repeated() {
        let body = "type: line\nmetric: cycle_time\n"
        let (first, firstProblems) = read(.chart, body: body, file: "narratives/org/2025-Q1.md", bodyLine: 10,
                                                 metrics: metrics, organization: organization)
        let (second, secondProblems) = read(.chart, body: body, file: "narratives/teams/a/2025-Q2.md", bodyLine: 4,
                                                   metrics: metrics, organization: organization)
        #expect(firstProblems.isEmpty && secondProblems.isEmpty)
        #expect(first?.chartType == .line && second?.chartType == .line && second?.metrics == ["cycle_time"])
        #expect(first?.location == SourceLocation(file: "narratives/org/2025-Q1.md", line: 9, column: 1))
        #expect(second?.location == SourceLocation(file: "narratives/teams/a/2025-Q2.md", line: 3, column: 1))
    }

    @Test("a block with a problem is reported at every copy, not remembered")
    func problemsRepeat() {
        let body = "type: line\nmetric: cycle_tme\n"
        for (file, line) in [("narratives/org/2025-Q1.md", 5), ("narratives/org/2025-Q2.md", 8)] {
            let (spec, problems) = read(.chart, body: body, file: file, bodyLine: line, metrics: metrics, organization: organization)
            #expect(spec == nil || !problems.isEmpty)
            #expect(problems.map(\.location.file) == [file] && problems.first?.location.line == line + 1)
            #expect(problems.first?.message.contains("unknown metric 'cycle_tme'") == true)
        }
    }
}
