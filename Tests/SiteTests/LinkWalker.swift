import Foundation
import TestSupport

/// Follows every `href` and `src` in a built site and lists those that lead nowhere.
enum LinkWalker {
    static func brokenLinks(in folder: URL) -> [String] {
        var broken: [String] = []
        for path in SiteFixture.files(in: folder) where path.hasSuffix(".html") {
            let html = SiteFixture.read(folder, path)
            let page = folder.appendingPathComponent(path)
            for target in targets(in: html) {
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") || target.hasPrefix("#") {
                    continue
                }
                let file = target.split(separator: "#", maxSplits: 1).first.map(String.init) ?? target
                let resolved = page.deletingLastPathComponent().appendingPathComponent(file).standardizedFileURL
                var isDirectory: ObjCBool = false
                if !FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory) || isDirectory.boolValue {
                    broken.append("\(path) → \(target)")
                }
            }
        }
        return broken
    }

    /// The values of `href="…"` and `src="…"` attributes.
    static func targets(in html: String) -> [String] {
        LinkTargets.targets(in: html)
    }
}
