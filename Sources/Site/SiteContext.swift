import Analysis
import ReportModel

/// The services one build shares, passed down instead of kept in globals (as Hugo's
/// `deps` does): the analysed report, the theme and the options.
struct SiteContext: Sendable {
    let report: Report
    let theme: Theme
    let options: BuildOptions

    init(report: Report, theme: Theme, options: BuildOptions) {
        self.report = report
        self.theme = theme
        self.options = options
    }

    var site: SiteSettings { report.site }
    var organization: Organization { report.organization }

    /// What a scope is called on a page.
    func name(of scope: Scope) -> String {
        switch scope {
        case .organization: site.organization
        case .team(let id): organization.team(id)?.name ?? id.rawValue
        }
    }

    /// A relative link from one page to another.
    func link(from page: PageAddress, to target: PageAddress) -> String {
        page.root + target.path
    }

    /// The visible members of a scope, in declaration order.
    func visibleMembers(of scope: Scope) -> [Team] {
        organization.children(of: scope).filter { report.isVisible(.team($0.id)) }
    }

    /// The metrics of a category that have a reading for a scope in a quarter.
    func metrics(in category: Metric.Category, for scope: Scope, in period: Period) -> [Metric] {
        report.metrics.filter { $0.category == category && report.reading($0.id, for: scope, in: period) != nil }
    }
}
