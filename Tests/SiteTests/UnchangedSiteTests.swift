import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport
@testable import Site

/// A build from the same inputs as the last, into a site found intact, leaves the site
/// as it is; anything else about the folder, however small, makes it build in full, and
/// then the site is what a build into a fresh folder makes.
@Suite("Builds leave an unchanged site as it is")
struct UnchangedSiteTests {
    /// Options whose inputs are `digest`, with records in a folder of the test's own.
    static func options(_ digest: String = "inputs-1", records: URL) -> BuildOptions {
        BuildOptions(inputs: BuildInputs(digest: digest, records: records.path))
    }

    @Test("the same inputs into the same intact site: nothing rendered, nothing written, and what it said before")
    func leftAsItIs() throws {
        let records = SiteFixture.temporaryFolder()
        let (folder, first, _) = try SiteFixture.build(SiteFixture.small, options: Self.options(records: records))
        let before = try RebuildTests.snapshot(folder)
        let (_, again, diagnostics) = try SiteFixture.build(SiteFixture.small, options: Self.options(records: records), into: folder)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(again?.unchanged == true)
        #expect(first?.unchanged == false)
        #expect(again?.pages == first?.pages && again?.charts == first?.charts && again?.files == first?.files)
        #expect(try RebuildTests.snapshot(folder) == before, "same files, bytes, inodes and links")
        // The record lives outside the site: the folder holds what a plain build makes.
        try RebuildTests.expectSameSite(folder, try SiteFixture.build(SiteFixture.small).folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: records.path).count == 1)
    }

    @Test("other inputs, no record, or another folder: the site is built in full")
    func otherInputs() throws {
        let records = SiteFixture.temporaryFolder()
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small, options: Self.options(records: records))
        let (_, other, _) = try SiteFixture.build(SiteFixture.small, options: Self.options("inputs-2", records: records), into: folder)
        #expect(other?.unchanged == false)
        #expect(other?.linked == SiteFixture.files(in: folder).count - 1, "every file but the manifest")
        // The record is now the second build's: the first's inputs no longer match.
        let (_, back, _) = try SiteFixture.build(SiteFixture.small, options: Self.options(records: records), into: folder)
        #expect(back?.unchanged == false)
        let (_, plain, _) = try SiteFixture.build(SiteFixture.small, into: folder)
        #expect(plain?.unchanged == false, "no inputs, no record")
        // A copy of the site elsewhere, with the same inputs: its folder has no record.
        let copy = SiteFixture.temporaryFolder()
        try FileManager.default.copyItem(at: folder, to: copy)
        let (_, copied, _) = try SiteFixture.build(SiteFixture.small, options: Self.options(records: records), into: copy)
        #expect(copied?.unchanged == false)
    }

    /// Each way an outsider might change a built site, done to a fresh one.
    static let tamperings: [(String, @Sendable (URL) throws -> Void)] = [
        ("a byte changed in place, same size", { folder in
            let path = folder.appendingPathComponent("index.html")
            var page = try Data(contentsOf: path)
            page[page.firstIndex(of: UInt8(ascii: "<"))!] = UInt8(ascii: "[")
            let handle = try FileHandle(forUpdating: path)
            try handle.write(contentsOf: page)
            try handle.close()
        }),
        ("a page removed", { try FileManager.default.removeItem(at: $0.appendingPathComponent("teams/ops/index.html")) }),
        ("a file added", { try Data("x".utf8).write(to: $0.appendingPathComponent("teams/notes.txt")) }),
        ("a hidden file added in a folder", { try Data("x".utf8).write(to: $0.appendingPathComponent("teams/ops/.hidden")) }),
        ("an empty folder added", { try FileManager.default.createDirectory(at: $0.appendingPathComponent("teams/empty"), withIntermediateDirectories: false) }),
        ("a page swapped for a symbolic link to a copy of itself", { folder in
            let page = folder.appendingPathComponent("404.html"), copy = SiteFixture.temporaryFolder()
            try FileManager.default.copyItem(at: page, to: copy)
            try FileManager.default.removeItem(at: page)
            try FileManager.default.createSymbolicLink(at: page, withDestinationURL: copy)
        }),
        ("the manifest changed, as a watched edit changes it", { folder in
            let marker = folder.appendingPathComponent(".discern-site")
            try (try Data(contentsOf: marker) + Data("\n".utf8)).write(to: marker)
        }),
    ]

    @Test("a site changed in any way since it was built is built in full, and is then a fresh build's",
          arguments: 0..<tamperings.count)
    func tampered(_ index: Int) throws {
        let (name, tamper) = Self.tamperings[index]
        let records = SiteFixture.temporaryFolder()
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small, options: Self.options(records: records))
        try tamper(folder)
        let (_, summary, _) = try SiteFixture.build(SiteFixture.small, options: Self.options(records: records), into: folder)
        #expect(summary?.unchanged == false, "\(name)")
        try RebuildTests.expectSameSite(folder, try SiteFixture.build(SiteFixture.small).folder)
        // And once rebuilt, it is recorded again.
        let (_, again, _) = try SiteFixture.build(SiteFixture.small, options: Self.options(records: records), into: folder)
        #expect(again?.unchanged == true, "\(name)")
    }
}
