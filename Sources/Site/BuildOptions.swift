/// What a build is asked for, beyond the content itself.
public struct BuildOptions: Sendable {
    /// The URL (or root path) the site is served from, ending in `/`, used only where a
    /// relative link will not do (the canonical link, the 404 page). Nil keeps every
    /// link relative.
    var baseURL: String?
    /// A date to print in the footer, from `SOURCE_DATE_EPOCH`; nil prints none, so
    /// that builds stay byte-identical.
    var generated: String?
    /// Where to add up time per stage, for `--timings`; nil measures nothing.
    var timings: StageTimings?
    /// What the site is made from; a build from the same inputs as the last one, into a
    /// site found intact, leaves it in place (see `UnchangedSite`). Nil never does.
    var inputs: BuildInputs?

    public init(baseURL: BaseURL? = nil, generated: String? = nil, timings: StageTimings? = nil, inputs: BuildInputs? = nil) {
        self.baseURL = baseURL?.text
        self.generated = generated
        self.timings = timings
        self.inputs = inputs
    }
}
