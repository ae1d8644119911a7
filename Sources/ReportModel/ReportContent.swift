/// Everything read from a content folder, validated: the input to analysis.
package struct ReportContent: Sendable {
    package var site: SiteSettings
    package var organization: Organization
    /// Metrics in declaration order.
    package var metrics: [Metric]
    package var observations: [Observation]
    package var narratives: [Narrative]

    package init(site: SiteSettings, organization: Organization, metrics: [Metric],
                observations: [Observation], narratives: [Narrative] = []) {
        self.site = site
        self.organization = organization
        self.metrics = metrics
        self.observations = observations
        self.narratives = narratives
    }

    package func metric(_ id: MetricID) -> Metric? {
        metrics.first { $0.id == id }
    }
}
