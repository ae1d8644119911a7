import ArgumentParser

/// `discern new`: write starting files for a part of the report. Each kind of starter is
/// a subcommand, so more can join `survey` without changing how it is called.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write starting files for parts of a report; for now, the AI-fluency survey (`discern new survey`).",
        subcommands: [NewSurvey.self, NewTheme.self]
    )
}
