import ArgumentParser
import Foundation

/// Options shared by the commands that read a content folder.
struct ContentOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp(
        "The content folder to read. Default: content, or the working folder when it holds a site.yaml "
            + "and no content folder (as `discern new report DIR` writes it).", valueName: "dir"))
    var given: String?

    /// The folder to read: the one given, else `content`, else the working folder when it
    /// is a content folder itself, so that `discern new report r && cd r && discern build`
    /// works as it reads.
    var content: String {
        if let given { return given }
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if !(files.fileExists(atPath: "content", isDirectory: &isDirectory) && isDirectory.boolValue),
           files.fileExists(atPath: "site.yaml") {
            return "."
        }
        return "content"
    }

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("no content folder at '\(content)' and no site.yaml in the working folder; "
                + "pass --content DIR, or start one with `discern new report DIR`")
        }
    }

    var url: URL { URL(fileURLWithPath: content, isDirectory: true) }
}
