import ArgumentParser
import Foundation

/// `discern build`: check the content, then write the static site atomically.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the static report site from the content folder.",
        discussion: """
            Refuses to build when the content has errors, and then leaves any previous site untouched. \
            The same input gives a byte-identical site. Exits 0 on success, 1 on content errors, 2 on a usage error.
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the site to.", valueName: "dir"))
    var output: String = "site"

    @Option(name: .long, help: ArgumentHelp("A theme name under Themes/, or a theme folder.", valueName: "name|dir"))
    var theme: String?

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("The URL the site is served from; used only where a relative link will not do.", valueName: "url"))
    var baseURL: String?

    @Flag(help: "Treat warnings, lint findings among them, as errors and refuse to build, as check --strict does.")
    var strict = false

    @Flag(help: "Print the time spent in each stage: load, analyse, markdown, charts, templates, write.")
    var timings = false

    @Flag(help: "After building, watch the content folder and rebuild on every change; an edited narrative rebuilds only its pages.")
    var watch = false

    func run() throws {
        let site = siteBuild
        let result = try site.buildAll()
        if watch {
            try SiteWatch(site: WatchedSite(build: site, after: result)).run()
        } else if result.built == nil {
            throw ExitCode(1)
        }
    }

    /// The build these options ask for.
    var siteBuild: SiteBuild {
        SiteBuild(content: options.url, contentLabel: options.content,
                  output: URL(fileURLWithPath: output, isDirectory: true), outputLabel: output,
                  theme: theme, baseURL: baseURL, strict: strict, timings: timings,
                  keptOnFailure: "the previous site in \(output) is untouched")
    }
}
