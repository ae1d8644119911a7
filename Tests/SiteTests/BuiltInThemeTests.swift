import Foundation
import ReportModel
import Testing
@testable import Site

/// The themes compiled into Discern are `Themes/`, byte for byte: editing a theme without
/// running `Scripts/embed-themes` fails here, and says so.
@Suite("Built-in themes")
struct BuiltInThemeTests {
    static let themes = SiteFixture.repository.appendingPathComponent("Themes")
    static let regenerate = "run Scripts/embed-themes to write Themes/ into the built-in themes again"

    /// The names of the files and folders directly in a folder, without hidden ones.
    static func visible(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test("there is a built-in theme for each folder under Themes/, and only those")
    func sameThemes() throws {
        #expect(BuiltInTheme.names.sorted() == (try Self.visible(Self.themes)),
                "a theme folder was added or removed: give BuiltInTheme its case, then \(Self.regenerate)")
    }

    @Test("each built-in theme holds its folder's files, byte for byte", arguments: BuiltInTheme.allCases)
    func sameFiles(theme: BuiltInTheme) throws {
        let folder = Self.themes.appendingPathComponent(theme.rawValue)
        let names = try Self.visible(folder)
        #expect(theme.files.keys.sorted() == names, "Themes/\(theme.rawValue) has other files: \(Self.regenerate)")
        for name in names {
            let bytes = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                                     "Themes/\(theme.rawValue)/\(name) is a folder or unreadable; a theme's files sit side by side")
            let same = theme.files[name] == [UInt8](bytes)  // a Bool, so a failure prints no bytes
            #expect(same, "Themes/\(theme.rawValue)/\(name) differs from the built-in copy: \(Self.regenerate)")
        }
    }

    @Test("each built-in theme loads without a diagnostic, and is a site or a deck as its name says",
          arguments: [(BuiltInTheme.default, Theme.Layout.site), (.board, .deck)])
    func loads(theme: BuiltInTheme, layout: Theme.Layout) throws {
        var diagnostics = DiagnosticLog()
        let loaded = Theme.load(builtIn: theme, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.all)")
        #expect(loaded?.layout == layout)
    }

    @Test("a file that is not plain text is embedded as base64 and comes back whole")
    func base64() {
        #expect(EmbeddedFile.base64("AAEC/w0K\nf4A=").bytes == [0, 1, 2, 255, 13, 10, 127, 128])
        #expect(EmbeddedFile.text("a\tb\n").bytes == Array("a\tb\n".utf8))
    }
}
