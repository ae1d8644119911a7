import Foundation

/// The themes compiled into Discern, so that the executable builds a site with nothing
/// beside it: each is the folder of the same name under `Themes/`, byte for byte.
///
/// `Scripts/embed-themes` writes each folder's files into `BuiltInTheme+<Name>.swift` as
/// Swift literals; `BuiltInThemeTests` fails when they and `Themes/` differ, and names the
/// script. Literals rather than SwiftPM resources: on Linux `Bundle.module` looks for a
/// resource folder beside the executable, which a copied `discern` does not have.
public enum BuiltInTheme: String, CaseIterable, Sendable {
    /// The browsable site (`page.mustache`).
    case `default`
    /// The board's slide deck (`deck.mustache`).
    case board

    /// Every file of the theme, by name, as in `Themes/<name>/`.
    public var files: [String: [UInt8]] {
        let embedded = switch self {
        case .default: Self.defaultFiles
        case .board: Self.boardFiles
        }
        return embedded.mapValues(\.bytes)
    }

    /// The names, in the order they are offered: `default` and `board`.
    public static var names: [String] { allCases.map(\.rawValue) }
}

/// A theme file as `Scripts/embed-themes` writes it: text as it is, anything else in base64.
enum EmbeddedFile: Sendable {
    case text(String)
    case base64(String)

    var bytes: [UInt8] {
        switch self {
        case .text(let text): Array(text.utf8)
        case .base64(let text): Array(Data(base64Encoded: text, options: .ignoreUnknownCharacters) ?? Data())
        }
    }
}
