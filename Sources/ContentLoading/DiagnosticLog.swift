import ReportModel

/// Diagnostics as the data loader and the importers keep them: every problem in one
/// run, but at most 100 errors per file, so a wholly wrong file does not print a line
/// for each of its million rows.
package struct DiagnosticLog: Sendable {
    static let errorLimit = 100

    package private(set) var all: [Diagnostic] = []
    private var errorsByFile: [String: Int] = [:]

    package init() {}

    package mutating func report(_ diagnostic: Diagnostic) {
        let file = diagnostic.location.file
        if diagnostic.severity == .error {
            let count = errorsByFile[file, default: 0] + 1
            errorsByFile[file] = count
            if count > Self.errorLimit { return }
            if count == Self.errorLimit {
                all.append(.error("too many errors in this file; stopping after \(Self.errorLimit)", at: diagnostic.location))
                return
            }
        }
        all.append(diagnostic)
    }

    package mutating func error(_ message: String, at location: SourceLocation) {
        report(.error(message, at: location))
    }

    package mutating func warning(_ message: String, at location: SourceLocation) {
        report(.warning(message, at: location))
    }

    /// Whether a file has reached the error limit, so reading it further is wasted work.
    package func isSaturated(_ file: String) -> Bool {
        errorsByFile[file, default: 0] >= Self.errorLimit
    }

    package var hasErrors: Bool { all.hasErrors }
}
