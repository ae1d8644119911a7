import ArgumentParser
import Foundation

/// What a `discern new` subcommand writes: files into one folder (created if missing), all
/// of them or none. A file already there stops the write unless `--force` says to replace it.
struct StarterFiles {
    /// A file's name in the folder, its bytes, and what it is (printed after its path).
    typealias File = (name: String, data: Data, what: String)

    /// The folder as the user named it.
    var folder: String
    var files: [File]
    /// What the files are together, for messages: "the survey files".
    var kind: String

    /// For `validate()`: a file where the folder should be is a usage error.
    func validate() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("'\(folder)' is a file; name a folder to write \(kind) into")
        }
    }

    /// Writes every file beside its destination and renames them into place, then prints
    /// each path and what it is. Exits 1, having written nothing, when a file exists and
    /// `force` is false, or when the files cannot be written.
    func write(force: Bool) throws {
        let paths = files.map { (folder as NSString).appendingPathComponent($0.name) }
        let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty, !force {
            for path in existing { FileHandleOutput.standardError("\(path): error: the file exists") }
            FileHandleOutput.standardError("Nothing written: pass --force to replace "
                + (existing.count == 1 ? "it" : "them") + ", or name another folder.")
            throw ExitCode(1)
        }
        do {
            try Import.writeAll(files: zip(paths, files).map { (path: $0, data: $1.data) })
        } catch {
            FileHandleOutput.standardError("\(folder): error: cannot write \(kind): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        for (path, file) in zip(paths, files) {
            print("\(path): \(file.what)")
        }
    }
}
