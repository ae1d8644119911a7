import ArgumentParser
import Foundation

/// What a `discern new` subcommand writes: files into one folder (created if missing), all
/// of them or none (`StagedWrite`). Without `--force`, a file already there stops the
/// write, or for a starter that fills a whole folder, anything already in it.
struct StarterFiles {
    /// A file's path in the folder, its bytes, and what it is (printed after its path).
    typealias File = (name: String, data: Data, what: String)

    /// What in the folder stops the write, unless `--force` says to go on.
    enum Refusal {
        /// A file of the same name as one of the starter's.
        case sameNames
        /// Anything at all: the starter is a whole folder, and belongs in a new or empty one.
        case anything
    }

    /// The folder as the user named it.
    var folder: String
    var files: [File]
    /// What the files are together, for messages: "the survey files".
    var kind: String
    var refusal: Refusal = .sameNames

    /// For `validate()`: a file where the folder should be is a usage error.
    func validate() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("'\(folder)' is a file; name a folder to write \(kind) into")
        }
    }

    /// Writes every file, then prints each path and what it is. Exits 1, having written
    /// nothing, when the folder holds what `refusal` names and `force` is false, or when
    /// the files cannot be written.
    func write(force: Bool) throws {
        let paths = files.map { (folder as NSString).appendingPathComponent($0.name) }
        if !force { try refuse(paths) }
        do {
            try StagedWrite(path: folder).write(files.map { (path: $0.name, data: $0.data) })
        } catch {
            FileHandleOutput.standardError("\(folder): error: cannot write \(kind), so none was written: "
                + error.localizedDescription)
            throw ExitCode(1)
        }
        for (path, file) in zip(paths, files) {
            print("\(path): \(file.what)")
        }
    }

    /// Exits 1 with what is in the way, if anything is.
    private func refuse(_ paths: [String]) throws {
        switch refusal {
        case .sameNames:
            let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
            guard !existing.isEmpty else { return }
            for path in existing { FileHandleOutput.standardError("\(path): error: the file exists") }
            FileHandleOutput.standardError("Nothing written: pass --force to replace "
                + (existing.count == 1 ? "it" : "them") + ", or name another folder.")
        case .anything:
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            guard let first = entries.first else { return }
            FileHandleOutput.standardError("\(folder): error: the folder is not empty (it holds '\(first)'"
                + (entries.count > 1 ? " and \(entries.count - 1) more)" : ")"))
            FileHandleOutput.standardError("Nothing written: name a new or empty folder, or pass --force to write "
                + "into this one, replacing files of the same names.")
        }
        throw ExitCode(1)
    }
}
