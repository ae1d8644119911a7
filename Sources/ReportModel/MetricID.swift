/// The id of a metric declared in `metrics.yaml`, such as `cycle_time`.
///
/// A type of its own, not a bare `String`, so that a metric id and a team id cannot be
/// swapped, and raw text cannot reach a lookup without passing the loader, which turns
/// text into a `MetricID` only after checking it against the catalog. It becomes text
/// again only where it is written (pages, file names, messages), through `description`,
/// which is the id exactly as declared. It hashes and compares like the string it wraps.
package struct MetricID: Hashable, Comparable, Sendable, CustomStringConvertible,
                         ExpressibleByStringLiteral {
    /// The id as written in the content.
    package let rawValue: String

    package init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    package init(stringLiteral value: String) {
        self.rawValue = value
    }

    package var description: String { rawValue }

    package static func < (lhs: MetricID, rhs: MetricID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
