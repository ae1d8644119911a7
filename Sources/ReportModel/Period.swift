/// A calendar quarter, written `YYYY-Qn`.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let quarter: Int

    /// Any year is accepted, so that `previous` and `next` never fail; text input is
    /// limited to four digits by `init?(_:)`.
    public init?(year: Int, quarter: Int) {
        guard (1...4).contains(quarter) else { return nil }
        self.year = year
        self.quarter = quarter
    }

    /// Parses exactly `YYYY-Qn` (n from 1 to 4); anything else is nil.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "Q") else {
            return nil
        }
        var year = 0
        for byte in bytes[0..<4] {
            guard (48...57).contains(byte) else { return nil }
            year = year * 10 + Int(byte - 48)
        }
        guard (49...52).contains(bytes[6]) else { return nil }
        self.init(year: year, quarter: Int(bytes[6] - 48))
    }

    public var description: String { "\(year)-Q\(quarter)" }

    /// The message for a period that is not written `YYYY-Qn`.
    public static func problem(_ text: String) -> String {
        "malformed period '\(text)'; expected YYYY-Qn, like 2026-Q3"
    }

    /// The quarter before this one.
    public var previous: Period {
        quarter == 1 ? Period(year: year - 1, quarter: 4)! : Period(year: year, quarter: quarter - 1)!
    }

    /// The quarter after this one.
    public var next: Period {
        quarter == 4 ? Period(year: year + 1, quarter: 1)! : Period(year: year, quarter: quarter + 1)!
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.year, lhs.quarter) < (rhs.year, rhs.quarter)
    }
}

extension Period: Codable {
    /// Written `YYYY-Qn`, as everywhere else.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let period = Period(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Period.problem(text)))
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
