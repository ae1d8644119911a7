import Foundation

/// A content folder as it was at a git revision, copied out with `git archive` into a
/// temporary folder, for `discern diff --against`. The working copy is not touched.
struct GitContent {
    /// The copy, deleted by `remove()`.
    let folder: URL
    /// How diagnostics name the old side: `origin/main:content`.
    let label: String

    /// What went wrong, in words for the user; a usage error, since it is the revision
    /// or the folder named that is wrong, not the content.
    struct Failure: Error {
        let message: String
    }

    /// Copies `content` (a folder inside a git working tree) as it is at `revision`.
    static func extract(_ content: String, at revision: String) throws -> GitContent {
        let directory = URL(fileURLWithPath: content, isDirectory: true).standardizedFileURL
        guard let root = try? git(["rev-parse", "--show-toplevel"], in: directory),
              let prefix = try? git(["rev-parse", "--show-prefix"], in: directory) else {
            throw Failure(message: "--against needs the content folder '\(content)' to be inside a git repository")
        }
        let repository = URL(fileURLWithPath: root, isDirectory: true)
        guard (try? git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: repository)) != nil else {
            throw Failure(message: "no git revision '\(revision)'; fetch it first (in GitHub Actions, check out with fetch-depth: 0)")
        }
        let path = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        let tree = path.isEmpty ? revision : revision + ":" + path
        // Not `rev-parse TREE^{tree}`: after the colon, git reads `^{tree}` as part of the path.
        guard (try? git(["cat-file", "-t", tree], in: repository)) == "tree" else {
            throw Failure(message: "there is no folder '\(path)' at \(revision)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("discern-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            try archive(tree, from: repository, into: folder)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        return GitContent(folder: folder, label: path.isEmpty ? revision + ":." : revision + ":" + path)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// `git archive TREE | tar -x -C FOLDER`: the tree's files, and nothing of the index
    /// or the working copy.
    private static func archive(_ tree: String, from repository: URL, into folder: URL) throws {
        let git = process(["git", "archive", "--format=tar", tree], in: repository)
        let tar = process(["tar", "-x", "-C", folder.path], in: repository)
        let pipe = Pipe(), gitErrors = Pipe(), tarErrors = Pipe()
        git.standardOutput = pipe
        git.standardError = gitErrors
        tar.standardInput = pipe
        tar.standardError = tarErrors
        try git.run()
        try tar.run()
        let gitMessage = gitErrors.fileHandleForReading.readDataToEndOfFile()
        let tarMessage = tarErrors.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        tar.waitUntilExit()
        guard git.terminationStatus == 0, tar.terminationStatus == 0 else {
            let message = String(decoding: gitMessage + tarMessage, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(message: "could not copy \(tree) out of git: \(message)")
        }
    }

    /// Runs git and returns its trimmed standard output; throws when it fails.
    private static func git(_ arguments: [String], in directory: URL) throws -> String {
        let process = process(["git"] + arguments, in: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(message: "git \(arguments.joined(separator: " ")) failed") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func process(_ arguments: [String], in directory: URL) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        return process
    }
}
