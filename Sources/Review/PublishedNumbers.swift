import Analysis
import Formatting
import ReportModel

/// Every number a site built from one version of the content shows, as it shows it:
/// for each listed quarter, each scope that may be shown and each metric, the value
/// written by `ValueFormatter`, or that it is suppressed.
///
/// Values come only through `Report`, so a hidden value is never held here, and
/// neither is a suppressed team's name: only its id, to tell a team that became too
/// small (its numbers are now suppressed) from one that was removed (they are gone).
public struct PublishedNumbers: Sendable {
    /// How one number appears on the site.
    public enum Shown: Hashable, Sendable {
        /// Shown, as written on the site: `3.4 days`, `82.0%`.
        case value(String)
        /// The site says "suppressed" where the number would be, or the scope has no
        /// page because it is too small.
        case suppressed
        /// Nothing is shown: no value, no such team, metric or quarter.
        case absent

        /// Whether a number is shown.
        var isValue: Bool {
            if case .value = self { return true }
            return false
        }
    }

    /// Whether a scope is the organization, a group or a team.
    public enum Kind: String, Hashable, Sendable {
        case organization, group, team
    }

    private var shown: [ValueKey: Shown] = [:]
    /// For numbers shown differently since a release of their quarter, the released
    /// number, as the site writes it.
    private(set) var restated: [ValueKey: String] = [:]
    /// Teams and groups in the tree that may not be shown.
    let suppressed: Set<TeamID>
    /// The organization, then every node of the tree in the order the site lists them.
    let scopes: [Scope]
    /// Metric ids in catalog order.
    let metrics: [MetricID]
    /// The quarters the site lists.
    let periods: Set<Period>
    /// Names and kinds of the scopes that may be shown.
    let names: [Scope: String]
    let kinds: [Scope: Kind]
    let metricNames: [MetricID: String]

    public init(report: Report) {
        let visible = [Scope.organization] + report.visibleTeams.map { Scope.team($0.id) }
        for period in report.periods {
            for scope in visible {
                for metric in report.metrics {
                    guard let reading = report.reading(metric.id, for: scope, in: period) else { continue }
                    let key = ValueKey(scope, metric.id, period)
                    shown[key] = reading.value.map { .value(ValueFormatter.value($0, for: metric)) } ?? .suppressed
                    if let released = report.restatement(metric.id, for: scope, in: period) {
                        restated[key] = ValueFormatter.value(released, for: metric)
                    }
                }
            }
        }
        let organization = report.organization
        suppressed = Set(organization.teams.map(\.id).filter { !report.isVisible(.team($0)) })
        scopes = [.organization] + organization.teams.map { .team($0.id) }
        metrics = report.metrics.map(\.id)
        periods = Set(report.periods)
        var names: [Scope: String] = [.organization: report.site.organization]
        var kinds: [Scope: Kind] = [.organization: .organization]
        for team in report.visibleTeams {
            names[.team(team.id)] = team.name
            kinds[.team(team.id)] = organization.isGroup(team.id) ? .group : .team
        }
        self.names = names
        self.kinds = kinds
        metricNames = Dictionary(report.metrics.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// How a metric appears for a scope in a quarter. A suppressed team's numbers
    /// count as suppressed, whether or not it had data, in every listed quarter and
    /// for every metric the catalog still has.
    func shown(_ key: ValueKey) -> Shown {
        if let id = key.scope.teamID, suppressed.contains(id) {
            return periods.contains(key.period) && metricNames[key.metric] != nil ? .suppressed : .absent
        }
        return shown[key] ?? .absent
    }

    /// The numbers shown, by quarter, scope and metric.
    var keys: Dictionary<ValueKey, Shown>.Keys { shown.keys }
}
