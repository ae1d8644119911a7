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
    /// The team each person was put in per quarter, to refuse anyone put in two.
    var placements = TeamPlacements()
    /// Records (rows, days, lines) read.
    var records = 0
    /// Records left out because the same person and day (or team and day) came before.
    package var repeats = 0

    package init() {}
}
