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
    static func files(example: Bool) -> [(path: String, text: String, what: String)] {
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
        return files + NewSurvey.files.map {
            ("survey/" + $0.name, $0.text, "the AI-fluency survey's (its metrics and fluency block are in place already)")
        }
    }

    func validate() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("'\(directory)' is a file; name a folder to write the report's content into")
        }
    }

    func run() throws {
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        if let first = entries.first, !force {
            FileHandleOutput.standardError("\(directory): error: the folder is not empty (it holds '\(first)'"
                + (entries.count > 1 ? " and \(entries.count - 1) more)" : ")"))
            FileHandleOutput.standardError("Nothing written: name a new or empty folder, or pass --force to write into "
                + "this one, replacing files of the same names.")
            throw ExitCode(1)
        }
        let files = Self.files(example: !empty)
        do {
            try StarterFolder(path: directory).write(files.map { ($0.path, $0.text) })
        } catch {
            FileHandleOutput.standardError("\(directory): error: cannot write the report's files, so none was written: "
                + error.localizedDescription)
            throw ExitCode(1)
        }
        for file in files where !file.path.hasPrefix("survey/") {
            print("\((directory as NSString).appendingPathComponent(file.path)): \(file.what)")
        }
        print("\((directory as NSString).appendingPathComponent("survey"))/: the AI-fluency survey (discern new survey); "
            + "its metrics and fluency block are in place already")
        print("Next: `discern check --content \(directory) --strict`, then `discern build --content \(directory)`. "
            + "\((directory as NSString).appendingPathComponent("README.md")) says how to make it yours.")
    }
}
