import ContentLoading
import ReportModel

/// What a source reader builds up while it reads: the roll-up, the diagnostics, and
/// the counts the summary reports. People appear in it only as numbers.
package struct ImportRun: Sendable {
    package var diagnostics = DiagnosticLog()
    package var rollUp = QuarterlyRollUp()
    package var people = PersonIndex()
    /// People counted in at least one team.
    var mapped: Set<Int> = []
    /// People with records that no team claims.
    var unmapped: Set<Int> = []
    /// GitHub team slugs or attribute values in the input that the mapping lacks: groups,
    /// never people, so that a message may name them.
    var unmatchedGroups: Set<String> = []
    /// The team each person was put in per quarter, to refuse anyone put in two.
    var placements = TeamPlacements()
    /// Records (rows, days, lines) read.
    var records = 0
    /// Records left out because the same person and day (or team and day) came before.
    package var repeats = 0

    package init() {}
}
