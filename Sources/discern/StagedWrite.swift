import Foundation
import Glibc

/// Files written into a folder whole or not at all: what every `discern new` starter
/// writes (`StarterFiles`).
///
/// Every file is written into a hidden staging folder first, so a failure while writing
/// leaves nothing behind. Only then do they take their places: a new folder by one
/// rename; in a folder that exists, each file by a rename of its own, a file it replaces
/// kept aside (a hard link) until all are in, so that a failure part way puts back what
/// was there and removes what was added.
struct StagedWrite {
    /// The folder, created if missing.
    let path: String

    /// Writes each file at its path relative to the folder, creating folders on the way.
    func write(_ files: [(path: String, data: Data)]) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory) && isDirectory.boolValue
        // Inside the folder when it exists, so each rename stays on its file system; beside
        // it otherwise, to become it.
        let staging = exists
            ? target.appendingPathComponent(".discern-partial-\(UUID().uuidString)")
            : target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).discern-partial-\(UUID().uuidString)")
        let fresh = staging.appendingPathComponent("new")
        try manager.createDirectory(at: fresh, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: staging) }
        for file in files {
            let url = fresh.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
        if exists {
            try place(files.map(\.path), from: fresh, keeping: staging.appendingPathComponent("old"), into: target)
        } else {
            try Self.rename(fresh.path, to: target.path)
        }
    }

    /// Renames each file into the folder; on a failure, undoes the ones already renamed.
    private func place(_ paths: [String], from fresh: URL, keeping old: URL, into target: URL) throws {
        var placed: [(path: String, kept: String?)] = []
        var madeFolders: [String] = []
        do {
            for relative in paths {
                let destination = target.appendingPathComponent(relative)
                madeFolders += try Self.makeFolders(of: relative, in: target)
                var kept: String?
                if FileManager.default.fileExists(atPath: destination.path) {
                    let aside = old.appendingPathComponent(relative)
                    try FileManager.default.createDirectory(at: aside.deletingLastPathComponent(), withIntermediateDirectories: true)
                    guard link(destination.path, aside.path) == 0 else { throw Self.failure(destination.path) }
                    kept = aside.path
                }
                try Self.rename(fresh.appendingPathComponent(relative).path, to: destination.path)
                placed.append((destination.path, kept))
            }
        } catch {
            for file in placed.reversed() {
                if let kept = file.kept { Glibc.rename(kept, file.path) } else { unlink(file.path) }
            }
            for folder in madeFolders.reversed() { rmdir(folder) }
            throw error
        }
    }

    /// Creates the folders on the way to `relative` below `target` that are missing, and
    /// returns them, outermost first.
    private static func makeFolders(of relative: String, in target: URL) throws -> [String] {
        var made: [String] = []
        var folder = target
        for component in relative.split(separator: "/").dropLast() {
            folder.appendPathComponent(String(component))
            if FileManager.default.fileExists(atPath: folder.path) { continue }
            guard mkdir(folder.path, 0o777) == 0 else { throw failure(folder.path) }
            made.append(folder.path)
        }
        return made
    }

    private static func rename(_ from: String, to: String) throws {
        guard Glibc.rename(from, to) == 0 else { throw failure(to) }
    }

    /// The system call that just failed, with the path it failed on.
    struct Failure: LocalizedError {
        var path: String
        var reason: String

        var errorDescription: String? { "\(path): \(reason)" }
    }

    private static func failure(_ path: String) -> Failure {
        Failure(path: path, reason: String(cString: strerror(errno)))
    }
}
