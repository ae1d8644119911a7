import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site so that readers only ever see a whole build: files go to a staging
/// folder beside the output, which replaces the output only once everything is written.
/// A failed build leaves the previous site exactly as it was.
struct OutputFolder {
    let destination: URL
    let staging: URL

    init(destination: URL) {
        self.destination = destination.standardizedFileURL
        let name = self.destination.lastPathComponent
        staging = self.destination.deletingLastPathComponent().appendingPathComponent(".\(name).discern-staging")
    }

    /// The file every build leaves in its output, so a later build knows the folder is
    /// a site it may replace, and not a folder of someone's files.
    static let marker = ".discern-site"

    /// Why `destination` must not be replaced, or nil when it may be: it does not exist,
    /// is empty, or holds a site Discern built. Never the working folder, nor one that
    /// contains the content.
    func refusal(content: URL?) -> String? {
        let files = FileManager.default
        let path = destination.resolvingSymlinksInPath().path
        let working = URL(fileURLWithPath: files.currentDirectoryPath).resolvingSymlinksInPath().path
        let contentPath = content?.resolvingSymlinksInPath().standardizedFileURL.path ?? "\u{0}"
        if path == "/" || working == path || working.hasPrefix(path + "/") {
            return "the output folder \(destination.path) holds the working folder; choose a folder of its own, such as site/"
        }
        if contentPath == path || contentPath.hasPrefix(path + "/") {
            return "the output folder \(destination.path) holds the content; choose a folder of its own, such as site/"
        }
        guard let entries = try? files.contentsOfDirectory(atPath: destination.path), !entries.isEmpty else { return nil }
        if entries.contains(Self.marker) { return nil }
        return "the output folder \(destination.path) is not empty and was not made by discern build; "
            + "choose another --output or empty it (a build replaces the whole folder)"
    }

    /// Starts a build: an empty staging folder, and the manifest of the site now here.
    func stage() throws -> StagingFolder {
        try StagingFolder(for: self)
    }

    /// A plain POSIX write: Foundation's `Data.write` cost several times more per file
    /// here, and a build writes thousands of small files.
    ///
    /// It always makes a new file: one already at `path` is unlinked first, never
    /// truncated, since it may be a hard link to a file of the site being served.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        var descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == EEXIST && unlink(path) == 0 {
            descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { Glibc.close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            guard written > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            offset += written
        }
    }

    /// The bytes of `path` if it is a plain file (not a link to one) of exactly `size`
    /// bytes, read in full; nil otherwise.
    static func plainFile(_ path: String, size: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == size else { return nil }
        // One byte more than expected, to notice a file that grew since `fstat`.
        var found = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while filled < found.count {
            let read = found.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { break }
            filled += read
        }
        guard filled == size else { return nil }
        found.removeLast()
        return found
    }

    /// Replaces one file of a built site: written beside it and renamed over it, so a
    /// reader sees the old file or the new one, never half of one.
    static func replaceFile(_ path: String, _ bytes: [UInt8]) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".discern-partial"
        try writeFile(temporary, bytes)
        guard Glibc.rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// Writes `patches` into the file at `path` where each says, leaving the rest.
    static func patchFile(_ path: String, _ patches: [(offset: Int, line: [UInt8])]) throws {
        let descriptor = Glibc.open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        for (offset, bytes) in patches {
            let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, bytes.count, off_t(offset)) }
            guard written == bytes.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        }
    }

    /// Where the site being replaced is moved while the new one goes in.
    var replaced: URL {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).discern-previous")
    }

    /// Swaps the staging folder in. The old output is moved aside first and removed
    /// only after the new one is in place, now or on a thread of its own.
    func swap(removingInBackground background: Bool) throws -> ReplacedSite? {
        let files = FileManager.default
        // What a build stopped while removing a replaced site left behind.
        FolderRemoval.removeInParallel(replaced.path)
        let hadSite = files.fileExists(atPath: destination.path)
        if hadSite {
            try files.moveItem(at: destination, to: replaced)
        }
        do {
            try files.moveItem(at: staging, to: destination)
        } catch {
            if files.fileExists(atPath: replaced.path) { try? files.moveItem(at: replaced, to: destination) }
            throw error
        }
        return hadSite ? ReplacedSite(path: replaced.path, inBackground: background) : nil
    }
}
