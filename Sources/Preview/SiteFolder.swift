import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built site on disk, as the preview reads it: finds the file a request names and
/// makes sure it lies inside the site folder once every symbolic link is resolved.
struct SiteFolder: Sendable {
    let root: URL

    /// What a request's names lead to.
    enum Lookup: Equatable {
        /// A regular file inside the site, by its resolved path.
        case file(String)
        /// A folder named without its trailing slash: where to send the browser, so that
        /// the folder's `index.html` sees its relative links from the right place.
        case redirect(String)
        case missing
        /// A path that resolves outside the site folder, through a symbolic link.
        case outside
        /// No site yet: the first build failed, or a rebuild is swapping folders.
        case unbuilt
    }

    /// Looks up `names` (from a checked `RequestPath`).
    func lookup(_ names: [String], isFolder: Bool) -> Lookup {
        guard let base = resolvedRoot() else { return .unbuilt }
        // Hidden files (the build's marker, an editor's leftovers) are not part of the site.
        if names.contains(where: { $0.hasPrefix(".") }) { return .missing }
        let requested = names.isEmpty ? base : base + "/" + names.joined(separator: "/")
        guard let resolved = Self.realPath(requested) else { return .missing }
        guard Self.contains(base, resolved) else { return .outside }
        switch Self.kind(resolved) {
        case .some(S_IFREG):
            return .file(resolved)
        case .some(S_IFDIR):
            if !isFolder && !names.isEmpty {
                return .redirect("/" + names.map(Self.percentEncoded).joined(separator: "/") + "/")
            }
            // The index can be a link out of the site too.
            guard let index = Self.realPath(resolved + "/index.html") else { return .missing }
            guard Self.contains(base, index) else { return .outside }
            return Self.kind(index) == S_IFREG ? .file(index) : .missing
        default:
            // Sockets, pipes and devices: opening a pipe would wait forever.
            return .missing
        }
    }

    /// The site's own 404 page, when there is one.
    func notFoundPage() -> Data? {
        guard case .file(let path) = lookup(["404.html"], isFolder: false) else { return nil }
        return FileManager.default.contents(atPath: path)
    }

    /// The site folder's real path. A whole rebuild swaps the new folder in with two
    /// renames, so a request in between waits for it briefly.
    private func resolvedRoot() -> String? {
        for _ in 0..<20 {
            if let path = Self.realPath(root.path), Self.kind(path) == S_IFDIR { return path }
            usleep(10_000)
        }
        return nil
    }

    private static func contains(_ base: String, _ path: String) -> Bool {
        path == base || path.hasPrefix(base == "/" ? "/" : base + "/")
    }

    /// The path with every symbolic link, `.` and `..` resolved; nil when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The file type bits of what `path` names, without following a final link (there
    /// is none left in a resolved path).
    private static func kind(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    private static func percentEncoded(_ name: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/;?#")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
    }
}
