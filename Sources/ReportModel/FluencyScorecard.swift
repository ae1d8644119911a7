/// The judgment view: which metrics measure each of the six capabilities of good AI
/// use, and which give the spread of a team's fluency levels. Set in `site.yaml` under
/// `fluency:`; a site without it shows judgment metrics as cards only.
public struct FluencyScorecard: Hashable, Sendable {
    /// The six capabilities from the product brief, in its order. Anthropic's 4D
    /// framework (Delegation, Description, Discernment, Diligence) maps onto four.
    public enum Capability: String, CaseIterable, Hashable, Sendable {
        case useCases = "use_cases"
        case prompting
        case assessment
        case workflow
        case learning
        case ethics

        /// How the scorecard names it.
        public var title: String {
            switch self {
            case .useCases: "Choosing the right use cases"
            case .prompting: "Prompting and refining output"
            case .assessment: "Checking accuracy and bias"
            case .workflow: "Building AI into workflows, with measured gains"
            case .learning: "Learning and adapting"
            case .ethics: "Ethics and data privacy"
            }
        }
    }

    /// Each capability with the ids of the metrics that measure it, in capability order;
    /// capabilities nothing measures are left out.
    public var capabilities: [(capability: Capability, metrics: [MetricID])]
    /// Metric ids whose values are shares of a team at each fluency level, lowest level
    /// first: stacked, they show the distribution.
    public var levels: [MetricID]

    public init(capabilities: [(capability: Capability, metrics: [MetricID])] = [], levels: [MetricID] = []) {
        self.capabilities = capabilities
        self.levels = levels
    }

    public static func == (lhs: FluencyScorecard, rhs: FluencyScorecard) -> Bool {
        lhs.levels == rhs.levels && lhs.capabilities.map(\.capability) == rhs.capabilities.map(\.capability)
            && lhs.capabilities.map(\.metrics) == rhs.capabilities.map(\.metrics)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(levels)
        for entry in capabilities {
            hasher.combine(entry.capability)
            hasher.combine(entry.metrics)
        }
    }

    /// Every metric id it names, for checking them against the catalog.
    public var metricIDs: [MetricID] { capabilities.flatMap(\.metrics) + levels }
}
