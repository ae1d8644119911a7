import ReportModel

extension ContentLoader {
    /// The settings in a `site.yaml`, read exactly as a build reads them. Lets
    /// `discern import` apply the folder's `privacy.min_group_size` without loading the
    /// rest of the content.
    package static func siteSettings(fromYAML text: String, diagnostics: inout DiagnosticLog) -> SiteSettings {
        ContentLoader(source: .memory([:])).loadSite(text, diagnostics: &diagnostics)
    }

    /// The ids declared in a `teams.yaml` (teams and groups), or nil when the file cannot
    /// be read; lets an import warn about a mapping to a team the report does not know.
    package static func teamIDs(fromYAML text: String) -> Set<String>? {
        var diagnostics = DiagnosticLog()
        guard let teams = ContentLoader(source: .memory([:])).loadTeams(text, minimumGroupSize: 1, diagnostics: &diagnostics) else {
            return nil
        }
        return Set(teams.map(\.id.rawValue))
    }
}

extension ContentLoader {
    /// The teams in a `teams.yaml` as id and name, or nil when the file cannot be read;
    /// lets a survey import accept a team answered by its name.
    package static func teamNames(fromYAML text: String) -> [(id: String, name: String)]? {
        var diagnostics = DiagnosticLog()
        guard let teams = ContentLoader(source: .memory([:])).loadTeams(text, minimumGroupSize: 1, diagnostics: &diagnostics) else {
            return nil
        }
        return teams.map { ($0.id.rawValue, $0.name) }
    }
}

extension ContentLoader {
    /// Each team's headcount in a `teams.yaml` (groups, which carry none, left out), or
    /// nil when the file cannot be read; what a per-engineer rate or a team-level event
    /// count divides by, and the people a team's event values stand for.
    package static func teamHeadcounts(fromYAML text: String) -> [String: Int]? {
        var diagnostics = DiagnosticLog()
        guard let teams = ContentLoader(source: .memory([:])).loadTeams(text, minimumGroupSize: 1, diagnostics: &diagnostics) else {
            return nil
        }
        return Dictionary(teams.compactMap { team in team.headcount.map { (team.id.rawValue, $0) } },
                          uniquingKeysWith: { first, _ in first })
    }
}
