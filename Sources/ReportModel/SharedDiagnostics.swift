/// Diagnostics as an output meant for sharing may show them: the step summary, and
/// `check` and `build` in CI, whose logs and annotations are read by more people than the
/// content's authors. A finding that names a team too small to show is *withheld*:
/// counted, never listed. The author sees it with `discern check` on their own terminal.
///
/// The test is on what would be printed, the path and the message, since that is what a
/// reader sees: a finding is withheld when either holds a hidden team's id as a whole
/// word (`devex`, `'devex'`, `narratives/teams/devex/…`, `data/devex.csv`) or its name.
/// That errs on the side of withholding: a short id that is also an English word hides
/// more findings than it needs to, never fewer.
public struct SharedDiagnostics: Sendable {
    /// What may be listed, in the order given.
    public let listed: [Diagnostic]
    /// What concerns a team too small to show.
    public let withheld: [Diagnostic]

    /// - Parameter withholding: false for an output only the author reads (a terminal
    ///   outside CI), which lists everything.
    public init(_ diagnostics: [Diagnostic], organization: Organization, withholding: Bool = true) {
        let hidden = withholding ? organization.teams.filter { organization.isTooSmallToShow($0.id) } : []
        guard !hidden.isEmpty else {
            listed = diagnostics
            withheld = []
            return
        }
        let ids = Set(hidden.map(\.id.rawValue))
        // Names of three characters or fewer ("QA") are left to the id test, or every
        // message with those letters would be withheld.
        let names = hidden.map(\.name).filter { $0.count > 3 }
        func concernsHiddenTeam(_ diagnostic: Diagnostic) -> Bool {
            let text = diagnostic.location.file + " " + diagnostic.message
            return Self.words(of: text).contains { ids.contains($0) } || names.contains { text.contains($0) }
        }
        var listed: [Diagnostic] = [], withheld: [Diagnostic] = []
        for diagnostic in diagnostics {
            if concernsHiddenTeam(diagnostic) { withheld.append(diagnostic) } else { listed.append(diagnostic) }
        }
        self.listed = listed
        self.withheld = withheld
    }

    /// Runs of id characters (`[a-z0-9_-]`, lowercased), as ids can appear in a message.
    static func words(of text: String) -> [String] {
        text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-")) }.map(String.init)
    }

    /// `2 problems concern teams too small to show; run `discern check` locally to see
    /// them`, or nil when nothing is withheld.
    public var notice: String? {
        guard !withheld.isEmpty else { return nil }
        let one = withheld.count == 1
        return "\(withheld.count) problem\(one ? " concerns a team" : "s concern teams") too small to show; "
            + "run `discern check` locally to see \(one ? "it" : "them")"
    }

    /// The notice as a workflow command's severity needs it: the gravest withheld.
    public var withheldSeverity: Diagnostic.Severity? {
        withheld.min { $0.severity.rank < $1.severity.rank }?.severity
    }
}
