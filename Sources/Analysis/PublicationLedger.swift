import Formatting
import ReportModel

/// Every number the report lets an output carry, written as outputs write it, each with
/// what it is: values at their display rounding, `n`, headcounts, changes between shown
/// values, the catalog's and the site's own settings, the counts pages state, quarters,
/// and the numbers authors typed in published narratives.
///
/// It is built only from `Report`'s public, privacy-applied accessors, so it holds
/// nothing a privacy rule hides. A test extracts every number from every file a build
/// writes and fails on any the ledger does not hold (issue 16): a number printed from
/// hidden or unrounded data has no entry.
public struct PublicationLedger: Sendable {
    /// What a number is.
    public enum Kind: String, CaseIterable, Sendable {
        /// A shown value of a metric, for a scope in a quarter.
        case value
        /// How many people stand behind a shown reading (`Reading.n`).
        case n
        /// The people in a scope's teams that may be shown.
        case headcount
        /// How many teams a roll-up came from, when that may be said, and how many listed
        /// teams its scope has (`Coverage`).
        case contributors
        /// How many members of a group are shown.
        case members
        /// A change between two shown values: on the quarter, or since the baseline.
        case change
        /// The `± x` of a shown value's 95% interval (`Report.margin`), and the interval's
        /// two ends as charts draw them (`Report.shownInterval`), made only from published
        /// numbers: the value, and its `n` where the method needs one.
        case interval
        /// A value as a release showed it, beside the value that restates it.
        case released
        /// A metric's target, range bound, `min_change` or whole's total, as the catalog declares it.
        case catalog
        /// A metric's own minimum `n`, the site's minimum group size, or the fewest teams
        /// for a correlation.
        case threshold
        /// `privacy.protection`, as a share and as a percentage.
        case protection
        /// A count the site states: teams, groups, quarters, metrics.
        case count
        /// A quarter, `2026-Q3`, and the year of one.
        case period
        /// A narrative's date, as its author wrote it.
        case date
        /// A number an author typed in a published narrative's title, summary or prose,
        /// quarters and dates among them.
        case narrative
        /// A number typed in `site.yaml`'s own text: the title, the description, and the
        /// reason a report check is switched off.
        case settings
    }

    /// One number and what it is.
    public struct Entry: Hashable, Sendable, CustomStringConvertible {
        public let kind: Kind
        /// The number as outputs write it: `2.6`, `1,234`, `1.2k`, `+0.5`, `−4`, `2026-Q3`.
        public let number: String
        /// What it stands for: `value cycle_time checkout-web 2026-Q3`.
        public let subject: String

        public var description: String { "\(number) (\(subject))" }
    }

    public private(set) var entries: [Entry] = []
    private var byNumber: [String: [Int]] = [:]

    /// The entries written as `number`, exactly as an output writes it.
    public func entries(writtenAs number: String) -> [Entry] {
        (byNumber[number] ?? []).map { entries[$0] }
    }

    /// How many entries there are of each kind.
    public var counts: [Kind: Int] {
        entries.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }

    mutating func add(_ kind: Kind, _ number: String, _ subject: @autoclosure () -> String) {
        if let existing = byNumber[number], existing.contains(where: { entries[$0].kind == kind }) { return }
        byNumber[number, default: []].append(entries.count)
        entries.append(Entry(kind: kind, number: number, subject: subject()))
    }

    mutating func add(_ kind: Kind, _ count: Int, _ subject: @autoclosure () -> String) {
        add(kind, DecimalText.signed(Double(count), decimals: 0, grouping: true), subject())
        // Counts are also written without grouping (`at least 12000 people`).
        add(kind, String(count), subject())
    }
}

extension Report {
    /// Every number any output of this report may carry; see `PublicationLedger`.
    public func publicationLedger() -> PublicationLedger {
        var ledger = PublicationLedger()
        let scopes = [Scope.organization] + visibleTeams.map { Scope.team($0.id) }
        for period in periods {
            ledger.add(.period, period.description, "quarter")
            ledger.add(.period, String(period.year), "year of \(period)")
        }
        for scope in scopes {
            ledger.add(.headcount, visibleHeadcount(of: scope), "headcount \(scope)")
            let members = organization.children(of: scope).filter { isVisible(.team($0.id)) }.count
            if members > 0 { ledger.add(.members, members, "members shown of \(scope)") }
        }
        for metric in metrics {
            addCatalog(metric, to: &ledger)
            for scope in scopes {
                for period in periods {
                    addReading(metric, scope, period, to: &ledger)
                }
            }
        }
        for whole in wholes {
            ledger.add(.catalog, DecimalText.signed(whole.total, decimals: 0, grouping: true), "total of \(whole.id)")
        }
        ledger.add(.threshold, site.minGroupSize, "min_group_size")
        ledger.add(.threshold, site.minTeamsForCorrelation, "min_teams_for_correlation")
        ledger.add(.protection, DecimalText.signed(site.protection, decimals: 2), "privacy.protection")
        ledger.add(.protection, DecimalText.signed(site.protection * 100, decimals: 0), "privacy.protection as a percentage")
        ledger.add(.count, visibleTeams.count, "teams and groups shown")
        ledger.add(.count, visibleTeams.filter { !organization.isGroup($0.id) }.count, "teams shown")
        ledger.add(.count, visibleTeams.filter { organization.isGroup($0.id) }.count, "groups shown")
        ledger.add(.count, periods.count, "quarters")
        ledger.add(.count, metrics.count, "metrics")
        for narrative in narratives where periods.contains(narrative.period) {
            addNarrative(narrative, to: &ledger)
        }
        for text in [site.title, site.organization, site.description ?? ""] + site.lintsOff.values.sorted() {
            for number in Self.typedNumbers(in: text) { ledger.add(.settings, number, "site.yaml") }
        }
        return ledger
    }

    private func addCatalog(_ metric: Metric, to ledger: inout PublicationLedger) {
        let id = metric.id
        if let target = metric.target {
            ledger.add(.catalog, ValueFormatter.number(target, for: metric), "target of \(id)")
        }
        if let range = metric.declaredRange {
            // Ranges are written as declared, whole numbers without decimals.
            for bound in [range.lowerBound, range.upperBound] where bound.isFinite {
                ledger.add(.catalog, ValueFormatter.number(bound, for: metric), "range of \(id)")
                ledger.add(.catalog, DecimalText.signed(bound, decimals: 0, grouping: true), "range of \(id)")
            }
        }
        if let baseline = metric.baseline { ledger.add(.period, baseline.description, "baseline of \(id)") }
        if let minChange = metric.minChange {
            ledger.add(.catalog, ValueFormatter.number(minChange, for: metric), "min_change of \(id)")
        }
        if let minN = metric.minN { ledger.add(.threshold, max(minN, site.minGroupSize), "min_n of \(id)") }
    }

    private func addReading(_ metric: Metric, _ scope: Scope, _ period: Period, to ledger: inout PublicationLedger) {
        guard let reading = reading(metric.id, for: scope, in: period) else { return }
        let subject = "\(metric.id) \(scope) \(period)"
        if let n = reading.n { ledger.add(.n, n, "n of \(subject)") }
        if case .rolledUp(let count) = reading.source, !reading.includesUnlistedTeams {
            ledger.add(.contributors, count, "teams behind \(subject)")
        }
        if let coverage = coverage(metric.id, for: scope, in: period), !coverage.isComplete {
            ledger.add(.contributors, coverage.contributing.count, "listed teams behind \(subject)")
            ledger.add(.contributors, coverage.teams.count, "listed teams in \(scope)")
        }
        guard let value = reading.value else { return }
        ledger.add(.value, ValueFormatter.number(value, for: metric), "value of \(subject)")
        if let margin = margin(metric.id, for: scope, in: period) {
            ledger.add(.interval, ValueFormatter.number(margin, for: metric), "± of \(subject)")
        }
        if let ends = shownInterval(metric.id, for: scope, in: period) {
            ledger.add(.interval, ValueFormatter.number(ends.low, for: metric), "95% interval low of \(subject)")
            ledger.add(.interval, ValueFormatter.number(ends.high, for: metric), "95% interval high of \(subject)")
        }
        if let released = restatement(metric.id, for: scope, in: period) {
            ledger.add(.released, ValueFormatter.number(released, for: metric), "released value of \(subject)")
        }
        for change in [change(metric.id, for: scope, in: period), changeFromBaseline(metric.id, for: scope, in: period)] {
            guard let change else { continue }
            ledger.add(.change, DecimalText.signed(change.delta, decimals: metric.shownDecimals, plus: true), "change of \(subject)")
        }
    }

    /// The numbers an author typed: runs of digits (with `.` and `,` inside) in the title,
    /// summary and Markdown of a published narrative, and its date.
    private func addNarrative(_ narrative: Narrative, to ledger: inout PublicationLedger) {
        let subject = "narrative \(narrative.scope) \(narrative.period)"
        if let date = narrative.date { ledger.add(.date, date, "date of \(subject)") }
        for text in [narrative.title, narrative.body.markdown, narrative.author] {
            for number in Self.typedNumbers(in: text ?? "") { ledger.add(.narrative, number, subject) }
        }
        for text in [narrative.titleText, narrative.summaryText].compactMap({ $0 }) {
            for case .text(let part) in text.parts {
                for number in Self.typedNumbers(in: part) { ledger.add(.narrative, number, subject) }
            }
        }
    }

    /// Each quarter (`2026-Q4`) and date (`2025-07-10`) in `text`, then each run of
    /// digits, with `.` and `,` between digits kept.
    static func typedNumbers(in text: String) -> [String] {
        var numbers = text.matches(of: /\d{4}-Q\d|\d{4}-\d{2}-\d{2}/).map { String($0.output) }
        var current = ""
        var pending = ""
        for character in text {
            if character.isASCII, character.isNumber {
                current += pending + String(character)
                pending = ""
            } else if !current.isEmpty, pending.isEmpty, character == "." || character == "," {
                pending = String(character)
            } else {
                if !current.isEmpty { numbers.append(current) }
                current = ""
                pending = ""
            }
        }
        if !current.isEmpty { numbers.append(current) }
        return numbers
    }
}
