import Formatting
import ReportModel

/// A catalog file, `teams.yaml` or `metrics.yaml`: a list of entries under one key, each
/// a mapping declaring an `id` once. A second declaration of an id is an error that
/// points at the first.
struct CatalogFile {
    /// What an entry declares, for messages: "team", "metric".
    let kind: String
    let entries: [YAMLMapping]
    /// The whole file, for keys beside the list (`otherKeys`).
    let document: YAMLMapping
    private var firstLocation: [String: SourceLocation] = [:]

    /// Reads a file shaped `key: [{...}, {...}]`, warning about unknown keys at both
    /// levels. Nil when the file could not be read at all (absent, unreadable, or not YAML).
    init?(_ key: String, in text: String?, file: String, kind: String, keys: [String], otherKeys: [String] = [],
          diagnostics: inout DiagnosticLog) {
        guard let text, let yaml = YAMLMapping.document(text, file: file, diagnostics: &diagnostics) else { return nil }
        self.kind = kind
        document = yaml
        yaml.warnUnknownKeys([key] + otherKeys, in: file, diagnostics: &diagnostics)
        guard let items = yaml.sequence(key, diagnostics: &diagnostics) else {
            yaml.missing(key, file, diagnostics: &diagnostics)
            entries = []
            return
        }
        entries = items.compactMap { item in
            let mapping = YAMLMapping(item, file: file, lineOffset: 0, what: "a \(kind)", diagnostics: &diagnostics)
            mapping?.warnUnknownKeys(keys, in: "a \(kind)", diagnostics: &diagnostics)
            return mapping
        }
    }

    /// Whether `entry`'s id is declared here for the first time; a repeat is reported at
    /// the entry's `id`, to be left out.
    mutating func declare(_ id: String, in entry: YAMLMapping, diagnostics: inout DiagnosticLog) -> Bool {
        let location = entry.location(of: entry.node("id")!)
        if let first = firstLocation[id] {
            diagnostics.report(.error("duplicate \(kind) id '\(Excerpt.of(id))'; first declared at \(first)", at: location))
            return false
        }
        firstLocation[id] = location
        return true
    }
}
