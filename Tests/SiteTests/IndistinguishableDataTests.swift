import ContentLoading
import Foundation
import ReportModel
import Testing
import TestSupport
@testable import Analysis
@testable import Site

/// The other half of "the ledger is complete": a site must be a function of what the
/// audit knows it publishes. Where `LedgerCompletenessTests` maps each number in the
/// files to a ledger entry, this changes everything the ledger does not hold (every
/// hidden value, as far as the published numbers allow, and every shown value's digits
/// below its rounding) and requires the same site, byte for byte. A chart coordinate,
/// a CSV cell or a sentence that carried one hidden digit would differ.
@Suite("A build is a function of what it publishes")
struct IndistinguishableDataTests {
    static func sample() -> Report {
        let load = ContentLoader(source: .disk(SiteFixture.repository.appendingPathComponent("content"))).load()
        precondition(!load.diagnostics.hasErrors, "the sample has errors")
        return Report(content: load.content)
    }

    /// The content with every audited cell's value replaced by one no reader can tell
    /// from it (`DisclosureAudit.indistinguishable`), each table pushed towards a corner
    /// picked by `seed`.
    static func indistinguishable(from report: Report, seed: UInt64) -> (content: ReportContent, moved: [ValueKey: Double]) {
        let audit = DisclosureAudit(content: report.content, rollUp: report.rollUp)
        let hidden = report.suppression.hiddenValues
        var random = SplitMix64(seed: seed)
        var replacement: [ValueKey: Double] = [:]
        for table in audit.tables {
            let weights = Dictionary(uniqueKeysWithValues: report.rollUp.scopes.flatMap { scope in
                table.metrics.map { (ValueKey(scope, $0, table.period), Bool.random(using: &random) ? 1.0 : -1.0) }
            })
            let values = audit.indistinguishable(table, hidden: hidden) { weights[$0] ?? 0 }
            #expect(values != nil, "no corner for \(table)")
            replacement.merge(values ?? [:]) { first, _ in first }
        }
        var content = report.content
        var moved: [ValueKey: Double] = [:]
        content.observations = content.observations.map { observation in
            guard let value = replacement[observation.key] else { return observation }
            moved[observation.key] = value - observation.value
            return Observation(period: observation.period, scope: observation.scope, metric: observation.metric,
                               value: value, n: observation.n, location: observation.location)
        }
        return (content, moved)
    }

    static func build(_ report: Report) throws -> URL {
        let folder = SiteFixture.temporaryFolder()
        var diagnostics = DiagnosticLog()
        _ = try SiteBuilder(report: report, theme: SiteFixture.theme(), options: BuildOptions())
            .build(into: folder, diagnostics: &diagnostics)
        #expect(!diagnostics.all.hasErrors)
        return folder
    }

    /// The files of two builds that differ, with the first differing line of each.
    static func differences(_ a: URL, _ b: URL) -> [String] {
        let files = Set(SiteFixture.files(in: a)).union(SiteFixture.files(in: b)).sorted()
        return files.compactMap { path in
            let left = SiteFixture.read(a, path), right = SiteFixture.read(b, path)
            guard left != right else { return nil }
            let pair = zip(left.split(separator: "\n", omittingEmptySubsequences: false),
                           right.split(separator: "\n", omittingEmptySubsequences: false)).first { $0 != $1 }
            let excerpt = pair.map { left, right in
                let common = zip(left, right).prefix { $0 == $1 }.count
                return "…\(left.dropFirst(max(0, common - 40)).prefix(100))… ≠ …\(right.dropFirst(max(0, common - 40)).prefix(100))…"
            } ?? "one is missing"
            return "\(path): \(excerpt)"
        }
    }

    @Test("data no reader can tell from the sample's builds the same site, byte for byte", arguments: [1, 2, 3] as [UInt64])
    func sameSite(seed: UInt64) throws {
        let report = Self.sample()
        let (content, moved) = Self.indistinguishable(from: report, seed: seed)
        let other = Report(content: content)

        // The test is only worth something if the hidden values really moved: by at
        // least the protection (10%) for the small teams' values the audit protects.
        let primary = report.suppression.hiddenValues.filter { key, reason in
            switch reason {
            case .smallGroup, .fewPeople: moved[key] != nil
            default: false
            }
        }
        #expect(!primary.isEmpty)
        let far = primary.keys.filter { key in
            let value = report.rollUp.cell(key.scope, key.metric, key.period)!.value
            return abs(moved[key]!) >= 0.04 * max(abs(value), 1)
        }
        #expect(far.count * 2 >= primary.count, "only \(far.count) of \(primary.count) hidden values moved")
        #expect(other.suppression.hiddenValues == report.suppression.hiddenValues)

        let a = try Self.build(report), b = try Self.build(other)
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let differences = Self.differences(a, b)
        #expect(differences.isEmpty, "\(differences.count) files differ:\n\(differences.prefix(10).joined(separator: "\n"))")
        #expect(SiteFixture.files(in: a).count > 500)
    }

    @Test("the comparison sees a hidden value moved further than the published numbers allow")
    func distinguishable() throws {
        let report = Self.sample()
        // A small team's value pushed to the far end of its range changes its group's roll-up.
        let (key, _) = try #require(report.suppression.hiddenValues.filter { key, reason in
            if case .smallGroup = reason { return report.content.metric(key.metric)?.aggregate == .weightedMean }
            return false
        }.min { ($0.key.period, $0.key.scope, $0.key.metric.rawValue) < ($1.key.period, $1.key.scope, $1.key.metric.rawValue) })
        var content = report.content
        let range = report.content.metric(key.metric)!.feasibleRange
        content.observations = content.observations.map { observation in
            guard observation.key == key else { return observation }
            let far = range.upperBound.isFinite ? range.upperBound : observation.value * 3 + 10
            return Observation(period: observation.period, scope: observation.scope, metric: observation.metric,
                               value: far, n: observation.n, location: observation.location)
        }
        let a = try Self.build(report), b = try Self.build(Report(content: content))
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        #expect(!Self.differences(a, b).isEmpty)
    }
}
