import Foundation
import ReportModel

/// Whether this run's output is read by others. In CI (`CI` set, as GitHub Actions, GitLab
/// and most runners set it) logs and annotations are shared with everyone who can see the
/// pipeline, so findings about teams too small to show are counted there, not listed.
/// On an author's own terminal everything is listed.
enum SharedOutput {
    static var isCI: Bool {
        guard let value = ProcessInfo.processInfo.environment["CI"] else { return false }
        return !["", "0", "false", "no"].contains(value.lowercased())
    }

    /// The diagnostics this run may print.
    static func diagnostics(_ diagnostics: [Diagnostic], organization: Organization) -> SharedDiagnostics {
        SharedDiagnostics(diagnostics, organization: organization, withholding: isCI)
    }
}
