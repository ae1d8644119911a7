import Foundation
import Testing
@testable import ContentLoading

/// The content's part of a build's inputs: what the loader listed and read, summed up so
/// that any change to it changes the sum, and nothing else does.
@Suite("What a load read")
struct InputRecordTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("discern-inputs-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// The digest of a load of `root`.
    static func digest(_ root: URL) -> String {
        let record = InputRecord()
        _ = ContentLoader(source: .disk(root, recording: record)).load()
        return record.digest
    }

    static let content = [
        "site.yaml": "title: T\norganization: Acme\n",
        "teams.yaml": "teams:\n  - {id: a, name: A, headcount: 8}\n",
        "metrics.yaml": "metrics:\n  - {id: m, name: M, category: outcome, unit: d, better: lower, aggregate: mean}\n",
        "data/v.csv": "period,team,metric,value\n2026-Q1,a,m,2\n",
        "narratives/teams/a/2026-Q1.md": "A is at {{ value m }}.\n",
    ]

    @Test("the same folder gives the same digest; a byte read changed, a file read added or removed gives another")
    func changes() throws {
        let root = try Self.folder(Self.content)
        let first = Self.digest(root)
        #expect(Self.digest(root) == first)
        #expect(Self.digest(try Self.folder(Self.content)) == first, "the folder's place is not an input")
        var seen: Set<String> = [first]
        for (path, text) in [("data/v.csv", "period,team,metric,value\n2026-Q1,a,m,3\n"),
                             ("narratives/teams/a/2026-Q1.md", "A is at {{ value m }}!\n")] {
            try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
            #expect(seen.insert(Self.digest(root)).inserted, "\(path)")
        }
        let edited = Self.digest(root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("narratives/org"), withIntermediateDirectories: true)
        try "A second narrative.\n".write(to: root.appendingPathComponent("narratives/org/2026-Q1.md"), atomically: true, encoding: .utf8)
        #expect(seen.insert(Self.digest(root)).inserted, "a narrative added")
        try FileManager.default.removeItem(at: root.appendingPathComponent("narratives/org/2026-Q1.md"))
        #expect(Self.digest(root) == edited, "and removed again: the folder is as it was")
        // What the loader never reads cannot change the site, nor the digest.
        try "read by nothing\n".write(to: root.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("site"), withIntermediateDirectories: true)
        try "<p>a site built inside the content</p>".write(to: root.appendingPathComponent("site/index.html"), atomically: true, encoding: .utf8)
        #expect(Self.digest(root) == edited)
    }

    @Test("a file's digest, read a megabyte at a time, is the hash of its bytes whole")
    func fileDigest() throws {
        // Across a chunk's edge, and empty.
        let bytes = (0..<((1 << 20) * 2 + 77)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        for content in [bytes, []] {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("discern-digest-\(UUID().uuidString)")
            try Data(content).write(to: url)
            #expect(InputRecord.digest(ofFile: url.path) == QuerySnapshot.hash(of: content))
        }
        #expect(InputRecord.digest(ofFile: "/nonexistent/discern") == nil)
    }
}
