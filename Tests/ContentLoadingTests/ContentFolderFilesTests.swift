import ContentLoading
import Foundation
import Testing

@Suite("Files of a content folder on disk")
struct ContentFolderFilesTests {
    @Test("regular files at any depth are listed, sorted; hidden entries and links inside are not")
    func listing() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("discern-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content"), outside = root.appendingPathComponent("outside")
        for folder in ["content/narratives/teams/web", "content/.git", "content/data", "outside"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["content/site.yaml", "content/data/b.csv", "content/data/a.csv", "content/narratives/teams/web/2026-Q1.md",
                     "content/.git/config", "content/.DS_Store", "content/data/.~lock.a.csv#", "outside/secret.csv"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(file))
        }
        // A link to a file and one to a folder, both pointing out of the content folder.
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("data/linked.csv"),
                                                   withDestinationURL: outside.appendingPathComponent("secret.csv"))
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("narratives/more"), withDestinationURL: outside)

        let files = try ContentSource.disk(content).files()
        #expect(files == ["data/a.csv", "data/b.csv", "narratives/teams/web/2026-Q1.md", "site.yaml"])
    }
}
