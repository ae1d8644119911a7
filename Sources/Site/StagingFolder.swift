import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One build's files, gathered beside the output and swapped in whole once all are
/// written (see `OutputFolder`).
///
/// A file the previous build wrote with the same bytes at the same path is hard-linked
/// from the output rather than written again: its manifest entry (size and hash) must
/// match the new bytes, and the linked file must still hold exactly those bytes, compared
/// in full, so a file edited in the output since, or a hash collision, is written afresh.
/// When the file system will not link (another device, no permission, no hard links),
/// the bytes are written. A linked file is never written through: every write makes a
/// new file, so the output in place is never touched before the swap.
struct StagingFolder: Sendable {
    let output: OutputFolder
    /// The manifest of the site now in the output, read when staging began.
    let previous: SiteManifest
    /// The output's path and the staging folder's, as plain strings.
    private let site: String, root: String
    private let made = MadeFolders()
    private let record = StagedFiles()

    /// Makes an empty staging folder for `output` and reads its current manifest.
    init(for output: OutputFolder) throws {
        self.output = output
        site = output.destination.path
        root = output.staging.path
        previous = SiteManifest(site: site) ?? SiteManifest()
        FolderRemoval.removeInParallel(root)
        try FileManager.default.createDirectory(at: output.staging, withIntermediateDirectories: true)
    }

    /// How many files were linked from the previous build so far.
    var linked: Int { record.linked }

    /// Puts one file into the staging folder: linked from the output when unchanged,
    /// written otherwise. Safe to call from several workers.
    ///
    /// Paths are plain strings and folders are made with `mkdir`: Foundation's URL
    /// methods look at the disk to decide whether a path is a folder, which cost more
    /// than writing the file.
    func write(_ bytes: [UInt8], to path: String) throws {
        if let slash = path.lastIndex(of: "/") {
            try made.ensure(String(path[..<slash]), under: root)
        }
        let entry = SiteManifest.Entry(bytes)
        let target = root + "/" + path
        if previous.entries[path] == entry, link(from: site + "/" + path, to: target, holding: bytes) {
            record.add(path, entry, linked: true)
        } else {
            try OutputFolder.writeFile(target, bytes)
            record.add(path, entry, linked: false)
        }
    }

    /// Links `source` as `target` and keeps the link only if it is a plain file holding
    /// exactly `bytes`. Checking after linking checks the very file the new site will hold.
    private func link(from source: String, to target: String, holding bytes: [UInt8]) -> Bool {
        guard Glibc.link(source, target) == 0 else { return false }
        if Self.file(target, holds: bytes) { return true }
        unlink(target)
        return false
    }

    /// Whether `path` is a regular file (not a link to one) whose bytes are `bytes`.
    static func file(_ path: String, holds bytes: [UInt8]) -> Bool {
        guard let found = OutputFolder.plainFile(path, size: bytes.count) else { return false }
        return memcmp(found, bytes, bytes.count) == 0
    }

    /// Writes the manifest of everything staged as the marker, last, then swaps the
    /// staging folder in; see `OutputFolder.swap`.
    func commit(removingInBackground background: Bool) throws -> ReplacedSite? {
        try OutputFolder.writeFile(root + "/" + OutputFolder.marker,
                                   SiteManifest(entries: record.entries).bytes)
        return try output.swap(removingInBackground: background)
    }

    /// Removes the staging folder after a failure; the output is as it was.
    func discard() {
        FolderRemoval.removeInParallel(root)
    }
}

/// The folders made so far in one build, shared by its workers.
private final class MadeFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var folders: Set<String> = []

    /// Makes `folder` and any missing parents below `root`, each once per build.
    func ensure(_ folder: String, under root: String) throws {
        try lock.withLock {
            guard !folders.contains(folder) else { return }
            var path = ""
            for component in folder.split(separator: "/") {
                path += path.isEmpty ? String(component) : "/" + component
                guard !folders.contains(path) else { continue }
                let full = root + "/" + path
                if Glibc.mkdir(full, 0o755) != 0 && errno != EEXIST {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: full])
                }
                folders.insert(path)
            }
        }
    }
}

/// The files staged so far, for the new manifest, shared by the workers.
private final class StagedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var staged: [String: SiteManifest.Entry] = [:]
    private var links = 0

    func add(_ path: String, _ entry: SiteManifest.Entry, linked: Bool) {
        lock.withLock {
            staged[path] = entry
            if linked { links += 1 }
        }
    }

    var entries: [String: SiteManifest.Entry] { lock.withLock { staged } }
    var linked: Int { lock.withLock { links } }
}
