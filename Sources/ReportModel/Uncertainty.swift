extension Metric {
    /// How sure a metric's values are, as `metrics.yaml` declares with `uncertainty:`;
    /// it says which 95% interval its values carry.
    public enum Uncertainty: String, CaseIterable, Sendable {
        /// A share of people (a survey's "% who agree"), from its `n`: Wilson's interval.
        case wilson
        /// A count of events (incidents): Garwood's exact Poisson interval.
        case poisson
        /// Intervals given in the data: `ci_low` and `ci_high`, or `sd` with `n`.
        case given
        /// `none`: census data, every licensed person or every change counted, so there
        /// is no sampling noise to show.
        case census = "none"
    }
}
