import Formatting

/// Ids are lowercase slugs: `[a-z0-9][a-z0-9_-]*`.
package enum Slug {
    package static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, isLowerAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    static func problem(_ text: String, field: String) -> String {
        "'\(field)' must be a lowercase id of letters, digits, '_' and '-' (like 'platform-team'), found '\(Excerpt.of(text))'"
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
