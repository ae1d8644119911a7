import Foundation

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

    /// Starts with an empty staging folder.
    func prepare() throws {
        let files = FileManager.default
        try? files.removeItem(at: staging)
        try files.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes one file into the staging folder.
    func write(_ bytes: some Collection<UInt8>, to path: String) throws {
        let url = staging.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
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
