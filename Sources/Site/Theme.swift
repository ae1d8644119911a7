import Foundation
import Mustache
import ReportModel

/// A theme: Mustache page shells and partials, and assets (the stylesheet) copied to
/// `assets/`. Templates are parsed once per build.
///
/// Templates lay out the page; the repeated components (KPI cards, tables, navigation)
/// are rendered in Swift and passed in as HTML, because a Mustache section over many
/// items costs far more per page than the whole Markdown (see PERFORMANCE-NOTES).
public struct Theme: Sendable {
    /// What a theme builds, told by its shell template: `page.mustache` makes the
    /// browsable site, `deck.mustache` a 16:9 slide deck of the latest quarter.
    public enum Layout: String, Sendable {
        case site = "page"
        case deck

        /// The shell template's file name.
        public var templateFile: String { rawValue + ".mustache" }
    }

    let library: MustacheLibrary
    public let layout: Layout
    /// Asset files by name, copied to `assets/<name>`.
    let assets: [String: [UInt8]]
    /// Every file the theme was made from, overrides included: name, size and XXH64,
    /// one per line, sorted. A build compares it with the last build's (see `BuildOptions.inputs`).
    public let fingerprint: String

    /// Reads a theme folder, with files in `overrides` (a content folder's `theme/`)
    /// taking the place of the theme's files of the same name.
    /// - Parameter label: how to name a folder in diagnostics.
    public static func load(from folder: URL, label: String, overrides: URL? = nil,
                            overridesLabel: String = "theme", diagnostics: inout DiagnosticLog) -> Theme? {
        let files = files(in: folder, label: label).merging(files(in: overrides, label: overridesLabel)) { $1 }
        return make(files: files, diagnostics: &diagnostics)
    }

    /// A theme compiled into Discern, with files in `overrides` (a content folder's
    /// `theme/`) taking the place of its files of the same name.
    public static func load(builtIn theme: BuiltInTheme, overrides: URL? = nil,
                            overridesLabel: String = "theme", diagnostics: inout DiagnosticLog) -> Theme? {
        let label = "built-in/" + theme.rawValue
        let own = Dictionary(uniqueKeysWithValues: theme.files.map { name, bytes in (name, (path: label + "/" + name, bytes: bytes)) })
        return make(files: own.merging(files(in: overrides, label: overridesLabel)) { $1 }, diagnostics: &diagnostics)
    }

    /// The files directly in a folder, by name, each with the path diagnostics show; none
    /// when there is no folder.
    private static func files(in folder: URL?, label: String) -> [String: (path: String, bytes: [UInt8])] {
        guard let folder, let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        var files: [String: (path: String, bytes: [UInt8])] = [:]
        for entry in entries where !entry.hasPrefix(".") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(entry).path) else { continue }
            files[entry] = (label + "/" + entry, [UInt8](data))
        }
        return files
    }

    /// A theme from files in memory: name to (path shown in diagnostics, bytes).
    static func make(files: [String: (path: String, bytes: [UInt8])], diagnostics log: inout DiagnosticLog) -> Theme? {
        // The theme's own findings: any error means no theme.
        var diagnostics = DiagnosticLog()
        defer { log.merge(diagnostics) }
        var templates: [String: MustacheTemplate] = [:]
        var assets: [String: [UInt8]] = [:]
        for name in files.keys.sorted() {
            let (path, bytes) = files[name]!
            guard name.hasSuffix(".mustache") else {
                assets[name] = bytes
                continue
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.report(.error("template is not valid UTF-8", at: SourceLocation(file: path)))
                continue
            }
            do {
                templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.report(.error(
                    "template syntax: \(describe(error.error))",
                    at: SourceLocation(file: path, line: error.context.lineNumber, column: error.context.columnNumber)))
            } catch {
                diagnostics.report(.error("template could not be read: \(error)", at: SourceLocation(file: path)))
            }
        }
        // A deck's shell wins: a deck theme may keep a page.mustache for its partials' sake.
        let layout: Layout? = templates[Layout.deck.rawValue] != nil ? .deck : templates[Layout.site.rawValue] != nil ? .site : nil
        if layout == nil, !diagnostics.hasErrors {
            diagnostics.report(.error("the theme has no page.mustache (a site) or deck.mustache (a slide deck)",
                                      at: SourceLocation(file: "theme")))
        }
        guard let layout, !diagnostics.hasErrors else { return nil }
        let fingerprint = files.keys.sorted().map { name in
            let bytes = files[name]!.bytes
            return name + " \(bytes.count) " + String(XXH64.hash(bytes), radix: 16) + "\n"
        }.joined()
        return Theme(library: MustacheLibrary(templates: templates), layout: layout, assets: assets, fingerprint: fingerprint)
    }

    /// Fills the page shell. Values are escaped by Mustache unless the template uses
    /// triple braces, which the default theme does only for Discern's own HTML.
    func render(_ context: [String: Any]) -> String {
        library.render(context, withTemplate: layout.rawValue) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with the wrong name"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed with }}"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: "invalid set-delimiter tag"
        default: "\(error)"
        }
    }
}
