/// Metrics that are parts of one whole, as declared under `wholes:` in `metrics.yaml`:
/// for every team and quarter that has all of them, they add up to `total` (the four
/// fluency levels are shares of respondents that add up to 100%).
///
/// Privacy protects a whole as one row: a part hidden for a team is otherwise the total
/// less the team's visible parts.
public struct MetricWhole: Hashable, Sendable {
    public let id: String
    public let parts: [MetricID]
    public let total: Double
    public let location: SourceLocation

    public init(id: String, parts: [MetricID], total: Double, location: SourceLocation = SourceLocation(file: "metrics.yaml")) {
        self.id = id
        self.parts = parts
        self.total = total
        self.location = location
    }
}
