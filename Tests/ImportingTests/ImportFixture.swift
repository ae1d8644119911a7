import Foundation
import Importing

/// The fixture exports under `Tests/Fixtures/import/`, and small helpers for reading
/// an import's result in tests.
enum ImportFixture {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/import")

    /// A fixture file, named in diagnostics by its path under `Fixtures/import/`.
    static func file(_ path: String) throws -> InputFile {
        InputFile(path: path, bytes: [UInt8](try Data(contentsOf: root.appendingPathComponent(path))))
    }

    /// Every identifier of a person in the fixtures: logins, user ids, UPNs, display
    /// names and PersonIds.
    static func identifiers() throws -> [String] {
        try String(contentsOf: root.appendingPathComponent("identifiers.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }
}

extension UsageImport {
    /// The CSV rows by `period team metric`, each as `value n`.
    var table: [String: String] {
        var rows: [String: String] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            rows["\(fields[0]) \(fields[1]) \(fields[2])"] = "\(fields[3]) n=\(fields[4])"
        }
        return rows
    }

    /// The diagnostics as printed.
    var printed: [String] { diagnostics.map(\.description) }
}
