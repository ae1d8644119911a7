import ReportModel

/// Every page the site has, and where it is written. Links between pages are relative
/// and name `index.html` explicitly, so the site works from `file://` and any sub-path.
public enum PageAddress: Hashable, Sendable {
    case home
    case organization(Period)
    case teams
    /// A team's or group's latest quarter.
    case team(TeamID)
    case teamPeriod(TeamID, Period)
    case metrics
    case metric(MetricID)
    case usageVsOutcomes
    case methodology
    case notFound
    /// A deck theme's one page: every slide.
    case deck

    /// The output path, relative to the site root.
    var path: String {
        switch self {
        case .home: "index.html"
        case .organization(let period): "org/\(period)/index.html"
        case .teams: "teams/index.html"
        case .team(let id): "teams/\(id)/index.html"
        case .teamPeriod(let id, let period): "teams/\(id)/\(period)/index.html"
        case .metrics: "metrics/index.html"
        case .metric(let id): "metrics/\(id)/index.html"
        case .usageVsOutcomes: "usage-vs-outcomes/index.html"
        case .methodology: "methodology/index.html"
        case .notFound: "404.html"
        case .deck: "index.html"
        }
    }

    /// The way back to the site root from this page: `""`, `"../"`, `"../../"`, …
    var root: String {
        String(repeating: "../", count: path.utf8.count { $0 == UInt8(ascii: "/") })
    }

    /// The page for a scope in a quarter; the organization's pages live under `org/`.
    static func scope(_ scope: Scope, _ period: Period) -> PageAddress {
        switch scope {
        case .organization: .organization(period)
        case .team(let id): .teamPeriod(id, period)
        }
    }

    /// The folder the page sits in, relative to the site root: `""` for the root's pages,
    /// else ending in `/` (`teams/platform/2026-Q3/`).
    var folder: String {
        path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
    }

    /// The folder this page writes its standalone chart files to: its own, beside its
    /// `index.html` (a page bundle). Nil for pages that write none of their own, the
    /// latest-quarter copies among them: they link to their quarter's files.
    var chartFolder: String? {
        switch self {
        case .organization, .teamPeriod, .metric, .usageVsOutcomes, .deck: folder
        default: nil
        }
    }

    /// The page for a scope's latest quarter.
    static func latest(_ scope: Scope) -> PageAddress {
        switch scope {
        case .organization: .home
        case .team(let id): .team(id)
        }
    }
}
