import Formatting
import ReportModel

/// The pages about the report itself: the metric catalog, the methodology, and 404.
struct CatalogPages {
    let context: SiteContext

    /// `metrics/index.html`: every metric by category, in report order.
    func metrics() -> RenderedPage {
        let address = PageAddress.metrics
        var main: HTML = "<header class=\"page-header\"><h1>Metrics</h1><p class=\"summary\">What this report measures, in report order: outcomes lead, usage comes last as context.</p></header>\n"
        for category in Metric.Category.allCases {
            let metrics = context.report.metrics.filter { $0.category == category }
            guard !metrics.isEmpty else { continue }
            main += "<section aria-labelledby=\"\(category.rawValue)\"><h2 id=\"\(category.rawValue)\">\(ScopePage.heading(category))</h2><ul>"
            for metric in metrics {
                main += "<li><a href=\"\(context.link(from: address, to: .metric(metric.id)))\">\(metric.name)</a>"
                if let description = metric.description { main += ": \(description)" }
                main += "</li>"
            }
            main += "</ul></section>\n"
        }
        return RenderedPage(address: address, html: context.shell(address, title: "Metrics", pageClass: "page-metrics", main: main))
    }

    /// `methodology/index.html`: definitions, roll-ups, privacy rules, and what the
    /// report does not measure.
    func methodology() -> RenderedPage {
        let address = PageAddress.methodology
        let site = context.site
        let minimum = String(site.minGroupSize)
        var main: HTML = "<header class=\"page-header\"><h1>How this report is made</h1><p class=\"summary\">Definitions, roll-ups and the privacy rules in force.</p></header>\n"
        main += """
            <section aria-labelledby="principles"><h2 id="principles">What the report measures</h2>
            <p>The report leads with <strong>outcomes</strong> (speed, quality, customer results, against a baseline) and with <strong>judgment</strong> in AI use. Usage is shown as context: it says how much AI is used, not whether it helps.</p>
            <p>Everything is measured for <strong>teams</strong>. Metrics are not targets for people.</p>
            </section>
            <section aria-labelledby="not-measured"><h2 id="not-measured">What this report does not measure</h2><ul>
            <li><strong>Individuals.</strong> No value describes one person, and no data about individuals is accepted. No number here should be used to assess a person.</li>
            <li><strong>Prompt counts as performance.</strong> How often people use AI tools (prompts, active days, accepted suggestions) is context. It is never read as productivity, effort or skill.</li>
            <li><strong>Rankings.</strong> Teams are compared with their own baseline, not ranked against each other, and people are never ranked.</li>
            </ul></section>
            <section aria-labelledby="privacy"><h2 id="privacy">Privacy rules in force</h2><ul>
            <li>Teams and groups of fewer than \(minimum) people are not shown. Their data still counts in their group's numbers.</li>
            <li>A value with fewer than \(minimum) people behind it (or more, where a metric asks for more) is hidden; how many people responded is still shown.</li>
            <li>No hidden value can be worked out by subtraction: where a group's number and all but one of its members' numbers would reveal the last, another member's number (or the group's) is hidden too.</li>
            <li>No data about individuals is accepted: files with person identifiers are refused.</li>
            </ul></section>
            <section aria-labelledby="rollups"><h2 id="rollups">How numbers combine</h2>
            <p>A group's value combines its teams' values by each metric's rule. Teams without a value are left out, never counted as zero. A value reported for a group directly (an organization-wide survey, for example) takes the place of the combined value, and its card says so. Changes are measured against the previous quarter and against each metric's baseline quarter.</p>
            <p>When some listed teams have no value, a group's card says how many of its listed teams the number comes from, and when those teams hold under half the group's listed people the card is marked <strong>partial</strong>. Teams too small to list are left out of these counts, so they say nothing about those teams. A change between two quarters whose numbers come from different teams reads <strong>not comparable</strong>: it is never called better or worse.</p>
            </section>
            <section aria-labelledby="noise"><h2 id="noise">When a change counts</h2>
            <p>A change is called <strong>better</strong> or <strong>worse</strong> only when it is more than noise. Where a value has a margin of error (a survey share, from how many people answered; a count of events; a margin given with the data), the change counts when the range it could plausibly span, nineteen times in twenty, lies wholly on one side of zero. Where it has none, the change counts when it is at least the smallest change that matters for the metric, listed below. Otherwise it reads <strong>no clear change</strong>.</p>
            <p>An arrow shows which way the number moved: ▲ up, ▼ down. The words and the colour say whether that is good. A card's ± is the value's margin of error, shown only where the number of people behind it is shown too.</p>
            </section>

            """
        main += "<section aria-labelledby=\"definitions\"><h2 id=\"definitions\">Metric definitions</h2>"
        let headings = ["Metric", "Category", "Unit", "Better", "Roll-up", "Target", "Baseline", "A change counts"]
        main += "<div class=\"table-scroll\"><table><thead><tr>\(headings.map { HTML("<th scope=\"col\">\($0)</th>") }.joined())</tr></thead><tbody>"
        for metric in context.report.metrics {
            let target = metric.target.map { ValueFormatter.value($0, for: metric) } ?? "–"
            main += "<tr><th scope=\"row\"><a href=\"\(context.link(from: address, to: .metric(metric.id)))\">\(metric.name)</a></th>"
            main += "<td>\(ScopePage.heading(metric.category))</td><td>\(metric.unit)</td><td>\(metric.better.rawValue)</td>"
            main += "<td>\(MetricPage.aggregation(metric.aggregate))</td><td>\(target)</td><td>\(metric.baseline?.description ?? "–")</td><td>\(Self.noiseRule(metric))</td></tr>"
        }
        main += "</tbody></table></div></section>\n"
        main += reportChecks()
        return RenderedPage(address: address, html: context.shell(address, title: "Methodology", pageClass: "page-methodology", main: main))
    }

    /// What makes a change of a metric count, in words: its interval, or `min_change`.
    static func noiseRule(_ metric: Metric) -> String {
        if metric.better == .neutral { return "not judged" }
        let interval: String? = switch metric.uncertainty {
        case .wilson?: "beyond the margin of error of a share"
        case .poisson?: "beyond the margin of error of a count"
        case .given?: "beyond the margin of error given"
        case .census?, nil: nil
        }
        // Written as a change is (`2 pts`, `0.2 days`), without its sign.
        let smallest = metric.minChange.map { "at least " + ValueFormatter.delta($0, for: metric).drop { $0 == "+" } }
        switch (interval, smallest) {
        case let (interval?, smallest?): return interval + "; else " + smallest
        case let (interval?, nil): return interval
        case let (nil, smallest?): return smallest
        case (nil, nil): return metric.uncertainty == .census ? "any change (every case counted)" : "any change"
        }
    }

    /// The lint rules `discern check` applied before publishing, why each matters, and
    /// any the site switched off, with its reason: readers see what was not checked.
    private func reportChecks() -> HTML {
        var section: HTML = "<section aria-labelledby=\"checks\"><h2 id=\"checks\">Checks this report passed</h2>"
        section += "<p>Before publishing, <code>discern check</code> applies these rules to what the report claims. A finding names its rule, for example <code>[D101]</code>.</p><dl class=\"checks\">"
        for rule in LintRule.all {
            let reason = context.site.lintsOff[rule.id]
            section += "<dt id=\"\(rule.id)\"><code>\(rule.id)</code> \(rule.name)\(reason == nil ? "" : HTML(" <span class=\"check-off\">(switched off)</span>"))</dt>"
            section += "<dd><p>\(rule.summary) \(Self.codeSpans(rule.explanation))</p>"
            if let reason { section += "<p class=\"check-off\"><strong>Switched off for this report:</strong> \(reason)</p>" }
            section += "</dd>"
        }
        return section + "</dl></section>\n"
    }

    /// Text with `backticked` spans set as code, everything escaped.
    static func codeSpans(_ text: String) -> HTML {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, part in
            index.isMultiple(of: 2) ? HTML(text: String(part)) : "<code>\(String(part))</code>"
        }.joined()
    }

    /// `404.html`: served for any missing path, so its links are absolute when a base
    /// URL is known and relative to the root otherwise.
    func notFound() -> RenderedPage {
        let address = PageAddress.notFound
        let home = (context.options.baseURL ?? "") + "index.html"
        let main: HTML = "<header class=\"page-header\"><h1>Page not found</h1></header>\n<p>This page does not exist, or belongs to a team too small to report on its own. Go to the <a href=\"\(home)\">organization report</a>.</p>\n"
        return RenderedPage(address: address, html: context.shell(address, title: "Page not found", pageClass: "page-not-found", main: main))
    }
}
