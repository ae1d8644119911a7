import ReportModel

extension ContentLoader {
    static let siteKeys = ["title", "organization", "description", "privacy", "allow_raw_html", "theme", "language"]
    static let privacyKeys = ["min_group_size"]

    /// `site.yaml`: title, organization, description, privacy.min_group_size.
    func loadSite(_ text: String?, diagnostics: inout [Diagnostic]) -> SiteSettings {
        var site = SiteSettings()
        guard let text, let yaml = YAMLMapping.document(text, file: "site.yaml", diagnostics: &diagnostics) else {
            return site
        }
        yaml.warnUnknownKeys(Self.siteKeys, in: "site.yaml", diagnostics: &diagnostics)
        if let title = yaml.string("title", diagnostics: &diagnostics) { site.title = title }
        if let organization = yaml.string("organization", diagnostics: &diagnostics) { site.organization = organization }
        site.description = yaml.string("description", diagnostics: &diagnostics)
        site.theme = yaml.string("theme", diagnostics: &diagnostics)
        if let language = yaml.string("language", diagnostics: &diagnostics) { site.language = language }
        if let allow = yaml.choice("allow_raw_html", as: YAMLBool.self, diagnostics: &diagnostics) {
            site.allowRawHTML = allow == .true
        }
        if let privacy = yaml.mapping("privacy", diagnostics: &diagnostics) {
            privacy.warnUnknownKeys(Self.privacyKeys, in: "privacy", diagnostics: &diagnostics)
            if let size = privacy.integer("min_group_size", in: 1...Int.max, diagnostics: &diagnostics) {
                if size < SiteSettings.lowestMinGroupSize {
                    diagnostics.append(.error(
                        "min_group_size \(size) is below \(SiteSettings.lowestMinGroupSize), the lowest Discern allows: "
                            + "groups that small let readers identify people",
                        at: privacy.location(of: privacy.node("min_group_size")!)))
                } else {
                    site.minGroupSize = size
                }
            }
        }
        return site
    }
}

/// `true` or `false`, as YAML writes them.
enum YAMLBool: String, CaseIterable {
    case `true`, `false`
}
