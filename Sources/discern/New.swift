import ArgumentParser

/// `discern new`: write starting files for a report or a part of it. Each kind of starter
/// is a subcommand, so more can join without changing how it is called.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write starting files: a report's whole content folder (`discern new report`), the AI-fluency survey (`discern new survey`) or a theme to change (`discern new theme`).",
        subcommands: [NewReport.self, NewSurvey.self, NewTheme.self]
    )
}
