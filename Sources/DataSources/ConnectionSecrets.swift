import CLibPQ

/// Every form in which a connection string's password could come back in a message, so that
/// a message about the connection can be printed without it.
///
/// libpq does not put the password in its own messages today, but it does quote pieces of a
/// connection string it could not read (`invalid percent-encoded token: "%zz…"`), and the
/// string comes from an environment variable that CI logs must never show. So every message
/// about a connection goes through `scrub` before it leaves this target.
struct ConnectionSecrets {
    /// The texts to remove, longest first, so a secret holding another is removed whole.
    private let secrets: [String]
    /// libpq could not read the connection string, so a quoted piece of it in a message
    /// may be any part of it, the password included.
    private let unreadable: Bool

    init(url: String) {
        var found = [url]
        var error: UnsafeMutablePointer<CChar>?
        if let options = PQconninfoParse(url, &error) {
            defer { PQconninfoFree(options) }
            var option = options
            while let keyword = option.pointee.keyword {
                if String(cString: keyword) == "password", let value = option.pointee.val {
                    found.append(String(cString: value))
                }
                option += 1
            }
            unreadable = false
        } else {
            unreadable = true
        }
        if let error { PQfreemem(error) }
        found += Self.typedPasswords(in: url)
        secrets = Array(Set(found.filter { !$0.isEmpty })).sorted { $0.count > $1.count }
    }

    /// The password as typed in a URI's user information (`postgresql://user:PASSWORD@host`),
    /// still percent-encoded, read generously: up to the first `@` and up to the last, since
    /// what libpq makes of a stray `@` or `/` is not what matters here.
    static func typedPasswords(in url: String) -> [String] {
        guard let scheme = url.firstRange(of: "://") else { return [] }
        let rest = url[scheme.upperBound...]
        guard let colon = rest.firstIndex(of: ":") else { return [] }
        let afterColon = rest[rest.index(after: colon)...]
        var passwords: [String] = []
        if let first = afterColon.firstIndex(of: "@") { passwords.append(String(afterColon[..<first])) }
        if let last = afterColon.lastIndex(of: "@") { passwords.append(String(afterColon[..<last])) }
        return passwords
    }

    /// `message` on one line, with every secret replaced by `***`; when libpq could not read
    /// the connection string, every double-quoted piece of it too.
    func scrub(_ message: String) -> String {
        var text = message.oneLine
        for secret in secrets {
            text = text.replacing(secret, with: "***")
        }
        if unreadable {
            text = text.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset % 2 == 1 ? "…" : String($0.element) }
                .joined(separator: "\"")
        }
        return text
    }
}
