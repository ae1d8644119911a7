/// The path of a request as the client sent it, checked before anything looks at the
/// disk: the decoded names of the folders and file it asks for, or why it is refused.
///
/// It is read from the raw request target, not from a path the HTTP library has already
/// tidied, so that `/../`, `%2e%2e` and encoded slashes are refused outright rather than
/// quietly turned into some other file's path.
enum RequestPath: Equatable, Sendable {
    /// A path inside the site: its names, percent-decoded, never empty, `.` or `..`;
    /// no names for the root. `isFolder` when the path ends with a slash.
    case site(names: [String], isFolder: Bool)
    case refused(Refusal)

    /// Why a path is refused, and the status that says so.
    enum Refusal: Equatable, Sendable {
        case tooLong
        case malformed(String)
        case leavesSite

        var status: Int {
            switch self {
            case .tooLong: 414
            case .malformed, .leavesSite: 400
            }
        }

        var message: String {
            switch self {
            case .tooLong: "the request path is longer than \(RequestPath.limit) bytes"
            case .malformed(let why): why
            case .leavesSite: "the request path names a folder above the site (.. or .)"
            }
        }
    }

    /// The longest path served, in bytes as sent: no page of a site is near it.
    static let limit = 2048

    /// Checks `target`, the path part of a request target as sent (percent-encoded,
    /// without the query).
    init(target: String) {
        let bytes = Array(target.utf8)
        guard bytes.count <= Self.limit else {
            self = .refused(.tooLong)
            return
        }
        guard bytes.first == UInt8(ascii: "/") else {
            self = .refused(.malformed("the request path must start with /"))
            return
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            var byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = Self.hexValue(bytes[index + 1]), let low = Self.hexValue(bytes[index + 2]) else {
                    self = .refused(.malformed("the request path has a % that is not followed by two hex digits"))
                    return
                }
                byte = high << 4 | low
                // A slash that is not a separator is only ever a way to hide `..` from a check.
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") {
                    self = .refused(.malformed("the request path has an encoded slash"))
                    return
                }
                index += 3
            } else {
                index += 1
            }
            if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") {
                self = .refused(.malformed("the request path has a control character or a backslash"))
                return
            }
            decoded.append(byte)
        }
        guard let text = String(validating: decoded, as: UTF8.self) else {
            self = .refused(.malformed("the request path is not UTF-8"))
            return
        }
        let names = text.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if names.contains(where: { $0 == "." || $0 == ".." }) {
            self = .refused(.leavesSite)
            return
        }
        self = .site(names: names, isFolder: text.hasSuffix("/"))
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
