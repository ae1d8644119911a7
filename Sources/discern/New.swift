import ArgumentParser

/// `discern new`: write starting files for a report or a part of it. Each kind of starter
/// is a subcommand, so more can join without changing how it is called.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write starting files: a report's whole content folder (`discern new report`) or the AI-fluency survey (`discern new survey`).",
        subcommands: [NewReport.self, NewSurvey.self]
    )
}
