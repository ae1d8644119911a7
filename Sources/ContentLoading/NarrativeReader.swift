import Markdown
import ReportModel

/// Reads a narrative's Markdown once, at load, into a `NarrativeBody`: its data blocks'
/// YAML, its live values, its `##` sections and its prose, each checked against the
/// catalogs, so every problem in a narrative is a load diagnostic at its
/// `file:line:column` and no later stage parses the text again.
struct NarrativeReader {
    let file: String
    /// The line in the file where the body starts.
    let firstLine: Int
    let metrics: [Metric]
    let organization: Organization
    /// Blocks this load has already read.
    let distinctBlocks: DistinctBlocks

    static let blockKinds = Set(BlockSpec.Kind.allCases.map(\.rawValue))

    func body(_ markdown: String, diagnostics: inout DiagnosticLog) -> NarrativeBody {
        // Lines in the body count from the file's first line.
        let offset = firstLine - 1
        var document = MarkdownDocument(markdown)
        let contents = document.contents(Self.blockKinds)
        let blocks = contents.blocks.map { block in
            let kind = BlockSpec.Kind(rawValue: block.language)!
            let spec = distinctBlocks.read(kind, body: block.body, file: file, bodyLine: block.bodyLine + offset,
                                           metrics: metrics, organization: organization, diagnostics: &diagnostics)
            guard let spec else { return NarrativeBlock(kind: kind, line: block.line, state: .invalid) }
            let at = SourceLocation(file: file, line: block.bodyLine + offset, column: 1)
            return NarrativeBlock(kind: kind, line: block.line, state: .resolved(
                spec, title: spec.title.map { inline($0, at: at, diagnostics: &diagnostics) },
                caption: spec.caption.map { inline($0, at: at, diagnostics: &diagnostics) }))
        }
        let expressions = contents.expressions.map { expression in
            let location = SourceLocation(file: file, line: expression.line + offset, column: expression.column)
            return NarrativeBody.Expression(text: expression.text, line: expression.line, column: expression.column,
                                            value: liveValue(expression.text, at: location, diagnostics: &diagnostics))
        }
        let sections = contents.sections.map { section in
            // A live value in a heading is reported where the prose walk finds it, at its column.
            var reported = DiagnosticLog()
            let at = SourceLocation(file: file, line: section.line + offset, column: 1)
            return NarrativeSection(heading: section.heading, text: inline(section.heading, at: at, diagnostics: &reported),
                                    line: section.line, endLine: section.endLine)
        }
        let prose = contents.prose.map { NarrativeBody.ProseRun(text: $0.text, line: $0.line) }
        return NarrativeBody(markdown: markdown, firstLine: firstLine, blocks: blocks, expressions: expressions,
                             sections: sections, prose: prose)
    }

    /// Text that is not Markdown (titles, summaries, captions), split at its live values.
    func inline(_ text: String, at location: SourceLocation, diagnostics: inout DiagnosticLog) -> InlineText {
        InlineText(InlineSegment.segments(of: text).map { segment in
            switch segment {
            case .text(let words): .text(words)
            case .expression(let inner): liveValue(inner, at: location, diagnostics: &diagnostics).map { .value($0) } ?? .invalid
            }
        })
    }

    private func liveValue(_ text: String, at location: SourceLocation, diagnostics: inout DiagnosticLog) -> LiveValue? {
        switch LiveValueReader.read(text, metrics: metrics, organization: organization) {
        case .failure(let problem):
            var diagnostic = Diagnostic.error(problem.message, at: location)
            diagnostic.unknown = problem.unknown
            diagnostics.report(diagnostic)
            return nil
        case .success(let value):
            if let id = value.scope?.teamID, organization.isTooSmallToShow(id) {
                diagnostics.report(.warning(
                    "'\(value.scope!)' has fewer people than min_group_size (\(organization.minimumGroupSize)); its values show as suppressed",
                    at: location))
            }
            return value
        }
    }

    /// A name in `deck:` that matches no section is most likely a heading since renamed.
    func checkDeck(_ deck: DeckSections, sections: [NarrativeSection], at start: SourceLocation,
                   diagnostics: inout DiagnosticLog) {
        let headings = sections.map { $0.heading.lowercased() }
        for (key, names) in [("notes", deck.notes), ("omit", deck.omitted)] {
            for name in names where !headings.contains(name.lowercased()) {
                diagnostics.report(.warning(
                    "deck \(key) names '\(name)', but the narrative has no ## section with that heading"
                        + Suggestion.hint(for: name, in: sections.map(\.heading)),
                    at: deck.location ?? start))
            }
        }
    }
}
