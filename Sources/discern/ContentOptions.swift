import ArgumentParser
import Foundation

/// Options shared by the commands that read a content folder.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder to read.", valueName: "dir"))
    var content: String = "content"

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("no content folder at '\(content)'; pass --content DIR")
        }
    }

    var url: URL { URL(fileURLWithPath: content, isDirectory: true) }
}
