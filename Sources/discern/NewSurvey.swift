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

    /// The files, into the folder asked for.
    var starter: StarterFiles {
        StarterFiles(folder: directory,
                     files: Self.files.map { (name: $0.name, data: Data($0.text.utf8), what: $0.what) },
                     kind: "the survey files")
    }

    func validate() throws {
        try starter.validate()
    }

    func run() throws {
        try starter.write(force: force)
        print("Next: run the survey, export the responses as CSV, and read them with "
            + "`discern import survey responses.csv --questions \((directory as NSString).appendingPathComponent("survey.yaml")) "
            + "--period YYYY-Qn --output content/data/survey.csv`. README: \"Measure judgment\".")
    }
}
