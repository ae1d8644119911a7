import Formatting
import ReportModel
import Yams

/// Reads the fields of one YAML mapping, turning every problem into a diagnostic at the
/// field's `line:column`.
///
/// Scalars are composed with Yams' basic resolver (no implicit typing) and converted
/// here, so `name: 123` is the text "123" and a number is checked where one is expected.
struct YAMLMapping {
    let file: String
    /// Added to Yams' line numbers, for YAML that starts below line 1 (front matter).
    let lineOffset: Int
    let location: SourceLocation
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    /// Composes a YAML document. An empty document is an empty mapping.
    static func document(_ text: String, file: String, lineOffset: Int = 0,
                         diagnostics: inout DiagnosticLog) -> YAMLMapping? {
        let node: Node?
        do {
            // The encoding is named: Yams's default reads the whole process environment
            // for each parser, which was 2% of a build's instructions with a narrative's
            // front matter parsed per page (and would print if the variable were set).
            node = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch {
            diagnostics.report(diagnostic(for: error, file: file, lineOffset: lineOffset))
            return nil
        }
        guard let node else {
            return YAMLMapping(file: file, lineOffset: lineOffset, node: .mapping(.init([])))
        }
        return YAMLMapping(node, file: file, lineOffset: lineOffset, what: "the file", diagnostics: &diagnostics)
    }

    private init(file: String, lineOffset: Int, node: Node) {
        self.file = file
        self.lineOffset = lineOffset
        self.location = SourceLocation(file: file, line: 1 + lineOffset, column: 1)
        self.pairs = []
    }

    /// Wraps a node that should be a mapping; reports an error if it is not.
    init?(_ node: Node, file: String, lineOffset: Int, what: String, diagnostics: inout DiagnosticLog) {
        self.file = file
        self.lineOffset = lineOffset
        self.location = YAMLMapping.location(of: node, file: file, lineOffset: lineOffset)
        guard case .mapping(let mapping) = node else {
            diagnostics.report(.error("expected \(what) to be a mapping of `key: value` lines", at: location))
            return nil
        }
        var pairs: [(String, Node, Node)] = []
        for (key, value) in mapping {
            pairs.append((key.string ?? "", key, value))
        }
        self.pairs = pairs
    }

    static func location(of node: Node, file: String, lineOffset: Int) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    func location(of node: Node) -> SourceLocation {
        YAMLMapping.location(of: node, file: file, lineOffset: lineOffset)
    }

    var keys: [String] { pairs.map(\.key) }

    /// Where a key is written; the mapping's own location when the key is absent.
    func location(ofKey key: String) -> SourceLocation {
        pairs.first { $0.key == key }.map { location(of: $0.keyNode) } ?? location
    }

    /// The value for a key; nil when absent or written as `null`, `~` or nothing.
    func node(_ key: String) -> Node? {
        guard let value = pairs.first(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = value, scalar.style == .plain,
           ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return nil
        }
        return value
    }

    func missing(_ key: String, _ what: String, diagnostics: inout DiagnosticLog) {
        diagnostics.report(.error("\(what) is missing required field '\(key)'", at: location))
    }

    /// A text field. Reports an error when it is required and absent, or not text.
    func string(_ key: String, required what: String? = nil, diagnostics: inout DiagnosticLog) -> String? {
        guard let value = node(key) else {
            if let what { missing(key, what, diagnostics: &diagnostics) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            diagnostics.report(.error("'\(key)' must be a single value, not a list or mapping", at: location(of: value)))
            return nil
        }
        if PersonIdentifier.looksLikeEmail(scalar.string) {
            diagnostics.report(.error(PersonIdentifier.emailMessage, at: location(of: value)))
            return nil
        }
        // YAML escapes such as "\0" or "\a" make control characters, which HTML forbids.
        // Every output would replace them (SafeText); here the author is told, once.
        let isUnsafe: (Unicode.Scalar) -> Bool = { SafeText.isUnsafe($0) || $0 == "\r" }
        if scalar.string.unicodeScalars.contains(where: isUnsafe) {
            diagnostics.report(.warning("'\(key)' contains control characters, bidirectional overrides or noncharacters; "
                + "they are shown as \u{FFFD}", at: location(of: value)))
            return SafeText.replacingUnsafe(scalar.string, also: { $0 == "\r" })
        }
        return scalar.string
    }

    /// An id: a lowercase slug.
    func slug(_ key: String, required what: String? = nil, diagnostics: inout DiagnosticLog) -> String? {
        guard let text = string(key, required: what, diagnostics: &diagnostics) else { return nil }
        guard Slug.isValid(text) else {
            diagnostics.report(.error(Slug.problem(text, field: key), at: location(of: node(key)!)))
            return nil
        }
        return text
    }

    /// A whole number within a range.
    func integer(_ key: String, in range: ClosedRange<Int>, required what: String? = nil,
                 diagnostics: inout DiagnosticLog) -> Int? {
        guard let text = string(key, required: what, diagnostics: &diagnostics) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            let bound = range.upperBound == .max ? "\(range.lowerBound) or more" : "from \(range.lowerBound) to \(range.upperBound)"
            diagnostics.report(.error("'\(key)' must be a whole number \(bound), found '\(Excerpt.of(text))'",
                                      at: location(of: node(key)!)))
            return nil
        }
        return value
    }

    /// A finite number.
    func number(_ key: String, diagnostics: inout DiagnosticLog) -> Double? {
        guard let text = string(key, diagnostics: &diagnostics) else { return nil }
        switch NumberText.parse(text) {
        case .success(let value): return value
        case .failure(let problem):
            diagnostics.report(.error("'\(key)' \(problem.message(for: text))", at: location(of: node(key)!)))
            return nil
        }
    }

    /// A range written `[lowest, highest]`, both finite numbers, lowest below highest.
    func range(_ key: String, diagnostics: inout DiagnosticLog) -> ClosedRange<Double>? {
        guard let items = sequence(key, diagnostics: &diagnostics) else { return nil }
        let at = location(of: node(key)!)
        let numbers = items.compactMap { $0.scalar.flatMap { try? NumberText.parse($0.string).get() } }
        guard items.count == 2, numbers.count == 2 else {
            diagnostics.report(.error("'\(key)' must be two numbers, [lowest, highest]", at: at))
            return nil
        }
        guard numbers[0] < numbers[1] else {
            diagnostics.report(.error("'\(key)' must start below where it ends, found [\(numbers[0]), \(numbers[1])]", at: at))
            return nil
        }
        return numbers[0]...numbers[1]
    }

    /// A quarter written `YYYY-Qn`.
    func period(_ key: String, diagnostics: inout DiagnosticLog) -> Period? {
        guard let text = string(key, diagnostics: &diagnostics) else { return nil }
        guard let period = Period(text) else {
            diagnostics.report(.error(Period.problem(text), at: location(of: node(key)!)))
            return nil
        }
        return period
    }

    /// One of a fixed set of words.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, as type: Choice.Type, required what: String? = nil, diagnostics: inout DiagnosticLog
    ) -> Choice? where Choice.RawValue == String {
        guard let text = string(key, required: what, diagnostics: &diagnostics) else { return nil }
        if let value = Choice(rawValue: text) { return value }
        let allowed = Choice.allCases.map(\.rawValue)
        diagnostics.report(.error(
            "'\(key)' must be one of \(allowed.joined(separator: ", ")), found '\(Excerpt.of(text))'"
                + Suggestion.hint(for: text, in: allowed),
            at: location(of: node(key)!)))
        return nil
    }

    /// A sequence of nodes. Reports an error when present but not a sequence.
    func sequence(_ key: String, diagnostics: inout DiagnosticLog) -> [Node]? {
        guard let value = node(key) else { return nil }
        guard case .sequence(let sequence) = value else {
            diagnostics.report(.error("'\(key)' must be a list", at: location(of: value)))
            return nil
        }
        return Array(sequence)
    }

    /// A nested mapping.
    func mapping(_ key: String, diagnostics: inout DiagnosticLog) -> YAMLMapping? {
        guard let value = node(key) else { return nil }
        return YAMLMapping(value, file: file, lineOffset: lineOffset, what: "'\(key)'", diagnostics: &diagnostics)
    }

    /// Warns about every key not in `known`, with a suggestion when one is close.
    func warnUnknownKeys(_ known: [String], in what: String, diagnostics: inout DiagnosticLog) {
        reportUnknownKeys(known, in: what, as: .warning, diagnostics: &diagnostics)
    }

    /// Refuses every key not in `known`, with a suggestion when one is close: for files
    /// where a misspelt key, ignored, would change what is counted (a `were:` that
    /// filters nothing).
    func refuseUnknownKeys(_ known: [String], in what: String, diagnostics: inout DiagnosticLog) {
        reportUnknownKeys(known, in: what, as: .error, diagnostics: &diagnostics)
    }

    private func reportUnknownKeys(_ known: [String], in what: String, as severity: Diagnostic.Severity,
                                   diagnostics: inout DiagnosticLog) {
        for pair in pairs where !known.contains(pair.key) {
            diagnostics.report(Diagnostic(
                severity, at: location(of: pair.keyNode),
                "unknown key '\(Excerpt.of(pair.key))' in \(what)\(severity == .warning ? " is ignored" : "")"
                    + Suggestion.hint(for: pair.key, in: known)))
        }
    }

    static func diagnostic(for error: Error, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case YamlError.scanner(let context, let problem, let mark, _),
             YamlError.parser(let context, let problem, let mark, _),
             YamlError.composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text), " } ?? ""
            // "found unexpected end of stream" is reported at the end; what was left open
            // (a quote, a bracket) is where the context says it began.
            let location = problem.contains("end of stream") ? context.map { at($0.mark) } ?? at(mark) : at(mark)
            return .error("YAML syntax: \(prefix)\(problem)", at: location)
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            return .error("duplicate key '\(duplicates.joined(separator: "', '"))' in a mapping", at: at(context.mark))
        default:
            return .error("YAML could not be read: \(error)", at: SourceLocation(file: file, line: 1 + lineOffset, column: 1))
        }
    }
}
