/// An id declared in one of the content's catalogs (`MetricID`, `TeamID`): a type per
/// catalog, so ids of two catalogs cannot be swapped, with everything else shared here.
/// It prints as the id exactly as declared, and hashes and compares like the string it wraps.
public protocol CatalogID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The id as written in the content.
    var rawValue: String { get }
    init(_ rawValue: String)
}

extension CatalogID {
    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
