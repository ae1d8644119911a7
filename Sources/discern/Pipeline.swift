import Analysis
import ArgumentParser
import ContentLoading
import Foundation
import Lint
import ReportModel
import Review
import Site

/// The stages `check` and `build` share: load the content, analyse it, load the theme.
struct Pipeline {
    var report: Report
    var theme: Theme?
    var diagnostics: [Diagnostic]
    /// Whether the report checks can run: not while the team or metric catalog is unreadable.
    var catalogsReadable: Bool
    /// The quarters with observations, against which a narrative's quarter is checked.
    var observedPeriods: Set<Period>
    /// The narratives read, by path in the content folder.
    var narrativeFiles: Set<String>
    /// The theme's folder, when one was found (a built-in theme has none): a watched build
    /// watches it too.
    var themeFolder: URL?
    /// The theme files diagnostics name: unlike content files, their paths are already
    /// relative to the working folder (or absolute).
    var themeFiles: Set<String> = []
    /// A hash of every content file read (see `InputRecord`).
    var contentDigest: String

    /// - Parameters:
    ///   - loadsTheme: false for commands that render nothing (`audit`).
    ///   - auditMemo: the privacy audit's outcomes from an earlier build, which a watched
    ///     build keeps so that an edit re-audits only what it changed.
    init(content: URL, contentLabel: String, theme themeName: String?, loadsTheme: Bool = true,
         auditMemo: AuditMemo = AuditMemo()) {
        let record = InputRecord()
        let load = ContentLoader(source: .disk(content, recording: record)).load()
        contentDigest = record.digest
        report = Report(content: load.content, reusing: auditMemo)
        catalogsReadable = load.unreadable.isEmpty
        // Lints judge what the content says; with a catalog unreadable they would only guess.
        let lints = catalogsReadable ? ReportLint(report: report).findings() : []
        let switchedOff = load.content.site.lintsOff
        diagnostics = (load.diagnostics + report.diagnostics + lints).filter { $0.rule.map { switchedOff[$0] == nil } ?? true }
        observedPeriods = Set(load.content.observations.map(\.period))
        narrativeFiles = Set(load.content.narratives.map(\.location.file))
        guard loadsTheme else { return }
        let site = load.content.site
        let overrides = content.appendingPathComponent("theme")
        var problems = DiagnosticLog()
        switch ThemeLocator.locate(themeName ?? site.theme ?? BuiltInTheme.default.rawValue, content: content) {
        case .failure(let missing):
            if themeName == nil {
                diagnostics.append(.error(missing.message(asked: "theme"), at: site.themeLocation ?? SourceLocation(file: "site.yaml")))
            } else {
                // The command's validate() refused such a --theme; a watched build meets one
                // only when its folder has gone since.
                diagnostics.append(.error(missing.message(asked: "--theme"), at: SourceLocation(file: "--theme")))
                themeFiles = ["--theme"]
            }
            return
        case .success(.folder(let folder)):
            themeFolder = folder
            theme = Theme.load(from: folder, label: Self.label(folder), overrides: overrides,
                               overridesLabel: contentLabel + "/theme", diagnostics: &problems)
        case .success(.builtIn(let builtIn)):
            theme = Theme.load(builtIn: builtIn, overrides: overrides, overridesLabel: contentLabel + "/theme", diagnostics: &problems)
        }
        diagnostics += problems.all
        themeFiles = Set(problems.all.map(\.location.file))
    }

    /// For commands that need the report whole (`audit`, `release`): prints the content's
    /// errors as shared output may, then `discern: <refusal>; fix the errors above`, and
    /// exits 1. Returns when there are none.
    func requireNoErrors(_ refusal: String) throws {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return }
        let shared = SharedOutput.diagnostics(errors, organization: report.organization)
        for diagnostic in shared.listed { FileHandleOutput.standardError(diagnostic.description) }
        if let notice = shared.notice { FileHandleOutput.standardError("discern: " + notice) }
        FileHandleOutput.standardError("discern: \(refusal); fix the errors above")
        throw ExitCode(1)
    }

    /// The diagnostics as `--strict` reports them: every warning an error. Notes are
    /// prompts, not problems, and stay notes.
    static func applying(strict: Bool, to diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard strict else { return diagnostics }
        return diagnostics.map { diagnostic in
            var promoted = diagnostic
            if promoted.severity == .warning { promoted.severity = .error }
            return promoted
        }
    }

    /// A folder as the user would name it: relative to the working folder when inside it.
    static func label(_ folder: URL) -> String {
        let working = FileManager.default.currentDirectoryPath + "/"
        let path = folder.standardizedFileURL.path
        if path + "/" == working { return "." }
        return path.hasPrefix(working) ? String(path.dropFirst(working.count)) : path
    }

    /// Where the files diagnostics name are, seen from the working folder: the content
    /// folder goes in front of content files, theme files are left as they are.
    func repositoryPath(content: URL) -> RepositoryPath {
        RepositoryPath(contentFolder: Self.label(content), workingFiles: themeFiles)
    }
}
