import ReportModel

extension ContentLoader {
    /// The settings in a `site.yaml`, read exactly as a build reads them, with the
    /// problems found. Lets `discern import` apply the folder's `privacy.min_group_size`
    /// without loading the rest of the content.
    package static func siteSettings(fromYAML text: String) -> (SiteSettings, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let site = ContentLoader(source: .memory([:])).loadSite(text, diagnostics: &diagnostics)
        return (site, diagnostics)
    }

    /// The ids declared in a `teams.yaml` (teams and groups), or nil when the file cannot
    /// be read; lets an import warn about a mapping to a team the report does not know.
    package static func teamIDs(fromYAML text: String) -> Set<String>? {
        var diagnostics: [Diagnostic] = []
        guard let teams = ContentLoader(source: .memory([:])).loadTeams(text, minimumGroupSize: 1, diagnostics: &diagnostics) else {
            return nil
        }
        return Set(teams.map(\.id.rawValue))
    }
}
