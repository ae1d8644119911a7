import Analysis
import Markdown
import ReportModel

/// Turns a narrative into HTML for a page: Markdown through libcmark, with the data
/// blocks and live values the loader already read and checked filled in from the data.
/// Problems were reported at load, so rendering finds none: a block or live value with
/// an error shows as such in its place.
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
    }

    /// One `##` section of the body as the deck shows it.
    struct Section {
        /// The section's content, without its heading.
        var html: HTML
        /// The chart figures its blocks placed, and their standalone files.
        var figures: Int
        var files: [ChartPlacement.File]
    }

    func render(_ narrative: Narrative) -> Output {
        let document = filled(narrative)
        let body = HTML(markup: context.options.timings.measure(.markdown) { document.html(allowRawHTML: context.site.allowRawHTML) })
        return Output(html: body, title: narrative.titleText.map(plain), summary: narrative.summaryText.map(plain))
    }

    /// The body cut at its `##` sections (`NarrativeBody.sections`), for the deck: the
    /// HTML before the first, and each section's content. Sections whose index is in
    /// `omitted` draw nothing, so the charts after them are numbered as if they were absent.
    func renderSections(_ narrative: Narrative, omitted: Set<Int>) -> (intro: HTML, sections: [Section]) {
        let starts = narrative.body.sections.map(\.line)
        func section(of line: Int) -> Int { starts.lastIndex { $0 <= line } ?? -1 }
        // marks[i + 1]: where the charts stood when section i began; the last, at the end.
        var marks = Array(repeating: (figures: 0, files: 0), count: starts.count + 2)
        var marked = 0
        func mark(through index: Int) {
            while marked <= index {
                marks[marked] = (charts.figures, charts.files.count)
                marked += 1
            }
        }
        let document = filled(narrative, skipping: { omitted.contains(section(of: $0)) }) { line in
            mark(through: section(of: line) + 1)
        }
        mark(through: starts.count + 1)
        let (intro, parts) = context.options.timings.measure(.markdown) {
            document.sectionHTML(allowRawHTML: context.site.allowRawHTML)
        }
        let sections = parts.enumerated().map { index, html in
            let (start, end) = (marks[index + 1], marks[index + 2])
            return Section(html: HTML(markup: html), figures: end.figures - start.figures,
                           files: Array(charts.files[start.files..<end.files]))
        }
        return (HTML(markup: intro), sections)
    }

    /// The parsed body with every data block and live value replaced by its HTML.
    /// - Parameters:
    ///   - skipping: whether to leave out the block whose fence opens on a line.
    ///   - drawing: called with a block's line just before it is drawn.
    private func filled(_ narrative: Narrative, skipping: (Int) -> Bool = { _ in false },
                        drawing: (Int) -> Void = { _ in }) -> MarkdownDocument {
        let body = narrative.body
        var document = context.options.timings.measure(.markdown) { MarkdownDocument(body.markdown) }
        document.replaceFencedBlocks(NarrativeBlocks.kinds) { fenced in
            guard !skipping(fenced.line) else { return "" }
            drawing(fenced.line)
            guard let block = body.block(at: fenced.line),
                  case .resolved(var spec, let title, let caption) = block.state else {
                return "<p class=\"block-error\">This \(fenced.language) block has errors.</p>"
            }
            spec.title = title.map(plain)
            spec.caption = caption.map(plain)
            return DataBlock(spec: spec, narrative: narrative, scope: scope, period: period, page: page,
                             context: context, charts: self.charts).render().markup
        }
        document.replaceExpressions { expression in
            let value = body.liveValue(expression.text, line: expression.line, column: expression.column)
            return (value?.render(report: context.report, scope: scope, period: period) ?? .invalid).html.markup
        }
        return document
    }

    /// Live values in text that is not Markdown (titles, summaries, headings): words only.
    func plain(_ text: InlineText) -> String {
        text.parts.map { part in
            switch part {
            case .text(let words): words
            case .value(let value): value.render(report: context.report, scope: scope, period: period).text
            case .invalid: "?"
            }
        }.joined()
    }
}

/// The fence languages of data blocks, as the Markdown walk asks for them.
private enum NarrativeBlocks {
    static let kinds = Set(BlockSpec.Kind.allCases.map(\.rawValue))
}
