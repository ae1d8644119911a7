import Foundation
import ReportModel

/// The data blocks one load has read, by kind and text. Reports repeat the same few
/// chart blocks word for word across hundreds of narratives, and reading even a small
/// YAML document costs more than cmark's parse of a whole narrative, so each distinct
/// block is read once per load. Only blocks read without any diagnostic are kept, so
/// every problem is still reported where it occurs. Shared by the workers of one load.
final class DistinctBlocks: @unchecked Sendable {
    private struct Key: Hashable {
        let kind: BlockSpec.Kind
        let body: String
    }

    private let lock = NSLock()
    private var specs: [Key: BlockSpec] = [:]

    /// What `BlockSpecReader.read` returns for the block, without reading text read before.
    func read(_ kind: BlockSpec.Kind, body: String, file: String, bodyLine: Int, metrics: [Metric],
              organization: Organization, diagnostics: inout DiagnosticLog) -> BlockSpec? {
        let key = Key(kind: kind, body: body)
        if var spec = lock.withLock({ specs[key] }) {
            spec.location = SourceLocation(file: file, line: bodyLine - 1, column: 1)
            return spec
        }
        var found = DiagnosticLog()
        let spec = BlockSpecReader.read(kind, body: body, file: file, bodyLine: bodyLine,
                                        metrics: metrics, organization: organization, diagnostics: &found)
        if let spec, found.isEmpty { lock.withLock { specs[key] = spec } }
        diagnostics.merge(found)
        return spec
    }
}
