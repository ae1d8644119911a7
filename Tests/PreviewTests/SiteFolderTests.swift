import Foundation
@testable import Preview
import Testing

/// Lookups in a real folder on disk, symbolic links included.
@Suite("SiteFolder: only files inside the site")
struct SiteFolderTests {
    /// A site folder and, beside it, a folder of someone else's files.
    func makeSite() throws -> (site: URL, outside: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("preview-\(UUID().uuidString)")
        let site = root.appendingPathComponent("site"), outside = root.appendingPathComponent("private")
        for folder in [site.appendingPathComponent("teams/a"), outside] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try Data("home".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("team a".utf8).write(to: site.appendingPathComponent("teams/a/index.html"))
        try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try Data("not found".utf8).write(to: site.appendingPathComponent("404.html"))
        try Data("marker".utf8).write(to: site.appendingPathComponent(".discern-site"))
        return (site, outside)
    }

    @Test("files, folders with their index, redirects for folders without a slash, and misses")
    func lookups() throws {
        let (site, _) = try makeSite()
        let folder = SiteFolder(root: site)
        let real = site.resolvingSymlinksInPath().path
        #expect(folder.lookup([], isFolder: true) == .file(real + "/index.html"))
        #expect(folder.lookup(["teams", "a"], isFolder: true) == .file(real + "/teams/a/index.html"))
        #expect(folder.lookup(["teams", "a"], isFolder: false) == .redirect("/teams/a/"))
        #expect(folder.lookup(["teams"], isFolder: true) == .missing, "a folder without an index")
        #expect(folder.lookup(["nope.html"], isFolder: false) == .missing)
        #expect(folder.lookup([".discern-site"], isFolder: false) == .missing, "hidden files are not served")
        #expect(folder.notFoundPage() == Data("not found".utf8))
    }

    @Test("a symbolic link out of the site is not followed, to a file or to a folder")
    func linksOut() throws {
        let (site, outside) = try makeSite()
        let files = FileManager.default
        try files.createSymbolicLink(at: site.appendingPathComponent("leak.txt"),
                                     withDestinationURL: outside.appendingPathComponent("secret.txt"))
        try files.createSymbolicLink(at: site.appendingPathComponent("leak"), withDestinationURL: outside)
        try files.createSymbolicLink(at: site.appendingPathComponent("teams/b"), withDestinationURL: outside)
        try files.createSymbolicLink(at: site.appendingPathComponent("teams/a/index.html.link"),
                                     withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        let folder = SiteFolder(root: site)
        #expect(folder.lookup(["leak.txt"], isFolder: false) == .outside)
        #expect(folder.lookup(["leak", "secret.txt"], isFolder: false) == .outside)
        #expect(folder.lookup(["leak"], isFolder: true) == .outside)
        #expect(folder.lookup(["teams", "b"], isFolder: true) == .outside)
        #expect(folder.lookup(["teams", "a", "index.html.link"], isFolder: false) == .outside)
    }

    @Test("a link inside the site is followed")
    func linksInside() throws {
        let (site, _) = try makeSite()
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("home.html"),
                                                   withDestinationURL: site.appendingPathComponent("index.html"))
        let real = site.resolvingSymlinksInPath().path
        #expect(SiteFolder(root: site).lookup(["home.html"], isFolder: false) == .file(real + "/index.html"))
    }

    @Test("no site folder yet is unbuilt, not missing")
    func unbuilt() {
        let folder = SiteFolder(root: FileManager.default.temporaryDirectory.appendingPathComponent("none-\(UUID().uuidString)"))
        #expect(folder.lookup([], isFolder: true) == .unbuilt)
    }

    @Test("media types for the files a site holds")
    func contentTypes() {
        #expect(ContentType.of("teams/index.html") == "text/html; charset=utf-8")
        #expect(ContentType.of("assets/style.css") == "text/css; charset=utf-8")
        #expect(ContentType.of("org/2026-Q3/chart-1-line-m.svg") == "image/svg+xml")
        #expect(ContentType.of("org/2026-Q3/chart-1-line-m.csv") == "text/csv; charset=utf-8")
        #expect(ContentType.of("x.json") == "application/json")
        #expect(ContentType.of("logo.PNG") == "image/png")
        #expect(ContentType.of("README") == "application/octet-stream")
    }
}
