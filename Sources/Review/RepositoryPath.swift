import ReportModel

/// Where a diagnostic's file is, relative to the folder the command ran in (in CI, the
/// repository's root), which is what annotations and summaries need to point at it.
///
/// Content diagnostics name files relative to the content folder (`data/v.csv`), so
/// the folder is put in front (`content/data/v.csv`). Theme diagnostics already name
/// their files from the working folder (`Themes/default/page.mustache`) and are left
/// as they are, as are absolute paths (the output folder a build refuses, say).
public struct RepositoryPath: Sendable {
    /// The content folder as seen from the working folder, without `./` or a trailing
    /// slash; empty when the content folder is the working folder.
    public let contentFolder: String
    /// The files named by diagnostics that are not relative to the content folder.
    let workingFiles: Set<String>

    public init(contentFolder: String, workingFiles: Set<String> = []) {
        var folder = Substring(contentFolder)
        while folder.hasPrefix("./") { folder = folder.dropFirst(2) }
        while folder.count > 1, folder.hasSuffix("/") { folder = folder.dropLast() }
        self.contentFolder = folder == "." ? "" : String(folder)
        self.workingFiles = workingFiles
    }

    /// The diagnostic's file as seen from the working folder.
    public func path(of location: SourceLocation) -> String {
        if workingFiles.contains(location.file) || contentFolder.isEmpty || location.file.hasPrefix("/") { return location.file }
        return contentFolder == "/" ? "/" + location.file : contentFolder + "/" + location.file
    }

    /// `path:line:column`, with the path as seen from the working folder.
    public func position(of location: SourceLocation) -> String {
        "\(path(of: location)):\(location.line):\(location.column)"
    }
}
