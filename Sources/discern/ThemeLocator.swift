import ArgumentParser
import Foundation
import Site

/// Finds the theme a build asks for by `--theme`, by `site.yaml`'s `theme:`, or `default`.
///
/// A value with a `/` is the path of a theme folder. A name is looked up, the first found
/// winning:
/// 1. `Themes/NAME` in the working folder;
/// 2. `Themes/NAME` beside the content folder;
/// 3. the theme of that name built into Discern (`default`, `board`).
///
/// A folder counts when it holds `page.mustache` or `deck.mustache`. Whichever is found,
/// the content's `theme/` folder then replaces its files one by one (`Theme.load`). Nothing
/// is looked up beside the executable, so a copied `discern` works the same anywhere.
enum ThemeLocator {
    /// Where a theme's files come from.
    enum Found: Equatable {
        case folder(URL)
        case builtIn(BuiltInTheme)
    }

    /// A theme that was not found: what was asked for, and where it was looked for.
    struct Missing: Error, Equatable {
        enum Problem: Equatable {
            /// A path that is no folder.
            case noFolder
            /// A path to a folder without a shell template.
            case noShell
            /// A name with no folder in any of these places and no built-in theme; `nearby`
            /// is a theme folder of that name in the working folder.
            case unknown(places: [Place], nearby: String?)
        }

        /// A folder looked in, as the user would name it, and why it was looked in.
        struct Place: Equatable {
            var folder: String
            var why: String
        }

        var name: String
        var problem: Problem

        /// The message, naming the theme as `asked`: `--theme` or `theme` (site.yaml's key).
        func message(asked: String) -> String {
            let (page, deck) = (Theme.Layout.site.templateFile, Theme.Layout.deck.templateFile)
            switch problem {
            case .noFolder:
                return "\(asked) '\(name)' names no theme folder: there is no folder \(Self.folder(name))"
            case .noShell:
                return "\(asked) '\(name)' names no theme folder: \(Self.folder(name)) has neither \(page) nor \(deck)"
            case .unknown(let places, let nearby):
                let places = places.map { "\(Self.folder($0.folder)) (\($0.why))" }.joined(separator: " and ")
                let builtIn = BuiltInTheme.names.joined(separator: " and ")
                let hint = nearby.map { "; for the folder \(Self.folder($0)) in the working folder, give its path: ./\($0)" } ?? ""
                return "\(asked) '\(name)' names no theme: looked for \(page) or \(deck) in \(places), and the built-in themes are \(builtIn)\(hint)"
            }
        }

        private static func folder(_ path: String) -> String { path.hasSuffix("/") ? path : path + "/" }
    }

    static func locate(_ name: String, content: URL) -> Result<Found, Missing> {
        if name.contains("/") {
            let folder = URL(fileURLWithPath: name, isDirectory: true).standardizedFileURL
            if hasShell(folder) { return .success(.folder(folder)) }
            return .failure(Missing(name: name, problem: isFolder(folder) ? .noShell : .noFolder))
        }
        let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let candidates = [(working, "in the working folder"), (content.deletingLastPathComponent(), "beside the content")].map { base, why in
            (folder: base.appendingPathComponent("Themes").appendingPathComponent(name, isDirectory: true).standardizedFileURL, why: why)
        }
        if let found = candidates.first(where: { hasShell($0.folder) }) { return .success(.folder(found.folder)) }
        if let builtIn = BuiltInTheme(rawValue: name) { return .success(.builtIn(builtIn)) }
        // One folder named once, with both reasons, when the content sits in the working folder.
        var places: [Missing.Place] = []
        for candidate in candidates {
            let folder = Pipeline.label(candidate.folder)
            if let same = places.firstIndex(where: { $0.folder == folder }) {
                places[same].why += ", " + candidate.why
            } else {
                places.append(Missing.Place(folder: folder, why: candidate.why))
            }
        }
        let nearby = working.appendingPathComponent(name, isDirectory: true)
        return .failure(Missing(name: name, problem: .unknown(places: places, nearby: hasShell(nearby) ? name : nil)))
    }

    /// For a command's `validate()`: a `--theme` that names no theme is a usage error.
    static func validate(option theme: String?, content: URL) throws {
        guard let theme, case .failure(let missing) = locate(theme, content: content) else { return }
        throw ValidationError(missing.message(asked: "--theme"))
    }

    private static func hasShell(_ folder: URL) -> Bool {
        [Theme.Layout.site, .deck].contains { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0.templateFile).path) }
    }

    private static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
