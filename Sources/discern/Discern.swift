import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The `discern` command: it only configures; each subcommand does one job.
@main
struct Discern: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discern",
        abstract: "Build honest AI-impact reports: outcomes first, usage as context, small groups suppressed.",
        version: DiscernVersion.current,
        subcommands: [Check.self, Build.self, Serve.self, Refresh.self, Export.self, Diff.self, Audit.self, Release.self, Import.self, New.self]
    )

    /// Exit codes: 0 success, 1 content errors, 2 usage errors.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            if let exit = error as? ExitCode {
                Glibc.exit(exit.rawValue)
            }
            FileHandleOutput.standardError(fullMessage(for: error))
            // Everything argument-parser reports is a usage error: wrong flags or values.
            Glibc.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
