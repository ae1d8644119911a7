import Formatting
import ReportModel
import Yams

/// The spec `discern import events` reads an event export by: which column dates each
/// row, which names its team (or its person), and which metrics to compute.
///
/// ```yaml
/// date: {column: finished_at, format: iso8601}     # or a strftime-style pattern, see DateFormat
/// team: {column: service}                          # or {person: author, mapping: people.csv}
/// metrics:
///   - id: deployment_frequency
///     statistic: count_per_week     # count | count_per_week | sum | mean | median | share
///     better: higher                # higher | lower | neutral: required, never guessed
///     where: {status: success, environment: [production, prod]}
///   - id: change_failure_rate
///     statistic: share              # 100 × rows matching where and of ÷ rows matching where
///     better: lower
///     where: {environment: production}
///     of: {caused_incident: "true"}
///   - id: time_to_restore
///     statistic: median
///     better: lower
///     duration: {from: opened_at, to: resolved_at, unit: hours}   # minutes | hours | days
///     date: {column: resolved_at}   # this metric's rows fall in the quarter they were resolved
///   - id: story_points
///     statistic: sum
///     better: neutral
///     value: points                 # a numeric column, for sum, mean and median
///     unit: story points            # required with value
/// ```
///
/// Each metric may also give `name` (default: its id in words), `category` (default
/// `outcome`), `unit` (default: `per quarter` for count, `per week`, `%` for share, the
/// duration's unit), `decimals`, `description` and `aggregate` (default `sum` for counts
/// and sums, `weighted_mean` otherwise). `where` and `of` match every column they name
/// (all of them), a list being any of its values; cells and values compare trimmed and
/// without regard to case, and `""` matches a blank cell. Every date column of the file
/// is read in the top `date`'s format unless a metric's own `date` gives another.
///
/// Read here, beside the other YAML Discern reads, so every problem has its
/// `line:column`; unknown keys are errors, since an ignored `were:` would count every
/// row. A team column, `where` or `of` on a column naming people (`author`, `email`, the
/// person column) is refused: Discern reports teams, never one person. Columns are
/// checked against the export by the importer, at the spec's lines.
package struct EventSpec: Sendable {
    /// A column the spec names, and where: one the export lacks is reported there.
    package struct Column: Hashable, Sendable {
        package var name: String
        package var location: SourceLocation
    }

    /// The column that puts a row in a quarter, and how its cells are written.
    package struct DateSource: Sendable {
        package var column: Column
        package var format: DateFormat
    }

    /// Where a row's team comes from.
    package enum TeamSource: Sendable {
        /// A column of Discern team ids or team names.
        case column(Column)
        /// A column naming a person, and a person-to-team CSV (a path relative to the spec).
        case person(Column, mapping: String)
    }

    /// Rows whose cell in `column` is one of `values` (folded by `fold`).
    package struct Condition: Sendable {
        package var column: Column
        package var values: Set<String>
        /// The values as the spec writes them, for descriptions.
        package var written: [String]
    }

    package enum Statistic: String, CaseIterable, Sendable {
        case count
        case countPerWeek = "count_per_week"
        case sum, mean, median, share
    }

    package enum DurationUnit: String, CaseIterable, Sendable {
        case minutes, hours, days

        package var seconds: Double {
            switch self {
            case .minutes: 60
            case .hours: 3600
            case .days: 86_400
            }
        }
    }

    /// What sum, mean and median take from each row.
    package enum Measure: Sendable {
        case value(Column)
        case duration(from: Column, to: Column, unit: DurationUnit)
    }

    /// One metric of the spec, its defaults filled in.
    package struct EventMetric: Sendable {
        package var id: MetricID
        package var name: String
        package var category: Metric.Category
        package var better: Metric.Direction
        package var unit: String
        package var decimals: Int?
        package var description: String
        package var aggregate: Metric.Aggregation
        package var statistic: Statistic
        package var conditions: [Condition]
        /// For share: what the counted share of the rows matching `conditions` must match.
        package var share: [Condition]
        package var measure: Measure?
        /// The column that puts this metric's rows in a quarter.
        package var date: DateSource
        package var location: SourceLocation
    }

    package var file: String
    package var date: DateSource
    package var team: TeamSource
    package var metrics: [EventMetric]

    /// How cells and `where` values compare: trimmed, lowercased.
    package static func fold(_ text: String) -> String {
        text.trimmingSpaces.lowercased()
    }

    /// Reads a spec; nil (with every error reported) when it cannot be used.
    package static func parse(_ text: String, file: String, diagnostics: inout DiagnosticLog) -> EventSpec? {
        let errorsBefore = diagnostics.all.filter { $0.severity == .error }.count
        guard let root = YAMLMapping.document(text, file: file, diagnostics: &diagnostics) else { return nil }
        root.refuseUnknownKeys(["date", "team", "metrics"], in: "the spec", diagnostics: &diagnostics)

        var date: DateSource?
        if let mapping = root.mapping("date", diagnostics: &diagnostics) {
            date = dateSource(mapping, inheriting: nil, diagnostics: &diagnostics)
        } else {
            root.missing("date", "the spec", diagnostics: &diagnostics)
        }

        var team: TeamSource?
        if let mapping = root.mapping("team", diagnostics: &diagnostics) {
            mapping.refuseUnknownKeys(["column", "person", "mapping"], in: "'team'", diagnostics: &diagnostics)
            let column = mapping.string("column", diagnostics: &diagnostics)
            let person = mapping.string("person", diagnostics: &diagnostics)
            let path = mapping.string("mapping", diagnostics: &diagnostics)
            switch (column, person, path) {
            case (let column?, nil, nil) where PersonIdentifier.isIdentifierColumn(column):
                diagnostics.error("'team' column '\(Excerpt.of(column))' names people, not teams; write "
                    + "team: {person: \(Excerpt.of(column)), mapping: people.csv} to map them to teams",
                    at: mapping.location(of: mapping.node("column")!))
            case (let column?, nil, nil):
                team = .column(Column(name: column, location: mapping.location(of: mapping.node("column")!)))
            case (nil, let person?, let path?):
                team = .person(Column(name: person, location: mapping.location(of: mapping.node("person")!)), mapping: path)
            default:
                diagnostics.error("'team' needs 'column' (a column of team ids or names), or 'person' and 'mapping' "
                    + "(a column naming people, and a person-to-team CSV beside the spec)", at: mapping.location)
            }
        } else {
            root.missing("team", "the spec", diagnostics: &diagnostics)
        }

        var metrics: [EventMetric] = []
        if let items = root.sequence("metrics", diagnostics: &diagnostics) {
            var seen: Set<MetricID> = []
            for item in items {
                guard let entry = YAMLMapping(item, file: file, lineOffset: 0, what: "a metric", diagnostics: &diagnostics),
                      let metric = eventMetric(entry, date: date, team: team, diagnostics: &diagnostics) else { continue }
                guard seen.insert(metric.id).inserted else {
                    diagnostics.error("metric '\(metric.id)' is defined twice; give each metric one entry",
                                      at: entry.location(of: entry.node("id")!))
                    continue
                }
                metrics.append(metric)
            }
            if items.isEmpty {
                diagnostics.error("'metrics' is empty: list at least one", at: root.location(ofKey: "metrics"))
            }
        } else {
            root.missing("metrics", "the spec", diagnostics: &diagnostics)
        }

        guard let date, let team, diagnostics.all.filter({ $0.severity == .error }).count == errorsBefore else { return nil }
        return EventSpec(file: file, date: date, team: team, metrics: metrics)
    }

    /// `{column: …, format: …}`; a metric's own date takes the spec's format unless it gives one.
    private static func dateSource(_ mapping: YAMLMapping, inheriting inherited: DateFormat?,
                                   diagnostics: inout DiagnosticLog) -> DateSource? {
        mapping.refuseUnknownKeys(["column", "format"], in: "'date'", diagnostics: &diagnostics)
        let column = mapping.string("column", required: "'date'", diagnostics: &diagnostics)
        var format = inherited ?? .iso8601
        if let text = mapping.string("format", diagnostics: &diagnostics) {
            switch DateFormat.parse(text) {
            case .success(let parsed): format = parsed
            case .failure(let problem):
                diagnostics.error(problem.message, at: mapping.location(of: mapping.node("format")!))
                return nil
            }
        }
        return column.map { DateSource(column: Column(name: $0, location: mapping.location(of: mapping.node("column")!)),
                                       format: format) }
    }

    private static func eventMetric(_ entry: YAMLMapping, date: DateSource?, team: TeamSource?,
                                    diagnostics: inout DiagnosticLog) -> EventMetric? {
        let errorsBefore = diagnostics.all.filter { $0.severity == .error }.count
        entry.refuseUnknownKeys(["id", "name", "category", "better", "unit", "decimals", "description", "aggregate",
                                 "statistic", "where", "of", "value", "duration", "date"],
                                in: "a metric", diagnostics: &diagnostics)
        let id = entry.slug("id", required: "a metric", diagnostics: &diagnostics)
        let statistic = entry.choice("statistic", as: Statistic.self, required: "a metric", diagnostics: &diagnostics)
        let better = entry.node("better") == nil
            ? nil : entry.choice("better", as: Metric.Direction.self, diagnostics: &diagnostics)
        if entry.node("better") == nil {
            diagnostics.error("a metric is missing required field 'better' (higher, lower or neutral): which way is "
                + "better cannot be guessed, fewer incidents but more deployments", at: entry.location)
        }
        let category = entry.node("category") == nil
            ? .outcome : entry.choice("category", as: Metric.Category.self, diagnostics: &diagnostics)
        let aggregate = entry.node("aggregate") == nil
            ? nil : entry.choice("aggregate", as: Metric.Aggregation.self, diagnostics: &diagnostics)
        let decimals = entry.integer("decimals", in: 0...6, diagnostics: &diagnostics)
        var person: String?
        if case .person(let column, _) = team { person = column.name }
        let conditions = self.conditions(entry, key: "where", person: person, diagnostics: &diagnostics)
        let share = self.conditions(entry, key: "of", person: person, diagnostics: &diagnostics)
        var metricDate = date
        if let mapping = entry.mapping("date", diagnostics: &diagnostics) {
            metricDate = dateSource(mapping, inheriting: date?.format, diagnostics: &diagnostics)
        }

        var measure: Measure?
        if let column = entry.string("value", diagnostics: &diagnostics) {
            measure = .value(Column(name: column, location: entry.location(of: entry.node("value")!)))
        }
        if let mapping = entry.mapping("duration", diagnostics: &diagnostics) {
            mapping.refuseUnknownKeys(["from", "to", "unit"], in: "'duration'", diagnostics: &diagnostics)
            let from = mapping.string("from", required: "'duration'", diagnostics: &diagnostics)
            let to = mapping.string("to", required: "'duration'", diagnostics: &diagnostics)
            let unit = mapping.node("unit") == nil
                ? .hours : mapping.choice("unit", as: DurationUnit.self, diagnostics: &diagnostics)
            if let from, let to, let unit {
                if measure != nil {
                    diagnostics.error("give 'value' or 'duration', not both", at: entry.location(ofKey: "duration"))
                }
                measure = .duration(from: Column(name: from, location: mapping.location(of: mapping.node("from")!)),
                                    to: Column(name: to, location: mapping.location(of: mapping.node("to")!)), unit: unit)
            }
        }

        if let statistic {
            let what = "statistic '\(statistic.rawValue)'"
            switch statistic {
            case .sum, .mean, .median:
                if entry.node("value") == nil, entry.node("duration") == nil {
                    diagnostics.error("\(what) needs 'value' (a numeric column) or 'duration' ({from:, to:, unit:})",
                                      at: entry.location(ofKey: "statistic"))
                }
            case .count, .countPerWeek, .share:
                for key in ["value", "duration"] where entry.node(key) != nil {
                    diagnostics.error("\(what) counts rows and takes no '\(key)'; use sum, mean or median for a column",
                                      at: entry.location(ofKey: key))
                }
            }
            if statistic == .share, entry.node("of") == nil {
                diagnostics.error("statistic 'share' needs 'of': the rows, among those matching 'where', whose share "
                    + "is counted, such as of: {caused_incident: \"true\"}", at: entry.location(ofKey: "statistic"))
            }
            if statistic != .share, entry.node("of") != nil {
                diagnostics.error("'of' is for statistic 'share' only", at: entry.location(ofKey: "of"))
            }
        }
        var unit = entry.string("unit", diagnostics: &diagnostics)
        if unit == nil, case .value = measure {
            diagnostics.error("a metric with 'value' needs 'unit': what the column counts, such as \"story points\"",
                              at: entry.location)
        }

        guard let id, let statistic, let better, let category, let metricDate, let team,
              diagnostics.all.filter({ $0.severity == .error }).count == errorsBefore else { return nil }
        if unit == nil {
            switch (statistic, measure) {
            case (.count, _): unit = "per quarter"
            case (.countPerWeek, _): unit = "per week"
            case (.share, _): unit = "%"
            case (_, .duration(_, _, let durationUnit)): unit = durationUnit.rawValue
            default: unit = ""
            }
        }
        let words = id.split(separator: "_").joined(separator: " ")
        let name = entry.string("name", diagnostics: &diagnostics) ?? words.prefix(1).uppercased() + words.dropFirst()
        let description = entry.string("description", diagnostics: &diagnostics)
            ?? Self.description(statistic: statistic, conditions: conditions, share: share, measure: measure,
                                date: metricDate, team: team)
        return EventMetric(
            id: MetricID(id), name: name, category: category, better: better, unit: unit ?? "", decimals: decimals,
            description: description,
            aggregate: aggregate ?? ([.count, .countPerWeek, .sum].contains(statistic) ? .sum : .weightedMean),
            statistic: statistic, conditions: conditions, share: share, measure: measure, date: metricDate,
            location: entry.location)
    }

    /// `where:` or `of:`: column to a value or a list of values (any of them). A column
    /// naming people is refused: a metric of one person's rows is what Discern never gives,
    /// and the value would reach the metric's description.
    private static func conditions(_ entry: YAMLMapping, key: String, person: String?,
                                   diagnostics: inout DiagnosticLog) -> [Condition] {
        guard let mapping = entry.mapping(key, diagnostics: &diagnostics) else { return [] }
        var conditions: [Condition] = []
        for column in mapping.keys {
            let at = mapping.location(ofKey: column)
            if PersonIdentifier.isIdentifierColumn(column) || person.map(PersonIdentifier.fold) == PersonIdentifier.fold(column) {
                diagnostics.error("'\(key)' may not select rows by '\(Excerpt.of(column))': it names people, and Discern "
                    + "reports teams, never one person", at: at)
                continue
            }
            var values: [String] = []
            switch mapping.node(column) {
            case nil:
                diagnostics.error("'\(key)' gives no value for '\(Excerpt.of(column))'; write \"\" to match a blank cell",
                                  at: at)
                continue
            case .sequence(let items):
                for item in items {
                    guard case .scalar(let scalar) = item, !PersonIdentifier.looksLikeEmail(scalar.string) else {
                        diagnostics.error("'\(key)': each value of '\(Excerpt.of(column))' must be a single value, "
                            + "not an e-mail address, list or mapping", at: mapping.location(of: item))
                        continue
                    }
                    values.append(scalar.string)
                }
                if items.isEmpty {
                    diagnostics.error("'\(key)': the list for '\(Excerpt.of(column))' is empty", at: at)
                }
            default:
                if let value = mapping.string(column, diagnostics: &diagnostics) { values.append(value) }
            }
            if !values.isEmpty {
                conditions.append(Condition(column: Column(name: column, location: at), values: Set(values.map(fold)),
                                            written: values))
            }
        }
        return conditions
    }

    /// What a metric counts, from its spec: the description `metrics.yaml` gets unless one is given.
    private static func description(statistic: Statistic, conditions: [Condition], share: [Condition], measure: Measure?,
                                    date: DateSource, team: TeamSource) -> String {
        func said(_ conditions: [Condition]) -> String {
            conditions.map { condition in
                "\(condition.column.name) is " + condition.written.map { $0.isEmpty ? "blank" : $0 }
                    .joined(separator: " or ")
            }.joined(separator: " and ")
        }
        let rows = conditions.isEmpty ? "rows" : "rows where \(said(conditions))"
        let what = switch statistic {
        case .count: "R\(rows.dropFirst()), counted per quarter"
        case .countPerWeek: "R\(rows.dropFirst()), per week of the quarter"
        case .share: "Percentage of \(rows) in which \(said(share))"
        case .sum, .mean, .median:
            "\(statistic == .sum ? "Sum" : statistic == .mean ? "Mean" : "Median") of " + {
                switch measure {
                case .value(let column): column.name
                case .duration(let from, let to, let unit): "the \(unit.rawValue) from \(from.name) to \(to.name)"
                case nil: ""
                }
            }() + ", over \(rows)"
        }
        let n = switch team {
        case .column: "n is the team's headcount"
        case .person: statistic == .count || statistic == .countPerWeek || statistic == .sum
            ? "n is the team's people in the export" : "n is the people behind the rows"
        }
        return "\(what); each row falls in the quarter of its \(date.column.name). From an event export; \(n)."
    }

    /// The person-to-team CSV a spec names, as written there (relative to it), if any.
    package static func mappingPath(in text: String) -> String? {
        var diagnostics = DiagnosticLog()
        guard let root = YAMLMapping.document(text, file: "", diagnostics: &diagnostics),
              let team = root.mapping("team", diagnostics: &diagnostics) else { return nil }
        return team.string("mapping", diagnostics: &diagnostics)
    }
}
