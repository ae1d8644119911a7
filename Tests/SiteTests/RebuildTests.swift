import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport
@testable import Site

/// A rebuild links the files the previous build wrote with the same bytes, and writes
/// only the rest; what it leaves is what a build into a fresh folder makes.
@Suite("Rebuilds link what did not change")
struct RebuildTests {
    /// The small fixture with one team's narrative edited: the pages that show it change.
    static let edited = SiteFixture.small.replacingFixture("Ops is at {{ value cycle_time }}", with: "Ops stands at {{ value cycle_time }}")

    @Test("a rebuild, with or without a change, is the same site, byte for byte, as a build into a fresh folder")
    func rebuildMatchesFreshBuild() throws {
        let (folder, first, _) = try SiteFixture.build(SiteFixture.small)
        #expect(first?.linked == 0, "nothing to link from in a fresh folder")
        let (_, again, diagnostics) = try SiteFixture.build(SiteFixture.small, into: folder)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(again?.linked == SiteFixture.files(in: folder).count - 1, "every file but the manifest, which is always written")
        try Self.expectSameSite(folder, try SiteFixture.build(SiteFixture.small).folder)

        let (_, changed, _) = try SiteFixture.build(Self.edited, into: folder)
        #expect(changed?.linked == SiteFixture.files(in: folder).count - 3, "all but the manifest and the two pages")
        try Self.expectSameSite(folder, try SiteFixture.build(Self.edited).folder)
    }

    @Test("after a rebuild, unchanged files are the previous build's files, linked, and changed ones are new files")
    func unchangedFilesShareInodes() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small)
        // Links to the first build's files keep them, and their inode numbers, after the
        // rebuild removes the old tree; otherwise a new file could reuse a freed number.
        let held = try Self.hold(folder)
        let (_, summary, diagnostics) = try SiteFixture.build(Self.edited, into: folder)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        var shared = 0, changed: [String] = []
        for path in SiteFixture.files(in: folder) {
            let now = try Self.status(folder, path), before = try Self.status(held, path)
            if Self.bytes(folder, path) == Self.bytes(held, path) {
                #expect(now.st_ino == before.st_ino, "\(path) was written again")
                #expect(now.st_nlink == 2, "\(path): in the site and the held copy only, since the old tree is gone")
                shared += 1
            } else {
                #expect(now.st_ino != before.st_ino, "\(path) changed in place")
                #expect(now.st_nlink == 1, "\(path)")
                changed.append(path)
            }
        }
        #expect(changed == [".discern-site", "teams/ops/2026-Q2/index.html", "teams/ops/index.html"])
        #expect(shared > 20)
        #expect(summary?.linked == shared)
    }

    @Test("a file changed in the output since the last build is written afresh, never linked")
    func changedOutputIsNotLinked() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small)
        let files = SiteFixture.files(in: folder)
        // One byte changed in place: same size, same inode, and the manifest still says
        // the old hash, so only comparing the bytes can tell.
        var page = Self.bytes(folder, "index.html")
        let at = page.firstIndex(of: UInt8(ascii: "<"))!
        page[at] = UInt8(ascii: "[")
        let handle = try FileHandle(forUpdating: folder.appendingPathComponent("index.html"))
        try handle.write(contentsOf: page)
        try handle.close()
        // A symbolic link to a copy with the right bytes: the new site must hold a file.
        let copy = SiteFixture.temporaryFolder()
        try FileManager.default.copyItem(at: folder.appendingPathComponent("404.html"), to: copy)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("404.html"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("404.html"), withDestinationURL: copy)
        // A folder where the page was: the file system refuses the link, so the page is written.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("teams/index.html"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("teams/index.html"), withIntermediateDirectories: false)

        let (_, summary, _) = try SiteFixture.build(SiteFixture.small, into: folder)
        #expect(summary?.linked == files.count - 4, "all but the manifest and the three files changed in the output")
        try Self.expectSameSite(folder, try SiteFixture.build(SiteFixture.small).folder)
    }

    @Test("a build that fails while writing leaves the previous site, its manifest and its files as they were")
    func failedWriteLeavesPreviousSite() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small)
        let before = try Self.snapshot(folder)
        // A metric whose id fits a folder's name but makes its chart files' names longer
        // than the file system allows (255 bytes): the write fails after the pages before
        // it were linked into the staging folder.
        let id = String(repeating: "m", count: 240)
        let failing = Self.edited.replacingFixture("  - {id: wau,", with: """
              - {id: \(id), name: Long, category: outcome, unit: days, better: lower, aggregate: weighted_mean}
              - {id: wau,
            """) + "\n-- data/long.csv --\nperiod,team,\(id)\n2026-Q2,web,3\n2026-Q2,api,4\n2026-Q2,ops,5\n"
        #expect(throws: (any Error).self) { try SiteFixture.build(failing, into: folder) }
        #expect(try Self.snapshot(folder) == before, "same files, bytes, inodes, and one link each")
        let staging = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).discern-staging")
        #expect(!FileManager.default.fileExists(atPath: staging.path))
    }

    @Test("removing the replaced site removes a symbolic link in it, never what the link points to")
    func removalDoesNotFollowLinks() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small)
        let elsewhere = SiteFixture.temporaryFolder()
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("inside"), withIntermediateDirectories: true)
        try "keep".write(to: elsewhere.appendingPathComponent("inside/notes.txt"), atomically: true, encoding: .utf8)
        // At both depths the removal splits its work at: beside the pages, and among a team's quarters.
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("teams/linked"), withDestinationURL: elsewhere)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("teams/api/linked"), withDestinationURL: elsewhere)
        let (_, summary, _) = try SiteFixture.build(SiteFixture.small, into: folder)
        #expect(summary != nil)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("teams/linked").path))
        #expect(SiteFixture.files(in: elsewhere) == ["inside/notes.txt"])
    }

    @Test("a file staged twice is written as a new file, never through the link into the site being served")
    func neverWritesThroughALink() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small)
        let page = Self.bytes(folder, "index.html")
        let staging = try OutputFolder(destination: folder).stage()
        try staging.write(Array(page), to: "index.html")
        #expect(staging.linked == 1)
        try staging.write(Array("<p>another page</p>".utf8), to: "index.html")
        staging.discard()
        #expect(Self.bytes(folder, "index.html") == page)
        #expect(try Self.status(folder, "index.html").st_nlink == 1)
    }

    @Test("the manifest lists every other file with its size and XXH64, sorted by path, and nothing more")
    func manifest() throws {
        let (folder, _, _) = try SiteFixture.build(SiteFixture.small)
        let text = SiteFixture.read(folder, ".discern-site")
        #expect(text.hasPrefix("This folder is a site built by discern build; the next build replaces it whole.\n"))
        let lines = text.dropFirst(SiteManifest.heading.count).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "ends with a line break")
        let files = SiteFixture.files(in: folder).filter { $0 != ".discern-site" }
        #expect(lines.dropLast().map { String($0.split(separator: " ", maxSplits: 2)[2]) } == files)
        for (line, path) in zip(lines, files) {
            let bytes = Self.bytes(folder, path)
            let hash = String(XXH64.hash(Array(bytes)), radix: 16)
            #expect(line == "\(bytes.count) \(String(repeating: "0", count: 16 - hash.count) + hash) \(path)")
        }
        for path in files {
            #expect(!SiteFixture.read(folder, path).contains(".discern-site"), "\(path) names the manifest")
        }
    }

    @Test("the manifest reads back what it wrote; a marker without its heading reads as none")
    func manifestText() {
        let manifest = SiteManifest(entries: ["b/index.html": .init(size: 3, hash: 0xAB), "a b.css": .init(size: 0, hash: 1)])
        let text = SiteManifest.heading + "0 0000000000000001 a b.css\n3 00000000000000ab b/index.html\n"
        #expect(String(decoding: manifest.bytes, as: UTF8.self) == text)
        #expect(SiteManifest(bytes: manifest.bytes) == manifest)
        #expect(SiteManifest(bytes: Array("This folder is a site built by discern build; the next build replaces it whole.\n".utf8)) == nil)
    }

    @Test("a manifest updated in place, as a watched build does, is the manifest of the files it then names")
    func manifestUpdate() throws {
        let entries: [String: SiteManifest.Entry] = ["b.html": .init(size: 1, hash: 1), "c/index.html": .init(size: 2, hash: 2),
                                                     "c/chart-1-bar-m.svg": .init(size: 3, hash: 3), "d.css": .init(size: 4, hash: 4)]
        let changes: [String: SiteManifest.Entry?] = ["a.html": .init(size: 5, hash: 5), "c/index.html": .init(size: 6, hash: 6),
                                                      "c/chart-1-bar-m.svg": nil, "e/index.html": .init(size: 7, hash: 7)]
        var expected = entries
        for (path, entry) in changes { expected[path] = entry }
        let updated = try #require(SiteManifest.updating(SiteManifest(entries: entries).bytes, with: changes))
        #expect(String(decoding: updated, as: UTF8.self) == String(decoding: SiteManifest(entries: expected).bytes, as: UTF8.self))
        #expect(SiteManifest.updating(Array("no heading\n".utf8), with: changes) == nil)
    }

    @Test("a watched edit writes the manifest's lines in place when they keep their length, and only then")
    func manifestPatches() throws {
        // Enough files that binary search has ground to cover, with paths that share prefixes.
        var entries: [String: SiteManifest.Entry] = [:]
        for team in 0..<40 {
            for quarter in 1...4 {
                entries["teams/t\(team)/2026-Q\(quarter)/index.html"] = .init(size: 10_000 + team, hash: UInt64(team * 10 + quarter))
                entries["teams/t\(team)/2026-Q\(quarter)/chart-1-line-m.svg"] = .init(size: 500, hash: UInt64(quarter))
            }
        }
        entries["index.html"] = .init(size: 7, hash: 7)
        let marker = SiteManifest(entries: entries).bytes
        let changes: [String: SiteManifest.Entry?] = [
            "index.html": .init(size: 8, hash: 0xFFFF_FFFF_FFFF_FFFF),  // the first line
            "teams/t9/2026-Q4/index.html": .init(size: 19_999, hash: 1),  // the last line
            "teams/t17/2026-Q2/index.html": .init(size: 12_345, hash: 2),
            "teams/t17/2026-Q2/chart-1-line-m.svg": .init(size: 501, hash: 3),
        ]
        let patches = try #require(SiteManifest.patches(marker, with: changes))
        #expect(patches.count == changes.count)
        var patched = marker
        for (offset, line) in patches { patched.replaceSubrange(offset..<(offset + line.count), with: line) }
        var expected = entries
        for (path, entry) in changes { expected[path] = entry }
        #expect(String(decoding: patched, as: UTF8.self) == String(decoding: SiteManifest(entries: expected).bytes, as: UTF8.self))

        // What changes a line's length, or the set of lines, is left to a whole rewrite.
        #expect(SiteManifest.patches(marker, with: ["index.html": .init(size: 10, hash: 7)]) == nil, "a size gains a digit")
        #expect(SiteManifest.patches(marker, with: ["teams/t1/2026-Q1/chart-2-bar-m.svg": .init(size: 1, hash: 1)]) == nil, "an added file")
        #expect(SiteManifest.patches(marker, with: ["teams/t1/2026-Q1/chart-1-line-m.svg": nil]) == nil, "a removed file")
        #expect(SiteManifest.patches(Array("no heading\n".utf8), with: changes) == nil)
    }

    @Test("XXH64 gives the published hashes")
    func xxh64() {
        let pattern = (0..<3).flatMap { _ in (0...255).map(UInt8.init) } + Array("xyz".utf8)
        let cases: [([UInt8], UInt64)] = [
            ([], 0xEF46_DB37_51D8_E999),
            (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B),
            (Array("abc".utf8), 0x44BC_2CF5_AD77_0999),
            (Array("Nobody inspects the spammish repetition".utf8), 0xFBCE_A83C_8A37_8BF1),
            (Array("0123456789abcdef0123456789abcdef".utf8), 0x642A_9495_8E71_E6C5),
            (pattern, 0xE921_A1B4_5BD7_79F8),
        ]
        for (bytes, hash) in cases {
            #expect(XXH64.hash(bytes) == hash, "\(bytes.count) bytes")
        }
    }

    // MARK: - Helpers

    /// Expects the same paths, each a plain file (not a symbolic link), with the same bytes.
    static func expectSameSite(_ folder: URL, _ fresh: URL) throws {
        let files = SiteFixture.files(in: folder)
        #expect(files == SiteFixture.files(in: fresh))
        #expect(files.contains(".discern-site"))
        for path in files {
            #expect(try status(folder, path).st_mode & S_IFMT == S_IFREG, "\(path) is not a plain file")
            #expect(bytes(folder, path) == bytes(fresh, path), "\(path) differs")
        }
    }

    static func bytes(_ folder: URL, _ path: String) -> Data {
        FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) ?? Data()
    }

    /// `lstat` of a file of the site.
    static func status(_ folder: URL, _ path: String) throws -> stat {
        var status = stat()
        guard lstat(folder.appendingPathComponent(path).path, &status) == 0 else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        return status
    }

    /// A new folder holding a hard link to every file of `folder`.
    static func hold(_ folder: URL) throws -> URL {
        let held = SiteFixture.temporaryFolder()
        for path in SiteFixture.files(in: folder) {
            let target = held.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.linkItem(at: folder.appendingPathComponent(path), to: target)
        }
        return held
    }

    /// Every file's path, bytes, inode and number of links.
    struct FileState: Equatable {
        var path: String
        var bytes: Data
        var inode: UInt
        var links: UInt
    }

    static func snapshot(_ folder: URL) throws -> [FileState] {
        try SiteFixture.files(in: folder).map { path in
            let status = try status(folder, path)
            return FileState(path: path, bytes: bytes(folder, path), inode: UInt(status.st_ino), links: UInt(status.st_nlink))
        }
    }
}
