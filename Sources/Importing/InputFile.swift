import ContentLoading
import ReportModel

/// One file handed to an import: the path as the user wrote it (used in diagnostics)
/// and its bytes. Importing never touches the disk; the command reads the files.
public struct InputFile: Sendable {
    var path: String
    var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The text, checked as UTF-8 as the content loader checks it; nil after reporting
    /// why it cannot be read.
    func text(diagnostics: inout DiagnosticLog) -> String? {
        TextDecoding.decode(bytes, file: path, diagnostics: &diagnostics)
    }
}
