/// Everything read from a content folder, validated: the input to analysis.
public struct ReportContent: Sendable {
    public var site: SiteSettings
    public var organization: Organization
    /// Metrics in declaration order.
    public var metrics: [Metric]
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
        self.wholes = wholes
        self.observations = observations
        self.narratives = narratives
    }

    public func metric(_ id: MetricID) -> Metric? {
        metrics.first { $0.id == id }
    }
}
