import Analysis
import ContentLoading
import Markdown
import ReportModel

/// Turns a narrative into HTML for a page: Markdown through libcmark, ` ```chart `,
/// ` ```table ` and ` ```kpis ` blocks drawn from the data, and live values filled in.
/// Every problem is a diagnostic at the narrative's own `file:line:column`.
struct NarrativeRenderer {
    let context: SiteContext
    let page: PageAddress
    let scope: Scope
    let period: Period
    let charts: ChartPlacement

    struct Output {
        var html: HTML
        var title: String?
        var summary: String?
        var diagnostics: [Diagnostic]
    }

    func render(_ narrative: Narrative) -> Output {
        var diagnostics: [Diagnostic] = []
        let file = narrative.location.file
        // Lines in the body count from the file's first line.
        let offset = narrative.bodyLine - 1
        let timings = context.options.timings
        var document = timings.measure(.markdown) { MarkdownDocument(narrative.body) }
        document.replaceFencedBlocks(Set(BlockSpec.Kind.allCases.map(\.rawValue))) { block in
            let kind = BlockSpec.Kind(rawValue: block.language)!
            let (spec, problems) = context.blockSpecs.read(kind, body: block.body, file: file, bodyLine: block.bodyLine + offset)
            diagnostics += problems
            guard var spec else { return "<p class=\"block-error\">This \(kind.rawValue) block has errors.</p>" }
            let at = SourceLocation(file: file, line: block.bodyLine + offset, column: 1)
            spec.title = spec.title.map { plain($0, at: at, diagnostics: &diagnostics) }
            spec.caption = spec.caption.map { plain($0, at: at, diagnostics: &diagnostics) }
            return DataBlock(spec: spec, narrative: narrative, scope: scope, period: period, page: page,
                             context: context, charts: self.charts).render().markup
        }
        document.replaceExpressions { expression in
            let location = SourceLocation(file: file, line: expression.line + offset, column: expression.column)
            return live(expression.text, at: location, diagnostics: &diagnostics)?.html.markup
                ?? "<span class=\"live-value no-data\">?</span>"
        }
        let body = HTML(markup: timings.measure(.markdown) { document.html(allowRawHTML: context.site.allowRawHTML) })
        let title = narrative.title.map { plain($0, at: narrative.location, diagnostics: &diagnostics) }
        let summary = narrative.summary.map { plain($0, at: narrative.location, diagnostics: &diagnostics) }
        return Output(html: body, title: title, summary: summary, diagnostics: diagnostics)
    }

    /// Live values in text that is not Markdown (titles, summaries): words only.
    func plain(_ text: String, at location: SourceLocation, diagnostics: inout [Diagnostic]) -> String {
        InlineSegment.segments(of: text).map { segment in
            switch segment {
            case .text(let words): words
            case .expression(let inner): live(inner, at: location, diagnostics: &diagnostics)?.text ?? "?"
            }
        }.joined()
    }

    private func live(_ text: String, at location: SourceLocation,
                      diagnostics: inout [Diagnostic]) -> LiveValue.Rendered? {
        switch LiveValue.parse(text, report: context.report) {
        case .failure(let problem):
            diagnostics.append(.error(problem.message, at: location))
            return nil
        case .success(let value):
            if let scope = value.scope, !context.report.isVisible(scope) {
                diagnostics.append(.warning(
                    "'\(scope)' has fewer people than min_group_size (\(context.site.minGroupSize)); its values show as suppressed",
                    at: location))
            }
            return value.render(report: context.report, scope: scope, period: period)
        }
    }
}
