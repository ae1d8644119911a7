/// A judgment rule `discern check` applies to what a report claims, beyond whether its
/// content is well-formed: the report's point of view (outcomes lead, usage is context,
/// people are never ranked) turned into findings an analyst can act on.
///
/// The catalog lives here, beside `Diagnostic`, because three stages need it: loading
/// (to check the rules `site.yaml` switches off), linting, and the methodology page that
/// explains every rule.
public struct LintRule: Hashable, Sendable, Identifiable {
    /// Stable: `D101`…; site.yaml and CI scripts refer to rules by it.
    public let id: String
    /// A short kebab-case name, for people reading a list.
    public let name: String
    /// A finding's severity before `--strict`: a warning, or a note for prompts.
    public let severity: Diagnostic.Severity
    /// What the rule checks, in one sentence.
    public let summary: String
    /// Why it matters, for the methodology page.
    public let explanation: String

    public static let usageLeads = LintRule(
        id: "D101", name: "usage-leads", severity: .warning,
        summary: "A page leads with a usage metric (its first highlight or first KPI) and shows no outcome or quality metric beside it.",
        explanation: "Usage is context, not impact. Prompts, active users and acceptance rates are easy to count and say "
            + "little about value; a page that opens with them invites readers to judge AI by how much it is used. "
            + "Lead with an outcome or quality metric, and keep usage beside it as context.")

    public static let usageTarget = LintRule(
        id: "D102", name: "usage-target", severity: .warning,
        summary: "A usage metric has a target.",
        explanation: "When a measure becomes a target, it ceases to be a good measure (Goodhart's law, as DORA warns for "
            + "its own metrics). A usage target rewards shallow use and \"AI workslop\" rather than good judgment. "
            + "Set targets on outcomes and quality; report usage without one.")

    public static let selfReportedAlone = LintRule(
        id: "D103", name: "self-reported-alone", severity: .warning,
        summary: "A self-reported metric (such as time saved) has values for a team and quarter with no system-measured outcome beside them.",
        explanation: "People misjudge what AI does for them: in METR's 2025 randomized trial, experienced developers were "
            + "19% slower with AI while believing they were 20% faster. A self-reported gain is a perception; show it "
            + "beside an outcome measured by a system (lead time, resolution rate, satisfaction) for the same team and quarter.")

    public static let noBaseline = LintRule(
        id: "D104", name: "no-baseline", severity: .warning,
        summary: "An outcome or quality metric has no baseline quarter.",
        explanation: "Without a baseline there is nothing to measure a change against, so the report cannot claim "
            + "an improvement. Set `baseline:` to the last quarter before AI tools were rolled out.")

    public static let usageWithoutOutcomes = LintRule(
        id: "D105", name: "usage-without-outcomes", severity: .warning,
        summary: "A team has usage data for a quarter but no outcome or quality data for it.",
        explanation: "Usage alone cannot show impact. For a quarter where a team's usage is reported, report at least "
            + "one outcome or quality metric too, or leave the usage out.")

    public static let bareNumber = LintRule(
        id: "D106", name: "bare-number", severity: .warning,
        summary: "A narrative paragraph that names a metric states its value as a literal instead of a live value.",
        explanation: "Every number in the prose should come from the data. A typed-in number goes stale when the data is "
            + "corrected; `{{ value metric }}` keeps it in sync.")

    public static let namesIndividuals = LintRule(
        id: "D107", name: "names-individuals", severity: .warning,
        summary: "Something ranks or names individuals: a front-matter list of people, or a metric that ranks them.",
        explanation: "Discern reports teams, never individuals. Rankings of people and lists of names turn an impact "
            + "report into surveillance, and they erode the trust the survey metrics depend on.")

    public static let worseWhileUsageRose = LintRule(
        id: "D108", name: "worse-while-usage-rose", severity: .note,
        summary: "An outcome or quality metric got worse by 5% or more of its previous value in a quarter in which the team's usage rose by 5% or more.",
        explanation: "Not an error: a prompt for the narrative. DORA 2024 found each 25% rise in AI adoption went with "
            + "1.5% lower throughput and 7.2% lower stability; when a team's usage rises while an outcome falls, the "
            + "narrative should say why. These are listed in the build summary, and a prompt goes away once the "
            + "quarter's narrative mentions the metric.")

    public static let noNoiseRule = LintRule(
        id: "D109", name: "no-noise-rule", severity: .note,
        summary: "A metric declares neither `uncertainty:` nor `min_change:`, and the report calls one of its changes better or worse.",
        explanation: "Not an error: a prompt. Discern calls a change better or worse only when it is beyond noise: when the "
            + "interval of the difference excludes zero, or when it is at least the metric's `min_change`. A metric "
            + "that declares neither has its changes judged however small they are, as before, so a move of a tenth of "
            + "a day can read as better. Declare `uncertainty:` (wilson for a share of people with n, poisson for a count, "
            + "given for intervals in the data, none for census data) or `min_change:`, the smallest change that matters "
            + "in the metric's unit.")

    /// Every rule, in id order.
    public static let all: [LintRule] = [
        usageLeads, usageTarget, selfReportedAlone, noBaseline,
        usageWithoutOutcomes, bareNumber, namesIndividuals, worseWhileUsageRose, noNoiseRule,
    ]

    /// The rule with an id, if there is one.
    static func rule(_ id: String) -> LintRule? {
        all.first { $0.id == id }
    }

    /// A finding of this rule, at its default severity.
    public func finding(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity, at: location, message, rule: id)
    }
}
