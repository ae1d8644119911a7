import ArgumentParser
import Foundation

/// `discern new survey DIR`: the recommended AI-fluency survey, the mapping that
/// `discern import survey` reads its export with, and the metrics and `fluency:` block
/// the report needs for it. Nothing existing is replaced unless `--force` says so.
struct NewSurvey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: "Write a short AI-fluency survey, its import mapping, its metrics and the site's fluency block.",
        discussion: """
            Writes survey.md (the questions, their answer scales and why each is there), survey.yaml \
            (what `discern import survey` reads), metrics.yaml (the entries to paste under `metrics:`) and \
            fluency.yaml (the `fluency:` block to paste into site.yaml) into DIR, creating it if needed. \
            Exits 0 when written, 1 when a file exists (and then writes nothing) or cannot be written, 2 on a usage error.
            """
    )

    /// The files written, in the order they are listed.
    static let files: [(name: String, text: String, what: String)] = [
        ("survey.md", SurveyQuestionnaire.text, "the survey: put it into your survey tool word for word"),
        ("survey.yaml", SurveyMapping.text, "how `discern import survey` reads the response export"),
        ("metrics.yaml", SurveyMetrics.text, "the metrics: paste the entries under `metrics:` in your metrics.yaml"),
        ("fluency.yaml", SurveyFluency.text, "the judgment view: paste the `fluency:` block into your site.yaml"),
    ]

    @Argument(help: ArgumentHelp("The folder to write the files into, such as survey/.", valueName: "dir"))
    var directory: String

    @Flag(name: .long, help: "Replace files of the same names already in the folder.")
    var force = false

    func validate() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("'\(directory)' is a file; name a folder to write the survey files into")
        }
    }

    func run() throws {
        let paths = Self.files.map { (directory as NSString).appendingPathComponent($0.name) }
        let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty, !force {
            for path in existing { FileHandleOutput.standardError("\(path): error: the file exists") }
            FileHandleOutput.standardError("Nothing written: pass --force to replace "
                + (existing.count == 1 ? "it" : "them") + ", or name another folder.")
            throw ExitCode(1)
        }
        do {
            try Import.writeAll(zip(paths, Self.files).map { (path: $0, text: $1.text) })
        } catch {
            FileHandleOutput.standardError("\(directory): error: cannot write the survey files: \(error.localizedDescription)")
            throw ExitCode(1)
        }
        for (path, file) in zip(paths, Self.files) {
            print("\(path): \(file.what)")
        }
        print("Next: run the survey, export the responses as CSV, and read them with "
            + "`discern import survey responses.csv --questions \((directory as NSString).appendingPathComponent("survey.yaml")) "
            + "--period YYYY-Qn --output content/data/survey.csv`. README: \"Measure judgment\".")
    }
}
