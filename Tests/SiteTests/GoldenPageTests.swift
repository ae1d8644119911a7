import Foundation
import Testing
@testable import Site

/// Whole pages compared with reviewed copies in `Golden/`. After an intended change,
/// regenerate with `UPDATE_GOLDEN=1 swift test --filter GoldenPageTests` and review the diff.
@Suite("Golden pages")
struct GoldenPageTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test("full pages match their golden copies",
          arguments: ["index.html", "teams/eng/2026-Q2/index.html", "metrics/cycle_time/index.html", "teams/index.html"])
    func page(_ path: String) throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small)
        let actual = SiteFixture.read(folder, path)
        let golden = Self.goldenFolder.appendingPathComponent(path.replacingOccurrences(of: "/", with: "_"))
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try actual.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "\(path) differs from \(golden.lastPathComponent); UPDATE_GOLDEN=1 regenerates it")
    }
}
