import ReportModel

/// The result of `discern import`: team-quarter values in Discern's long CSV form, the
/// metrics they need, and every diagnostic. It holds no person identifier: people were
/// numbers while the files were read, and only counts of them remain.
public struct UsageImport: Sendable {
    var values: [ImportedValue]
    /// The metrics the values use, in the order they are declared.
    var metrics: [ImportedMetric]
    /// Sorted by file and line. With an error among them, nothing should be written.
    public var diagnostics: [Diagnostic]
    public var summary: ImportSummary

    /// The values a roll-up gave, the metrics they use, and the counts of what was read and
    /// left out: how every importer ends.
    init(source: ImportSource, run: ImportRun, outcome: QuarterlyRollUp.Outcome, metrics: [ImportedMetric],
         diagnostics: DiagnosticLog, minGroupSize: Int) {
        let used = Set(outcome.values.map(\.metric))
        values = outcome.values
        self.metrics = metrics.filter { used.contains($0.id) }
        self.diagnostics = diagnostics.all.sorted()
        summary = ImportSummary(
            source: source, records: run.records, repeats: run.repeats,
            people: source == .githubCopilotLegacy ? nil : outcome.people,
            unmappedPeople: run.unmapped.count, values: outcome.values.count,
            teams: Set(outcome.values.map(\.team)).count, periods: Set(outcome.values.map(\.period)).sorted(),
            minGroupSize: minGroupSize, leftOutTeamQuarters: outcome.leftOutTeamQuarters,
            leftOutValues: outcome.leftOutValues)
    }

    /// The data file: `period,team,metric,value,n`, sorted by quarter, team and metric,
    /// and `ci_low,ci_high` after them when a metric declared `given` has intervals (blank
    /// for the other metrics' rows, which the reader takes as none). Its cells are ids and
    /// plain numbers, but they go through `CSVCell` like every CSV Discern writes, so no
    /// future field can carry a formula into a spreadsheet.
    public var csv: String {
        let intervals = values.contains { $0.interval != nil }
        var text = CSVCell.record(["period", "team", "metric", "value", "n"] + (intervals ? ["ci_low", "ci_high"] : [])) + "\n"
        for value in values {
            var cells = [value.period.description, value.team, value.metric.rawValue,
                         CSVNumber.format(value.value), String(value.n)]
            if intervals {
                cells += value.interval.map { [CSVNumber.format($0.low), CSVNumber.format($0.high)] } ?? ["", ""]
            }
            text += CSVCell.record(cells) + "\n"
        }
        return text
    }

    /// The entries to paste under `metrics:` in `metrics.yaml`.
    public var metricsFragment: String {
        MetricsFragment.yaml(for: metrics, source: summary.source, firstPeriod: values.map(\.period).min())
    }
}
