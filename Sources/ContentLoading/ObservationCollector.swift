import Formatting
import ReportModel

/// Gathers observations from data files, checking each against the organization and
/// the metric catalog, and refusing duplicates across all files.
struct ObservationCollector {
    let organization: Organization
    /// The catalog's ids as text, to check cells and column names against.
    let metricIDs: [String]
    private let knownMetrics: Set<String>
    /// The metrics declared `uncertainty: given`, whose rows may carry `ci_low`, `ci_high`, `sd`.
    let givenMetrics: Set<MetricID>
    private(set) var observations: [Observation] = []
    private var firstSeen: [ValueKey: SourceLocation] = [:]


    /// Whether observations are kept, or only their keys, to find duplicates: a query's
    /// result is checked as it streams in, and never held whole.
    var keepsObservations = true
    /// How a duplicate's message names the place of the first: its location, or for a
    /// query's result, its row.
    var place: @Sendable (SourceLocation) -> String = { $0.description }

    /// Whether unknown ids are reported: not when their catalog could not be read.
    let checksTeams: Bool
    let checksMetrics: Bool

    init(organization: Organization, metrics: [Metric], checksTeams: Bool = true, checksMetrics: Bool = true) {
        self.organization = organization
        self.metricIDs = metrics.map(\.id.rawValue)
        self.knownMetrics = Set(metricIDs)
        self.givenMetrics = Set(metrics.filter { $0.uncertainty == .given }.map(\.id))
        self.checksTeams = checksTeams
        self.checksMetrics = checksMetrics
    }

    /// Past 100 errors in one file its remaining rows are skipped (`DiagnosticLog`).
    var log = DiagnosticLog()

    mutating func report(_ diagnostic: Diagnostic) {
        log.report(diagnostic)
    }

    /// Whether a file has reached the error limit, so reading it further is wasted work.
    func isSaturated(_ file: String) -> Bool {
        log.isSaturated(file)
    }

    /// A period cell, or nil after reporting why not.
    mutating func period(_ text: String, at location: SourceLocation) -> Period? {
        if let period = Period(text.trimmingSpaces) {
            if SiteSettings.years.contains(period.year) { return period }
            report(.error("period \(period) is outside \(SiteSettings.years.lowerBound)–\(SiteSettings.years.upperBound); is the year a typo?", at: location))
            return nil
        }
        report(.error(Period.problem(text), at: location))
        return nil
    }

    /// A team cell: a declared team or group, or `org` for the whole organization.
    mutating func scope(_ text: String, at location: SourceLocation) -> Scope? {
        let id = text.trimmingSpaces
        if id == Scope.organizationID { return .organization }
        if organization.contains(TeamID(id)) { return .team(TeamID(id)) }
        if PersonIdentifier.looksLikeEmail(id) {
            report(.error(PersonIdentifier.emailMessage, at: location))
        } else if id.isEmpty {
            report(.error("missing team id", at: location))
        } else if checksTeams {
            report(.unknown(.team, "unknown team '\(Excerpt.of(id))'" + Suggestion.hint(for: id, in: organization.suggestableIDs),
                          at: location))
        }
        return nil
    }

    /// A metric id, from a cell or a column name.
    mutating func metric(_ text: String, at location: SourceLocation) -> MetricID? {
        let id = text.trimmingSpaces
        if knownMetrics.contains(id) { return MetricID(id) }
        guard checksMetrics else { return nil }
        report(.unknown(.metric, "unknown metric '\(Excerpt.of(id))'" + Suggestion.hint(for: id, in: metricIDs), at: location))
        return nil
    }

    /// A value cell: a number, blank (missing, never zero), or invalid after an error.
    mutating func value(_ text: String, at location: SourceLocation) -> CellContent<Double> {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return .blank }
        switch NumberText.parse(trimmed) {
        case .success(let value): return .value(value)
        case .failure(let problem):
            report(.error("value \(problem.message(for: trimmed))", at: location))
            return .invalid
        }
    }

    /// An `n` cell: the number of people behind a value.
    mutating func count(_ text: String, at location: SourceLocation) -> CellContent<Int> {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return .blank }
        if let n = Int(trimmed), (0...SiteSettings.largestCount).contains(n) { return .value(n) }
        report(.error("n must be a whole number of people from 0 to \(SiteSettings.largestCount), found '\(Excerpt.of(trimmed))'", at: location))
        return .invalid
    }

    /// Adds an observation unless the same period, team and metric was already given.
    mutating func add(_ observation: Observation) {
        let key = observation.key
        if let first = firstSeen[key] {
            report(.error(
                "duplicate value for \(observation.metric), \(observation.scope), \(observation.period); "
                    + "first given at \(place(first))",
                at: observation.location))
            return
        }
        firstSeen[key] = observation.location
        if keepsObservations { observations.append(observation) }
    }
}
