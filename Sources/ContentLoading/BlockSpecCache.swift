import Foundation
import ReportModel

/// Block specs already read, by kind and text, for one build's metric catalog and
/// organization. Reports repeat the same few chart blocks across hundreds of
/// narratives, and reading even a small YAML document costs more than rendering its
/// narrative's Markdown. Only specs read without any diagnostic are kept, so every
/// problem is still reported where it occurs. Safe to share between workers.
public final class BlockSpecCache: @unchecked Sendable {
    private struct Key: Hashable {
        let kind: BlockSpec.Kind
        let body: String
    }

    private let metrics: [Metric]
    private let organization: Organization
    private let lock = NSLock()
    private var specs: [Key: BlockSpec] = [:]

    public init(metrics: [Metric], organization: Organization) {
        self.metrics = metrics
        self.organization = organization
    }

    /// What `BlockSpecReader.read` returns for the block, from the cache when the same
    /// text was read before.
    public func read(_ kind: BlockSpec.Kind, body: String, file: String, bodyLine: Int) -> (BlockSpec?, [Diagnostic]) {
        let key = Key(kind: kind, body: body)
        if var spec = lock.withLock({ specs[key] }) {
            spec.location = SourceLocation(file: file, line: bodyLine - 1, column: 1)
            return (spec, [])
        }
        let (spec, diagnostics) = BlockSpecReader.read(kind, body: body, file: file, bodyLine: bodyLine,
                                                       metrics: metrics, organization: organization)
        if let spec, diagnostics.isEmpty { lock.withLock { specs[key] = spec } }
        return (spec, diagnostics)
    }
}
