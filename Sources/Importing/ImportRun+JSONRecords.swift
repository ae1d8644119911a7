import ContentLoading
import ReportModel

extension ImportRun {
    /// Hands `body` each record of `files` that is a JSON object, with its file's path;
    /// any other value is an error saying that `what` (a record, a pull request) must be
    /// an object. A file is read no further once it has as many errors as are kept.
    mutating func readObjects(of files: [InputFile], each what: String,
                              _ body: (_ record: JSONValue, _ path: String, _ run: inout ImportRun) -> Void) {
        for file in files {
            let path = file.path
            for record in JSONRecords.read(file, diagnostics: &diagnostics) {
                if diagnostics.isSaturated(path) { break }
                guard case .object = record.kind else {
                    diagnostics.error("expected \(what) as a JSON object, found \(record.typeName)",
                                      at: record.location(in: path))
                    continue
                }
                body(record, path, &self)
            }
        }
    }
}
