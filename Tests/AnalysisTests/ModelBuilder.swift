import ReportModel
@testable import Analysis

/// Builds report content in memory, without the loader or the disk.
struct ModelBuilder {
    var teams: [Team] = []
    var metrics: [Metric] = []
    var observations: [Observation] = []
    var minGroupSize = 5

    mutating func team(_ id: TeamID, parent: TeamID? = nil, headcount: Int? = nil) {
        teams.append(Team(id: id, name: "Team " + id.rawValue, parent: parent, headcount: headcount))
    }

    mutating func metric(_ id: MetricID, _ aggregate: Metric.Aggregation = .mean, better: Metric.Direction = .higher,
                         target: Double? = nil, baseline: String? = nil, minN: Int? = nil) {
        metrics.append(Metric(id: id, name: id.rawValue, category: .outcome, unit: "", better: better, aggregate: aggregate,
                              target: target, baseline: baseline.flatMap { Period($0) }, minN: minN))
    }

    mutating func value(_ metric: MetricID, _ scope: String, _ value: Double, n: Int? = nil, period: String = "2026-Q1") {
        let scope: Scope = scope == "org" ? .organization : .team(TeamID(scope))
        observations.append(Observation(period: Period(period)!, scope: scope, metric: metric, value: value, n: n))
    }

    var content: ReportContent {
        var site = SiteSettings()
        site.minGroupSize = minGroupSize
        return ReportContent(site: site, organization: Organization(name: "Acme", teams: teams, minimumGroupSize: minGroupSize),
                             metrics: metrics, observations: observations)
    }

    var report: Report { Report(content: content) }
}

let q1 = Period("2026-Q1")!
let q2 = Period("2026-Q2")!
