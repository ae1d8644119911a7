import Foundation
import Site

/// Finds a theme folder: a path, or a name under `Themes/` beside the working folder,
/// the content folder, or the installed executable.
enum ThemeLocator {
    static func folder(for theme: String, content: URL) -> URL? {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if theme.contains("/"), files.fileExists(atPath: theme, isDirectory: &isDirectory), isDirectory.boolValue {
            return URL(fileURLWithPath: theme, isDirectory: true)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            URL(fileURLWithPath: "Themes", isDirectory: true),
            content.deletingLastPathComponent().appendingPathComponent("Themes"),
            // A build inside the repository: .build/<configuration>/discern
            executable.appendingPathComponent("../../Themes"),
            executable.appendingPathComponent("../../../Themes"),
            // An installed tool: <prefix>/bin/discern and <prefix>/share/discern/Themes
            executable.appendingPathComponent("../share/discern/Themes"),
        ]
        for base in candidates {
            let folder = base.appendingPathComponent(theme).standardizedFileURL
            for layout in [Theme.Layout.site, .deck] where files.fileExists(atPath: folder.appendingPathComponent(layout.templateFile).path) {
                return folder
            }
        }
        return nil
    }
}
