import Analysis
import ArgumentParser
import ContentLoading
import Foundation
import ReportModel
import Review

/// `discern diff`: which published numbers a change to the content changes, for the
/// person reviewing it.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the published numbers that differ between two versions of the content.",
        usage: """
            discern diff OLD_CONTENT NEW_CONTENT [--format text|markdown|json]
            discern diff --against GIT_REF [--content DIR] [--format text|markdown|json]
            """,
        discussion: """
            Numbers are compared as the site shows them: each version with its own privacy rules applied, \
            only the scopes it may show, each value written with its metric's format. A change smaller than a \
            metric's display precision is not listed. A number that becomes suppressed reads 'old → suppressed' \
            and its new value is never printed; a new number reads '— → new', a removed one 'old → —'. \
            A number the new version shows differently from a release of its quarter (releases/) adds \
            '(restated; released as X)'. \
            Sorted by quarter, then scope as the site orders them, then metric in catalog order. \
            --against compares the content folder at a git revision (copied out with git archive) with the \
            working copy, uncommitted changes included. \
            Exits 0 whether or not numbers change, 1 when either version has content errors (printed as \
            path:line:column, the path naming the version), 2 on a usage error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @Argument(help: ArgumentHelp("The old and the new content folder.", valueName: "content"))
    var folders: [String] = []

    @Option(help: ArgumentHelp("Compare the content folder at this git revision (a branch, tag or commit) with the working copy.",
                               valueName: "git-ref"))
    var against: String?

    @Option(help: ArgumentHelp("With --against: the content folder. Default: content.", valueName: "dir"))
    var content: String?

    @Option(help: "How to print the changes: text (an aligned table), markdown (for a pull-request comment) or json.")
    var format: Format = .text

    func validate() throws {
        if let against {
            guard folders.isEmpty else { throw ValidationError("give either two content folders or --against, not both") }
            guard !against.isEmpty, !against.hasPrefix("-") else { throw ValidationError("--against needs a git revision, such as origin/main") }
        } else {
            guard content == nil else { throw ValidationError("--content goes with --against; otherwise name both folders") }
            guard folders.count == 2 else {
                throw ValidationError("expected two content folders, OLD_CONTENT NEW_CONTENT, or --against GIT_REF")
            }
        }
        for folder in against == nil ? folders : [content ?? "content"] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("no content folder at '\(folder)'")
            }
        }
    }

    func run() throws {
        let old: (folder: URL, label: String), new: (folder: URL, label: String)
        var copy: GitContent?
        if let against {
            let folder = content ?? "content"
            do {
                copy = try GitContent.extract(folder, at: against)
            } catch let failure as GitContent.Failure {
                FileHandleOutput.standardError("discern: \(failure.message)")
                throw ExitCode(2)
            }
            old = (copy!.folder, copy!.label)
            new = (URL(fileURLWithPath: folder, isDirectory: true), Pipeline.label(URL(fileURLWithPath: folder, isDirectory: true)))
        } else {
            old = (URL(fileURLWithPath: folders[0], isDirectory: true), folders[0])
            new = (URL(fileURLWithPath: folders[1], isDirectory: true), folders[1])
        }
        defer { copy?.remove() }

        var failed = false
        var numbers: [PublishedNumbers] = []
        for (side, version) in [("old", old), ("new", new)] {
            let load = ContentLoader(source: .disk(version.folder)).load()
            let errors = load.diagnostics.filter { $0.severity == .error }
            if errors.isEmpty {
                numbers.append(PublishedNumbers(report: Report(content: load.content)))
                continue
            }
            // Each error names its version by the folder in front of its path.
            let paths = RepositoryPath(contentFolder: version.label)
            for error in errors.sorted() {
                FileHandleOutput.standardError("\(paths.position(of: error.location)): error: \(error.message)")
            }
            FileHandleOutput.standardError("discern: the \(side) content (\(version.label)) has \(errors.count) error\(errors.count == 1 ? "" : "s")")
            failed = true
        }
        guard !failed else {
            FileHandleOutput.standardError("discern: not compared; fix the errors above")
            throw ExitCode(1)
        }

        let diff = PublishedDiff(old: numbers[0], new: numbers[1])
        switch format {
        case .text: print(diff.text(), terminator: "")
        case .markdown: print(diff.markdown(), terminator: "")
        case .json: print(try diff.json(), terminator: "")
        }
    }
}
