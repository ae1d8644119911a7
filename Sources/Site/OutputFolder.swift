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

    /// Starts with an empty staging folder.
    func prepare() throws {
        let files = FileManager.default
        try? files.removeItem(at: staging)
        try files.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Folders already made, so each is created once.
    private let made = MadeFolders()

    /// Writes one file into the staging folder. Safe to call from several workers.
    ///
    /// Paths are plain strings and folders are made with `mkdir`: Foundation's URL
    /// methods look at the disk to decide whether a path is a folder, which cost more
    /// than writing the file.
    func write(_ bytes: some Collection<UInt8>, to path: String) throws {
        let root = staging.path
        if let slash = path.lastIndex(of: "/") {
            try made.ensure(String(path[..<slash]), under: root)
        }
        try Self.writeFile(root + "/" + path, Array(bytes))
    }

    /// A plain POSIX write: Foundation's `Data.write` cost several times more per file
    /// here, and a build writes thousands of small files.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { Glibc.close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            guard written > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            offset += written
        }
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

    /// Swaps the staging folder in. The old output is moved aside first and removed
    /// only after the new one is in place.
    func commit() throws {
        let files = FileManager.default
        let previous = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).discern-previous")
        try? files.removeItem(at: previous)
        if files.fileExists(atPath: destination.path) {
            try files.moveItem(at: destination, to: previous)
        }
        do {
            try files.moveItem(at: staging, to: destination)
        } catch {
            if files.fileExists(atPath: previous.path) { try? files.moveItem(at: previous, to: destination) }
            throw error
        }
        try? files.removeItem(at: previous)
    }

    /// Removes the staging folder after a failure.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
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
