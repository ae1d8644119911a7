import Formatting
import ReportModel
import Yams

/// A `survey.yaml`: which column of a survey export says each respondent's team, the
/// answer scales, and which questions become which team metrics.
///
/// Read here, beside the other YAML Discern reads, so that every problem comes with its
/// `line:column`. Nothing in it is an identifier: column names, labels and metric ids.
package struct SurveyDefinition: Sendable {
    /// A column of the export: by its header text, or by its 1-based position.
    package enum Column: Hashable, Sendable {
        case header(String)
        case position(Int)
    }

    /// Where each respondent's team comes from.
    package enum TeamSource: Sendable {
        /// A question whose answers are team ids or team names.
        case column(Column, at: SourceLocation)
        /// A respondent-to-team CSV (a path relative to survey.yaml), keyed by a column of the export.
        case mapping(path: String, respondent: Column, at: SourceLocation)
    }

    package struct Scale: Sendable {
        package var name: String
        /// Labels as written, with their values, in order.
        package var labels: [(label: String, value: Double)]
        package var lowest: Double { labels.map(\.value).min() ?? 0 }
        package var highest: Double { labels.map(\.value).max() ?? 0 }
        /// The two highest values of the scale: its top two boxes.
        package var topTwo: [Double] { Array(Set(labels.map(\.value)).sorted(by: >).prefix(2)) }
    }

    package enum Statistic: String, CaseIterable, Sendable {
        case mean
        /// The percentage answering in the scale's top two boxes.
        case top2
    }

    package struct Question: Sendable {
        package var column: Column
        package var location: SourceLocation
        package var metric: MetricID
        package var scale: Scale
        package var reverse: Bool
        package var statistic: Statistic
    }

    package var file: String
    package var team: TeamSource
    /// The fewest answers a team's value may rest on; nil for the minimum group size.
    package var minAnswers: Int?
    package var questions: [Question]

    /// Reads a survey.yaml; nil (with errors reported) when it cannot be used.
    package static func parse(_ text: String, file: String, diagnostics: inout DiagnosticLog) -> SurveyDefinition? {
        let errorsBefore = diagnostics.all.filter { $0.severity == .error }.count
        guard let root = YAMLMapping.document(text, file: file, diagnostics: &diagnostics) else { return nil }
        root.warnUnknownKeys(["team", "min_answers", "scales", "questions"], in: "survey.yaml", diagnostics: &diagnostics)

        var team: TeamSource?
        if let mapping = root.mapping("team", diagnostics: &diagnostics) {
            mapping.warnUnknownKeys(["column", "position", "mapping", "respondent"], in: "'team'", diagnostics: &diagnostics)
            if let path = mapping.string("mapping", diagnostics: &diagnostics) {
                if let respondent = column(in: mapping, key: "respondent", diagnostics: &diagnostics) {
                    team = .mapping(path: path, respondent: respondent, at: mapping.location(ofKey: "mapping"))
                } else {
                    diagnostics.report(.error("'team' with a 'mapping' needs 'respondent': the export's column that the "
                        + "mapping's first column matches, such as \"Email\"", at: mapping.location))
                }
            } else if let column = column(in: mapping, diagnostics: &diagnostics) {
                team = .column(column, at: mapping.location(ofKey: mapping.keys.contains("column") ? "column" : "position"))
            } else {
                diagnostics.report(.error("'team' needs 'column' (the question naming the team) or 'mapping' and "
                    + "'respondent' (a respondent-to-team CSV)", at: mapping.location))
            }
        } else {
            root.missing("team", "survey.yaml", diagnostics: &diagnostics)
        }

        let minAnswers = root.integer("min_answers", in: SiteSettings.lowestMinGroupSize...Int.max, diagnostics: &diagnostics)

        var scales: [String: Scale] = [:]
        var declaredScales: Set<String> = []
        if let mapping = root.mapping("scales", diagnostics: &diagnostics) {
            declaredScales = Set(mapping.keys)
            for name in mapping.keys {
                guard let labels = mapping.mapping(name, diagnostics: &diagnostics) else { continue }
                var scale = Scale(name: name, labels: [])
                for label in labels.keys {
                    guard let value = labels.number(label, diagnostics: &diagnostics) else { continue }
                    scale.labels.append((label, value))
                }
                if scale.labels.count < 2 {
                    diagnostics.report(.error("scale '\(Excerpt.of(name))' needs at least two labels, each with a number",
                                              at: mapping.location(ofKey: name)))
                    continue
                }
                scales[name] = scale
            }
        } else {
            root.missing("scales", "survey.yaml", diagnostics: &diagnostics)
        }

        var questions: [Question] = []
        if let items = root.sequence("questions", diagnostics: &diagnostics) {
            for item in items {
                guard let entry = YAMLMapping(item, file: file, lineOffset: 0, what: "a question",
                                              diagnostics: &diagnostics) else { continue }
                entry.warnUnknownKeys(["column", "position", "metric", "scale", "reverse", "statistic"],
                                      in: "a question", diagnostics: &diagnostics)
                let column = column(in: entry, diagnostics: &diagnostics)
                if column == nil, !entry.keys.contains("column"), !entry.keys.contains("position") {
                    entry.missing("column", "a question (or give 'position')", diagnostics: &diagnostics)
                }
                let metric = entry.slug("metric", required: "a question", diagnostics: &diagnostics)
                var scale: Scale?
                if let name = entry.string("scale", required: "a question", diagnostics: &diagnostics) {
                    scale = scales[name]
                    if scale == nil, !declaredScales.contains(name) {
                        diagnostics.report(.error("no scale '\(Excerpt.of(name))' under 'scales'"
                            + Suggestion.hint(for: name, in: scales.keys.sorted()), at: entry.location(of: entry.node("scale")!)))
                    }
                }
                var reverse = false
                if let text = entry.string("reverse", diagnostics: &diagnostics) {
                    switch text {
                    case "true", "True", "TRUE", "yes": reverse = true
                    case "false", "False", "FALSE", "no": reverse = false
                    default:
                        diagnostics.report(.error("'reverse' must be true or false", at: entry.location(of: entry.node("reverse")!)))
                    }
                }
                let statistic = entry.node("statistic") == nil ? .mean
                    : entry.choice("statistic", as: Statistic.self, diagnostics: &diagnostics)
                if let column, let metric, let scale, let statistic {
                    questions.append(Question(column: column, location: entry.location, metric: MetricID(metric),
                                              scale: scale, reverse: reverse, statistic: statistic))
                }
            }
            if items.isEmpty {
                diagnostics.report(.error("'questions' is empty: list at least one", at: root.location(ofKey: "questions")))
            }
        } else {
            root.missing("questions", "survey.yaml", diagnostics: &diagnostics)
        }

        // Questions feeding one metric are averaged per respondent: they must agree on how.
        var first: [MetricID: Question] = [:]
        for question in questions {
            guard let earlier = first[question.metric] else {
                first[question.metric] = question
                continue
            }
            if earlier.statistic != question.statistic || earlier.scale.lowest != question.scale.lowest
                || earlier.scale.highest != question.scale.highest {
                diagnostics.report(.error(
                    "questions feeding metric '\(question.metric)' must share a statistic and a scale range, "
                        + "for a respondent's answers to them are averaged", at: question.location))
            }
        }

        guard let team, diagnostics.all.filter({ $0.severity == .error }).count == errorsBefore else { return nil }
        return SurveyDefinition(file: file, team: team, minAnswers: minAnswers, questions: questions)
    }

    /// `column: "header"` or `position: 7`.
    private static func column(in mapping: YAMLMapping, key: String = "column",
                               diagnostics: inout DiagnosticLog) -> Column? {
        if let header = mapping.string(key, diagnostics: &diagnostics) {
            return .header(header)
        }
        if key == "column", let position = mapping.integer("position", in: 1...Int.max, diagnostics: &diagnostics) {
            return .position(position)
        }
        return nil
    }
}
