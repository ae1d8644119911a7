/// Where a site is served from, as `--base-url` gives it: an `http://` or `https://` URL
/// with a host, or a path from the server's root (`/previews/pr-123/`). It ends up in
/// the canonical link and in the 404 page's links, so anything else is refused: a
/// `javascript:` or `data:` URL would run or show content of its own, a relative path
/// would break on the 404 page (served at any depth), and `//host/` would send readers
/// to a host the scheme does not say.
public struct BaseURL: Sendable, Equatable {
    /// As written, with a `/` added at the end when it has none.
    public let text: String

    /// What is accepted, for messages.
    public static let accepted = "an http:// or https:// URL with a host, such as https://reports.example.com/ai/, "
        + "or a path from the site's root, such as /ai/"

    /// Nil when `written` is not an http(s) URL with a host or a path from the root.
    public init?(_ written: String) {
        guard !written.isEmpty, written.unicodeScalars.allSatisfy(Self.isAllowed) else { return nil }
        if written.hasPrefix("/") {
            guard !written.hasPrefix("//") else { return nil }
        } else {
            let lowered = written.lowercased()
            guard let scheme = ["http://", "https://"].first(where: { lowered.hasPrefix($0) }) else { return nil }
            let rest = written.dropFirst(scheme.count)
            let authority = rest.prefix { $0 != "/" }
            guard Self.isAuthority(authority) else { return nil }
        }
        text = written.hasSuffix("/") ? written : written + "/"
    }

    /// Control and format characters, white space, and what a URL must escape or
    /// treats as the end of its path (`?`, `#`) have no place in a base.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse, .surrogate: return false
        default: break
        }
        return !"\"'<>\\^`{|}?#".unicodeScalars.contains(scalar)
    }

    /// A host, a bracketed IPv6 address, or either with `:port`. No user name or
    /// password: they would be published on every page, and `https://bank@evil/` deceives.
    private static func isAuthority(_ authority: Substring) -> Bool {
        var host = authority
        if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") {
            let port = authority[authority.index(after: colon)...]
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber),
                  let number = Int(port), number <= 65535 else { return false }
            host = authority[..<colon]
        }
        if host.hasPrefix("[") {
            return host.count > 2 && host.hasSuffix("]")
                && host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        return !host.isEmpty && !host.hasPrefix(".") && !host.hasPrefix("-")
            && host.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
    }
}
