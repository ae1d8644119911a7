import ArgumentParser
import Foundation

/// `discern new report DIR`: a content folder that checks and builds at once, to make
/// one's own file by file: the settings with the privacy rules explained, an example
/// organization, the outcome-first metric catalog, example values and a narrative over
/// them (marked as examples on every page), a README for its authors, and the survey.
/// It writes into an empty or new folder only, unless `--force` says so, and writes all
/// of it or nothing.
struct NewReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a report's content folder that checks and builds at once, with example values to replace.",
        discussion: """
            Writes README.md, site.yaml, teams.yaml, metrics.yaml, data/example.csv, an example narrative \
            and the AI-fluency survey (survey/) into DIR, creating it if needed. Every page built from it \
            says "Example data" until the example is replaced; --empty leaves out the example values, the \
            narrative and that banner. Exits 0 when written, 1 when DIR is not empty (and then writes \
            nothing) or a file cannot be written, 2 on a usage error.
            """
    )

    @Argument(help: ArgumentHelp("The folder to write the report's content into, such as content/.", valueName: "dir"))
    var directory: String

    @Flag(name: .long, help: "Leave out the example values: no example data, no example narrative, no example banner.")
    var empty = false

    @Flag(name: .long, help: "Write into a folder that is not empty, replacing files of the same names.")
    var force = false

    /// The files, in the order they are listed, each with what it is. The survey's are
    /// `discern new survey`'s, under `survey/`.
    static func files(example: Bool) -> [StarterFiles.File] {
        var files = [
            ("README.md", ReportReadme.text(example: example), "what each file is, the commands, and the privacy promise"),
            ("site.yaml", ReportSite.text(example: example),
             "the title, the privacy settings explained, the judgment view" + (example ? " and the example banner" : "")),
            ("teams.yaml", ReportTeams.text, "an example organization: replace it with yours"),
            ("metrics.yaml", ReportMetrics.text, "the metric catalog, outcomes first, under the ids the importers write"),
        ]
        if example {
            files.append((ReportExampleData.path, ReportExampleData.text, "made-up values: replace them with your own data"))
            files.append((ReportNarrative.path, ReportNarrative.text, "an example narrative: live values and charts"))
        }
        files += NewSurvey.files.map { file in
            let what = switch file.name {
            case "metrics.yaml": "the survey's metrics, for reference: metrics.yaml holds them already"
            case "fluency.yaml": "the survey's fluency block, for reference: site.yaml holds it already"
            default: file.what
            }
            return ("survey/" + file.name, file.text, what)
        }
        return files.map { (name: $0.0, data: Data($0.1.utf8), what: $0.2) }
    }

    /// The files, into the folder asked for, which must be new or empty unless forced.
    var starter: StarterFiles {
        StarterFiles(folder: directory, files: Self.files(example: !empty), kind: "the report's files", refusal: .anything)
    }

    func validate() throws {
        try starter.validate()
    }

    func run() throws {
        try starter.write(force: force)
        print("Next: `cd \(directory)`, then `discern check --strict` and `discern build` (the site goes to site/). "
            + "\((directory as NSString).appendingPathComponent("README.md")) says how to make it yours.")
    }
}
