import Analysis
import Charts
import ReportModel

/// The board deck: the organization's latest quarter as 16:9 slides in one page, for a
/// theme with `deck.mustache` (`Themes/board`). Printed, each slide is one page.
///
/// The slides, in order: a title; the headline numbers, highlights first and then one
/// slide per category (outcomes first, usage last as context); a slide per `##` section
/// of the organization's narrative; trend and baseline charts; a slide per group; usage
/// set against outcomes; and how to read the numbers. Everything comes through `Report`,
/// so a suppressed team is as absent here as on the site.
struct SlideDeck {
    let context: SiteContext

    /// Six cards fill a slide in two rows of three; more would shrink past reading.
    static let cardsPerSlide = 6
    /// Sentences about r that fit beside the usage chart.
    static let readingsPerSlide = 3

    private var report: Report { context.report }

    func render() -> RenderedPage {
        let address = PageAddress.deck
        let charts = ChartPlacement(page: address, timings: context.options.timings)
        let organization = context.site.organization
        guard let period = report.latestPeriod else {
            let slide = Slide(kind: .title, title: "\(organization): AI impact", layout: .text,
                              body: "<p class=\"lead\">This report has no data yet.</p>")
            return page(address, slides: [slide], footer: organization, title: "\(organization): AI impact", charts: charts)
        }
        let narrative = report.narrative(for: .organization, in: period)
        var slides = [titleSlide(period, narrative)]
        slides += kpiSlides(period, highlights: narrative?.highlights ?? [])
        if let narrative {
            let (sectionSlides, titleNotes) = narrativeSlides(narrative, charts: charts)
            slides[0].notes = titleNotes
            slides += sectionSlides
        }
        slides += trendSlides(period, charts: charts)
        slides += groupSlides(period, charts: charts)
        slides.append(usageSlide(period, charts: charts))
        slides.append(aboutSlide(period))
        let title = slides[0].title
        return page(address, slides: slides, footer: "\(organization) · AI impact, \(period)", title: title, charts: charts)
    }

    private func page(_ address: PageAddress, slides: [Slide], footer: String, title: String, charts: ChartPlacement) -> RenderedPage {
        let main = slides.enumerated().map { $0.element.render(number: $0.offset + 1, of: slides.count, footer: footer) }.joined()
        let html = context.shell(address, title: title, pageClass: "deck", description: context.site.description, main: main)
        return RenderedPage(address: address, html: html, charts: charts.count, chartFiles: charts.files,
                            slides: slides.count)
    }

    // MARK: - Slides

    private func titleSlide(_ period: Period, _ narrative: Narrative?) -> Slide {
        let name = context.site.organization
        var title = "\(name): AI impact, \(period)"
        var summary: String?
        if let narrative {
            let renderer = NarrativeRenderer(context: context, page: .deck, scope: .organization, period: period,
                                             charts: ChartPlacement(page: .deck))
            title = narrative.titleText.map(renderer.plain) ?? title
            summary = narrative.summaryText.map(renderer.plain)
        }
        var body: HTML = "<p class=\"kicker\">\(name) · AI impact · \(period.description)</p>"
        if let summary { body += "<p class=\"lead\">\(summary)</p>" }
        let people = report.visibleHeadcount(of: .organization)
        let teams = report.visibleTeams.filter { !context.organization.isGroup($0.id) }.count
        body += "<p class=\"meta\">\(people) people in \(teams) teams shown · measured for teams, never individuals</p>"
        let byline = [narrative?.author, narrative?.date].compactMap { $0 }.joined(separator: " · ")
        if !byline.isEmpty { body += "<p class=\"byline\">\(byline)</p>" }
        return Slide(kind: .title, title: title, layout: .text, body: body)
    }

    /// Highlights first, then a slide per category the organization has values in; a
    /// category with more cards than fit goes on as many slides as it needs.
    private func kpiSlides(_ period: Period, highlights: [MetricID]) -> [Slide] {
        var slides: [Slide] = []
        let highlighted = highlights.compactMap { report.metric($0) }
        if !highlighted.isEmpty {
            slides += cardSlides("Highlights", kind: .highlights, highlighted, period: period)
        }
        let levels = Set(context.site.fluency?.levels ?? [])
        for category in Metric.Category.allCases {
            let metrics = context.metrics(in: category, for: .organization, in: period).filter { !levels.contains($0.id) }
            var made = cardSlides(ScopePage.heading(category), kind: .kpis, metrics, period: period)
            if category == .usage {
                for index in made.indices {
                    made[index].body = "<p class=\"note\">Usage shows adoption, not value. Read it beside the outcomes, never as a target.</p>" + made[index].body
                }
            }
            slides += made
        }
        return slides
    }

    private func cardSlides(_ title: String, kind: Slide.Kind, _ metrics: [Metric], period: Period) -> [Slide] {
        let cards = metrics.compactMap { KPICard.render($0, scope: .organization, period: period, on: .deck, context: context, linking: false) }
        let pages = stride(from: 0, to: cards.count, by: Self.cardsPerSlide).map { Array(cards[$0..<min($0 + Self.cardsPerSlide, cards.count)]) }
        return pages.enumerated().map { index, cards in
            let numbered = pages.count > 1 ? "\(title) (\(index + 1) of \(pages.count))" : title
            return Slide(kind: kind, title: numbered, layout: .tiles, body: "<div class=\"kpis\">\(cards.joined())</div>")
        }
    }

    /// A slide per `##` section of the narrative, except those its front matter's `deck:`
    /// keeps as speaker notes or leaves out. Text before the first section becomes the
    /// title slide's notes, which are returned with the slides.
    private func narrativeSlides(_ narrative: Narrative, charts: ChartPlacement) -> ([Slide], HTML) {
        let renderer = NarrativeRenderer(context: context, page: .deck, scope: .organization, period: narrative.period, charts: charts)
        let sections = narrative.body.sections
        let roles = sections.map { narrative.deck.role(of: $0.heading) }
        let omitted = Set(roles.indices.filter { roles[$0] == .omitted })
        let (intro, rendered) = renderer.renderSections(narrative, omitted: omitted)
        var slides: [Slide] = []
        var titleNotes = HTML.empty
        if !intro.markup.allSatisfy(\.isWhitespace) { titleNotes = intro }
        // Both lists are the body's top-level `##` headings, so they pair one to one.
        for (index, section) in sections.enumerated() where roles[index] != .omitted && rendered.indices.contains(index) {
            let output = rendered[index]
            let heading = renderer.plain(section.text)
            if roles[index] == .notes {
                let notes: HTML = "<h3>\(heading)</h3>" + output.html
                if slides.isEmpty { titleNotes += notes } else { slides[slides.count - 1].notes += notes }
                continue
            }
            slides.append(Slide(kind: .narrative, title: heading, layout: output.figures > 0 ? .split : .text, body: output.html,
                                files: output.files.map(\.path)))
        }
        return (slides, titleNotes)
    }

    /// The metrics the deck leads with: the narrative's outcome highlights, else every
    /// outcome the organization has values for.
    private func leadOutcomes(_ period: Period) -> [Metric] {
        let highlighted = (report.narrative(for: .organization, in: period)?.highlights ?? []).compactMap { report.metric($0) }
            .filter { $0.category == .outcome }
        let lead = highlighted.isEmpty ? report.metrics.filter { $0.category == .outcome } : highlighted
        return lead.filter { report.reading($0.id, for: .organization, in: period) != nil }
    }

    /// The organization and its groups over the quarters, for the first two lead
    /// outcomes; change from baseline by group; and fluency levels when the site sets them.
    private func trendSlides(_ period: Period, charts: ChartPlacement) -> [Slide] {
        let factory = ChartFactory(context: context)
        let groups = context.visibleMembers(of: .organization).map { Scope.team($0.id) }
        var slides: [Slide] = []
        for metric in leadOutcomes(period).prefix(2) {
            let chart = factory.line(metric, [.organization] + groups, title: "\(metric.name) by quarter, the organization and its groups")
            slides.append(chartSlide("\(metric.name) over time", chart: chart, slug: metric.id.rawValue, charts: charts))
        }
        let compared = (leadOutcomes(period) + report.metrics.filter { $0.category == .quality })
            .filter { metric in groups.contains { report.value(metric.id, for: $0, in: period) != nil } }
        if groups.count > 1, !compared.isEmpty {
            let chart = factory.heatmap(Array(compared.prefix(6)), groups, period: period, title: "Change from baseline by group, \(period)")
            slides.append(chartSlide("Change from baseline by group", chart: chart, slug: "baseline", charts: charts))
        }
        if let levels = context.site.fluency?.levels.compactMap({ report.metric($0) }), !levels.isEmpty {
            let scopes = ([.organization] + groups).filter { scope in levels.contains { report.value($0.id, for: scope, in: period) != nil } }
            if !scopes.isEmpty {
                let chart = factory.stacked(levels, scopes, period: period, title: "Fluency levels, share of respondents, \(period)")
                slides.append(chartSlide("Judgment: fluency levels", chart: chart, slug: "fluency-levels", charts: charts))
            }
        }
        return slides
    }

    private func chartSlide(_ title: String, chart: Chart, slug: String, charts: ChartPlacement) -> Slide {
        let before = charts.files.count
        let figure = charts.figure(chart, slug: slug)
        return Slide(kind: .chart, title: title, layout: .chart, body: figure, files: charts.files[before...].map(\.path))
    }

    /// A slide per visible group: its lead numbers beside a bar of its members.
    private func groupSlides(_ period: Period, charts: ChartPlacement) -> [Slide] {
        let factory = ChartFactory(context: context)
        return context.organization.groups.filter { report.isVisible(.team($0.id)) }.compactMap { group in
            let scope = Scope.team(group.id)
            let lead = report.metrics.filter { ($0.category == .outcome || $0.category == .quality)
                && report.reading($0.id, for: scope, in: period) != nil }
            let cards = lead.prefix(4).compactMap { KPICard.render($0, scope: scope, period: period, on: .deck, context: context, linking: false) }
            guard !cards.isEmpty else { return nil }
            var body: HTML = "<div class=\"kpis\">\(cards.joined())</div>"
            let members = context.visibleMembers(of: scope).map { Scope.team($0.id) }
            let before = charts.files.count
            if let first = lead.first, members.contains(where: { report.value(first.id, for: $0, in: period) != nil }) {
                body += charts.figure(factory.bar(first, members, period: period, reference: scope), slug: group.id.rawValue)
            }
            let people = report.visibleHeadcount(of: scope)
            return Slide(kind: .group, title: "\(group.name): \(people) people, \(members.count) teams shown",
                         layout: charts.files.count > before ? .stack : .tiles, body: body,
                         files: charts.files[before...].map(\.path))
        }
    }

    /// Usage against the first outcome across teams, with what r says about every outcome.
    private func usageSlide(_ period: Period, charts: ChartPlacement) -> Slide {
        let factory = ChartFactory(context: context)
        let teams = report.visibleTeams.filter { !context.organization.isGroup($0.id) }.map { Scope.team($0.id) }
        let caveat: HTML = "<p class=\"caveat\"><strong>Association is not attribution.</strong> Teams differ in their work, tools and starting point; a pattern across teams does not show that AI use caused it.</p>"
        guard let usage = report.metrics.first(where: { $0.category == .usage }) else {
            return Slide(kind: .usage, title: "Usage and outcomes", layout: .text,
                         body: "<p>This report has no usage metric, so there is nothing to set outcomes against.</p>")
        }
        var readings: [HTML] = []
        var shown: (ScatterChart, Metric)?
        for outcome in leadOutcomes(period) {
            let scatter = factory.scatterChart(x: usage, y: outcome, teams, period: period,
                                               title: "\(outcome.name) against \(usage.name), \(period)")
            guard scatter.points.count >= 2 else { continue }
            if shown == nil { shown = (scatter, outcome) }
            readings.append("<li>\(UsageOutcomesPage.reading(scatter.correlation, usage: usage, outcome: outcome))</li>")
        }
        // What fits beside the chart; the site's usage page has every outcome.
        let more = readings.count - Self.readingsPerSlide
        readings = Array(readings.prefix(Self.readingsPerSlide))
        if more > 0 { readings.append("<li>\(String(more)) more outcome\(more == 1 ? "" : "s") on the report site's Usage and outcomes page.</li>") }
        var body: HTML = "<div class=\"slide-text\"><p>One dot per team in \(period.description), usage measured as \(usage.name).</p>"
        if !readings.isEmpty { body += "<ul class=\"readings\">\(readings.joined())</ul>" }
        body += caveat + "</div>"
        let before = charts.files.count
        if let (scatter, outcome) = shown { body += charts.figure(scatter.drawn(context), slug: outcome.id.rawValue) }
        return Slide(kind: .usage, title: "Usage and outcomes", layout: shown == nil ? .text : .split, body: body,
                     files: charts.files[before...].map(\.path))
    }

    private func aboutSlide(_ period: Period) -> Slide {
        let minimum = context.site.minGroupSize
        var body: HTML = "<ul class=\"about\">"
        body += "<li><strong>Outcomes lead; usage is context.</strong> Each outcome is compared with its own baseline quarter. No team is asked to raise its usage.</li>"
        body += "<li><strong>Teams, never individuals.</strong> Teams of fewer than \(String(minimum)) people are not shown, nor any value that would reveal theirs.</li>"
        body += "<li><strong>Every number comes from the data.</strong> Figures in the text are filled in from the same values the charts draw.</li>"
        body += "<li><strong>Association is not attribution.</strong> Teams changed more than their AI use over these quarters.</li>"
        body += "</ul><p class=\"meta\">\(context.site.title) · data through \(period.description)"
        if let generated = context.options.generated { body += " · generated \(generated)" }
        body += "</p>"
        return Slide(kind: .about, title: "How to read these numbers", layout: .text, body: body)
    }
}
