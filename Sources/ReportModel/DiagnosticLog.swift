/// How every stage reports problems: one run collects them all, in one log, so a user
/// sees every problem at once. At most 100 errors are kept per file, so a wholly wrong
/// file does not print a line for each of its million rows.
///
/// Stages take the log `inout` and return only their result; a stage that runs on several
/// cores keeps a log per worker and `merge`s them in input order.
public struct DiagnosticLog: Sendable {
    static let errorLimit = 100

    /// Everything reported, in the order it was reported.
    public private(set) var all: [Diagnostic] = []
    private var errorsByFile: [String: Int] = [:]

    public init() {}

    public mutating func report(_ diagnostic: Diagnostic) {
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

    public mutating func report(_ diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics { report(diagnostic) }
    }

    /// Another log's findings, after this one's, within the same per-file limit.
    public mutating func merge(_ other: DiagnosticLog) {
        report(other.all)
    }

    public mutating func error(_ message: String, at location: SourceLocation) {
        report(.error(message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation) {
        report(.warning(message, at: location))
    }

    /// Whether a file has reached the error limit, so reading it further is wasted work.
    public func isSaturated(_ file: String) -> Bool {
        errorsByFile[file, default: 0] >= Self.errorLimit
    }

    public var hasErrors: Bool { all.hasErrors }
    public var isEmpty: Bool { all.isEmpty }
}
