/// Everything read from a content folder, validated: the input to analysis.
public struct ReportContent: Sendable {
    public var site: SiteSettings
    public var organization: Organization
    /// Metrics in declaration order.
    public var metrics: [Metric] {
        didSet { metricIndex = Self.index(metrics) }
    }
    /// Where each metric sits in `metrics`: pages ask for a metric by id thousands of
    /// times a build, and a scan compared strings each time.
    private var metricIndex: [MetricID: Int]
    /// Metrics that are parts of one whole, as `metrics.yaml` declares them.
    public var wholes: [MetricWhole]
    public var observations: [Observation]
    public var narratives: [Narrative]
    /// What earlier releases published (`releases/*.json`), oldest quarter first.
    public var releases: [ReleaseLedger] = []

    public init(site: SiteSettings, organization: Organization, metrics: [Metric], wholes: [MetricWhole] = [],
                observations: [Observation], narratives: [Narrative] = []) {
        self.site = site
        self.organization = organization
        self.metrics = metrics
        metricIndex = Self.index(metrics)
        self.wholes = wholes
        self.observations = observations
        self.narratives = narratives
    }

    public func metric(_ id: MetricID) -> Metric? {
        metricIndex[id].map { metrics[$0] }
    }

    /// The first of each id, as a scan would find it.
    private static func index(_ metrics: [Metric]) -> [MetricID: Int] {
        Dictionary(metrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
