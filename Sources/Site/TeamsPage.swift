import ReportModel

/// `teams/index.html`: the tree of visible groups and teams.
struct TeamsPage {
    let context: SiteContext

    func render() -> RenderedPage {
        let address = PageAddress.teams
        let main: HTML = "<header class=\"page-header\"><h1>Teams</h1><p class=\"summary\">Every group and team in the report. Teams of fewer than \(String(context.site.minGroupSize)) people are reported only within their group.</p></header>\n"
            + "<ul class=\"tree\">\(branch(.organization, address))</ul>\n"
        let crumbs: HTML = "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\"><ol><li><a href=\"\(context.link(from: address, to: .home))\">\(context.name(of: .organization))</a></li><li aria-current=\"page\">Teams</li></ol></nav>\n"
        return RenderedPage(address: address, html: context.shell(address, title: "Teams", pageClass: "page-teams",
                                                                  breadcrumbs: crumbs, main: main))
    }

    private func branch(_ scope: Scope, _ address: PageAddress) -> HTML {
        var html = HTML.empty
        for team in context.visibleMembers(of: scope) {
            let child = Scope.team(team.id)
            let people = context.report.visibleHeadcount(of: child)
            let members = context.visibleMembers(of: child)
            var count = "\(people) people"
            if context.organization.isGroup(team.id) { count += ", \(members.count) \(members.count == 1 ? "member" : "members") shown" }
            html += "<li><a href=\"\(context.link(from: address, to: .team(team.id)))\">\(team.name)</a> <span class=\"count\">\(count)</span>"
            if !members.isEmpty { html += "<ul>\(branch(child, address))</ul>" }
            html += "</li>"
        }
        return html
    }
}
