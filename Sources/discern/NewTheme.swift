import ArgumentParser
import Foundation
import Site

/// `discern new theme DIR`: a built-in theme's files, to change and build with
/// `--theme DIR`. Nothing existing is replaced unless `--force` says so.
struct NewTheme: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Write a built-in theme's files into a folder, to change and build with --theme DIR.",
        discussion: """
            Writes every file of the built-in theme (default: the site; board: the slide deck) into DIR, creating it \
            if needed: its shell template, partials and stylesheet. Built with --theme DIR, it makes the same site as \
            the built-in theme until you change it. To change a file or two, put files of their names in the content's \
            theme/ folder instead. Exits 0 when written, 1 when a file exists (and then writes nothing) or cannot be \
            written, 2 on a usage error.
            """
    )

    @Argument(help: ArgumentHelp("The folder to write the theme into, such as Themes/ours/ (then --theme ours).", valueName: "dir"))
    var directory: String

    @Option(name: .long, help: ArgumentHelp("The built-in theme to start from: default (the site) or board (the slide deck).",
                                            valueName: "name"))
    var from: BuiltInTheme = .default

    @Flag(name: .long, help: "Replace files of the same names already in the folder.")
    var force = false

    /// The theme's files, into the folder asked for.
    var starter: StarterFiles {
        let files = from.files.sorted { $0.key < $1.key }.map { name, bytes in
            (name: name, data: Data(bytes), what: Self.what(name))
        }
        return StarterFiles(folder: directory, files: files, kind: "the theme's files")
    }

    /// What a theme file is for, by the part it plays in `Theme`.
    static func what(_ name: String) -> String {
        switch name {
        case Theme.Layout.site.templateFile: "the shell every page is filled into"
        case Theme.Layout.deck.templateFile: "the shell the slides are filled into"
        case let name where name.hasSuffix(".mustache"): "a partial, included as {{> \(name.dropLast(".mustache".count))}}"
        default: "copied to the site's assets/"
        }
    }

    func validate() throws {
        try starter.validate()
    }

    func run() throws {
        try starter.write(force: force)
        // A bare name would be looked up under Themes/, so the hint gives a path.
        let theme = directory.contains("/") ? directory : "./" + directory
        let output = from == .board ? " --output deck" : ""
        print("Next: change the files, and build with `discern build --theme \(theme)\(output)`; "
            + "`--watch` rebuilds on every save. README: \"Themes\".")
    }
}

extension BuiltInTheme: ExpressibleByArgument {}
