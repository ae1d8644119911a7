import Formatting
import ReportModel
import Yams

extension ContentLoader {
    static let siteKeys = ["title", "organization", "description", "privacy", "allow_raw_html", "theme", "language", "banner", "lints", "fluency", "sources", "min_teams_for_correlation"]
    static let privacyKeys = ["min_group_size", "protection"]
    static let lintsKeys = ["off"]
    static let fluencyKeys = ["capabilities", "levels"]

    /// `site.yaml`: title, organization, description, the page banner, privacy, lints, fluency
    /// the queries' sources, and the fewest teams for a correlation.
    func loadSite(_ text: String?, diagnostics: inout DiagnosticLog) -> SiteSettings {
        var site = SiteSettings()
        guard let text, let yaml = YAMLMapping.document(text, file: "site.yaml", diagnostics: &diagnostics) else {
            return site
        }
        yaml.warnUnknownKeys(Self.siteKeys, in: "site.yaml", diagnostics: &diagnostics)
        if let title = yaml.string("title", diagnostics: &diagnostics) { site.title = title }
        if let organization = yaml.string("organization", diagnostics: &diagnostics) { site.organization = organization }
        site.description = yaml.string("description", diagnostics: &diagnostics)
        site.theme = yaml.string("theme", diagnostics: &diagnostics)
        if site.theme != nil { site.themeLocation = yaml.node("theme").map(yaml.location(of:)) }
        if let language = yaml.string("language", diagnostics: &diagnostics) { site.language = language }
        // A blank banner is no banner: an empty notice box on every page says nothing.
        if let banner = yaml.string("banner", diagnostics: &diagnostics), !banner.allSatisfy(\.isWhitespace) {
            site.banner = banner
        }
        if let allow = yaml.choice("allow_raw_html", as: YAMLBool.self, diagnostics: &diagnostics) {
            site.allowRawHTML = allow == .true
        }
        if let privacy = yaml.mapping("privacy", diagnostics: &diagnostics) {
            privacy.warnUnknownKeys(Self.privacyKeys, in: "privacy", diagnostics: &diagnostics)
            if let size = privacy.integer("min_group_size", in: 1...Int.max, diagnostics: &diagnostics) {
                if size < SiteSettings.lowestMinGroupSize {
                    diagnostics.report(.error(
                        "min_group_size \(size) is below \(SiteSettings.lowestMinGroupSize), the lowest Discern allows: "
                            + "groups that small let readers identify people",
                        at: privacy.location(of: privacy.node("min_group_size")!)))
                } else {
                    site.minGroupSize = size
                }
            }
            if let percent = privacy.number("protection", diagnostics: &diagnostics) {
                if (1...50).contains(percent) {
                    site.protection = percent / 100
                } else {
                    diagnostics.report(.error(
                        "protection is a percentage of a hidden value, from 1 to 50; found \(percent)",
                        at: privacy.location(of: privacy.node("protection")!)))
                }
            }
        }
        // Fisher's interval for r needs at least 4 teams; the message says "4 or more".
        if let teams = yaml.integer("min_teams_for_correlation", in: SiteSettings.lowestMinTeamsForCorrelation...Int.max,
                                    diagnostics: &diagnostics) {
            site.minTeamsForCorrelation = teams
        }
        if let lints = yaml.mapping("lints", diagnostics: &diagnostics) {
            lints.warnUnknownKeys(Self.lintsKeys, in: "lints", diagnostics: &diagnostics)
            site.lintsOff = loadLintsOff(lints.mapping("off", diagnostics: &diagnostics), diagnostics: &diagnostics)
        }
        if let fluency = yaml.mapping("fluency", diagnostics: &diagnostics) {
            loadFluency(fluency, into: &site, diagnostics: &diagnostics)
        }
        if let sources = yaml.mapping("sources", diagnostics: &diagnostics) {
            site.sources = loadSources(sources, diagnostics: &diagnostics)
        }
        return site
    }

    /// `fluency:`: `capabilities:` maps each of the six capabilities to a metric id or a
    /// list of them; `levels:` lists the level-share metrics, lowest first. The ids are
    /// checked against the catalog once it is read (`checkFluency`).
    private func loadFluency(_ fluency: YAMLMapping, into site: inout SiteSettings, diagnostics: inout DiagnosticLog) {
        fluency.warnUnknownKeys(Self.fluencyKeys, in: "fluency", diagnostics: &diagnostics)
        var scorecard = FluencyScorecard()
        func ids(_ key: String, in mapping: YAMLMapping) -> [MetricID] {
            guard let node = mapping.node(key) else { return [] }
            let items: [Node] = if case .sequence(let sequence) = node { Array(sequence) } else { [node] }
            return items.compactMap { item in
                guard case .scalar(let scalar) = item, !scalar.string.isEmpty else {
                    diagnostics.report(.error("'\(key)' must be a metric id or a list of them", at: mapping.location(of: item)))
                    return nil
                }
                // Checked against the catalog, and dropped if unknown, once it is read (`checkFluency`).
                let id = MetricID(scalar.string)
                site.fluencyLocations[id] = site.fluencyLocations[id] ?? mapping.location(of: item)
                return id
            }
        }
        if let capabilities = fluency.mapping("capabilities", diagnostics: &diagnostics) {
            let names = FluencyScorecard.Capability.allCases.map(\.rawValue)
            capabilities.warnUnknownKeys(names, in: "fluency capabilities (the six are \(names.joined(separator: ", ")))",
                                         diagnostics: &diagnostics)
            for capability in FluencyScorecard.Capability.allCases {
                let metrics = ids(capability.rawValue, in: capabilities)
                if !metrics.isEmpty { scorecard.capabilities.append((capability, metrics)) }
            }
        }
        scorecard.levels = ids("levels", in: fluency)
        site.fluency = scorecard
    }

    /// Drops the scorecard's unknown metric ids, with an error at each.
    static func checkFluency(_ site: inout SiteSettings, metrics: [Metric], diagnostics: inout DiagnosticLog) {
        guard var scorecard = site.fluency else { return }
        let known = Set(metrics.map(\.id))
        for id in scorecard.metricIDs where !known.contains(id) {
            diagnostics.report(.error("unknown metric '\(Excerpt.of(id.rawValue))' in fluency"
                                      + Suggestion.hint(for: id.rawValue, in: metrics.map(\.id.rawValue)),
                                      at: site.fluencyLocations[id] ?? SourceLocation(file: "site.yaml")))
        }
        scorecard.capabilities = scorecard.capabilities.compactMap { entry in
            let metrics = entry.metrics.filter(known.contains)
            return metrics.isEmpty ? nil : (entry.capability, metrics)
        }
        scorecard.levels = scorecard.levels.filter(known.contains)
        site.fluency = scorecard
    }

    /// `lints: off:`, a mapping of rule id (or name) to the reason it is off. A rule is never
    /// silenced without a reason, because the methodology page shows it to readers.
    private func loadLintsOff(_ off: YAMLMapping?, diagnostics: inout DiagnosticLog) -> [String: String] {
        guard let off else { return [:] }
        var reasons: [String: String] = [:]
        let ids = LintRule.all.map(\.id)
        for key in off.keys {
            let location = off.location(ofKey: key)
            // A rule may be named by id or by name; it is kept by id.
            guard let id = LintRule.all.first(where: { $0.id == key || $0.name == key })?.id else {
                let hint = Suggestion.hint(for: key, in: ids + LintRule.all.map(\.name))
                diagnostics.report(.error("unknown lint rule '\(Excerpt.of(key))'"
                                          + (hint.isEmpty ? "; the rules are \(ids.joined(separator: ", "))" : hint),
                                          at: location))
                continue
            }
            // An absent value and a blank one are the same mistake; a list is reported by `string`.
            let reason = off.node(key) == nil ? "" : off.string(key, diagnostics: &diagnostics)
            guard let reason else { continue }
            guard !reason.allSatisfy({ $0.isWhitespace }) else {
                diagnostics.report(.error("lint rule \(id) is switched off without a reason; write `\(id): <why>`, "
                                          + "which the methodology page shows", at: location))
                continue
            }
            reasons[id] = reason
        }
        return reasons
    }
}

/// `true` or `false`, as YAML writes them.
enum YAMLBool: String, CaseIterable {
    case `true`, `false`
}
