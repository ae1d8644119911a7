import Foundation
import ReportModel
import TestSupport

/// Every value a built site shows, as its metric pages' "By team and quarter" tables
/// write it: what a reader can look up for a chart that labels only some of its marks
/// (a sparkline states its first and last values; a heatmap cell, not its baseline).
struct ShownValues {
    /// The report's quarters, as the tables head their columns.
    var periods: [String] = []
    /// Metric name, then team name, then quarter: the text in the cell.
    var text: [String: [String: [String: String]]] = [:]
    /// The metrics, by name.
    var metrics: [String: Metric] = [:]

    /// Reads the table of every metric page in a built site.
    init(site folder: URL, metrics: [Metric]) throws {
        for metric in metrics {
            self.metrics[metric.name] = metric
            let page = SiteFixture.read(folder, "metrics/\(metric.id)/index.html")
            guard let section = page.range(of: "<h2 id=\"values\">"), let start = page[section.upperBound...].range(of: "<table>"),
                  let end = page[start.lowerBound...].range(of: "</table>") else { continue }
            let table = try XMLTree.parse(String(page[start.lowerBound..<end.upperBound])).orThrow("the values table of \(metric.id)")
            let rows = table.all.filter { $0.name == "tr" }
            let headings = rows.first?.children.dropFirst().map(\.text) ?? []
            if headings.count > periods.count { periods = headings }
            for row in rows.dropFirst() {
                let cells = row.children
                guard let name = cells.first?.all.first(where: { $0.name == "a" })?.text else { continue }
                for (period, cell) in zip(headings, cells.dropFirst()) {
                    text[metric.name, default: [:]][name, default: [:]][period] = cell.all.map(\.text).joined()
                }
            }
        }
    }

    /// The value shown for a team in a quarter, as a number; nil when none is shown.
    func number(_ metric: String, _ team: String, _ period: String) -> Double? {
        text[metric]?[team]?[period].flatMap(ChartReader.number(in:))
    }

    /// The metric whose name opens a chart title such as `Change lead time, Platform`,
    /// and the rest of the title.
    func metric(openingTitle title: String) -> (metric: Metric, rest: String)? {
        metrics.values.filter { title.hasPrefix($0.name + ", ") }.max { $0.name.count < $1.name.count }
            .map { ($0, String(title.dropFirst($0.name.count + 2))) }
    }
}

extension Optional {
    func orThrow(_ what: String) throws -> Wrapped {
        guard let self else { throw CocoaError(.coderReadCorrupt, userInfo: [NSDebugDescriptionErrorKey: "cannot read \(what)"]) }
        return self
    }
}
