import ReportModel
import Testing

@Suite("Metric ids")
struct MetricIDTests {
    @Test("a metric id prints exactly as it was written")
    func printsAsWritten() {
        let id: MetricID = "cycle_time"
        #expect(id.description == "cycle_time")
        #expect("\(id)" == "cycle_time")
        #expect(MetricID("cycle_time") == id)
    }

    @Test("a metric id sorts and hashes like its text")
    func sortsAndHashesLikeText() {
        let ids: [MetricID] = ["weekly_active", "cycle_time", "Zeta", "defect_rate"]
        #expect(ids.sorted().map(\.rawValue) == ids.map(\.rawValue).sorted())
        #expect(MetricID("cycle_time").hashValue == "cycle_time".hashValue)
    }
}
