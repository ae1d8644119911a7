import CXXHash

/// The record `discern refresh` keeps beside a query's snapshot: which query text the
/// snapshot was made from, and when it ran.
///
/// `data/NAME.sql` is the query, `data/NAME.csv` its result (the snapshot, read like any
/// data file) and `data/NAME.csv.snapshot` this record, three `key: value` lines:
///
/// ```
/// # discern refresh ran data/NAME.sql and wrote data/NAME.csv; do not edit.
/// query: xxh3-128:<32 hex digits of the query file's bytes>
/// ran_at: 2026-12-01T23:56:44Z
/// rows: 12
/// ```
///
/// The time lives here and not in the CSV, so the CSV's bytes depend on the result alone
/// and its diff shows only numbers that changed.
public struct QuerySnapshot: Equatable, Sendable {
    /// What the record's name adds to the snapshot's.
    public static let recordSuffix = ".snapshot"

    /// The hash of the query file's bytes, as written: `xxh3-128:` and 32 hex digits.
    public var query: String
    /// When the query ran, in UTC, as ISO 8601 (`2026-12-01T23:56:44Z`).
    public var ranAt: String
    /// The rows of the result.
    public var rows: Int

    public init(query: String, ranAt: String, rows: Int) {
        self.query = query
        self.ranAt = ranAt
        self.rows = rows
    }

    /// `data/NAME.csv` for `data/NAME.sql`.
    public static func snapshotPath(ofQuery path: String) -> String {
        String(path.dropLast(".sql".count)) + ".csv"
    }

    /// `data/NAME.csv.snapshot` for `data/NAME.sql`.
    public static func recordPath(ofQuery path: String) -> String {
        snapshotPath(ofQuery: path) + recordSuffix
    }

    /// `data/NAME.sql` for the record `data/NAME.csv.snapshot`.
    static func queryPath(ofRecord path: String) -> String {
        String(path.dropLast((".csv" + recordSuffix).count)) + ".sql"
    }

    /// The hash a record keeps of a query file's bytes. XXH3-128 (libxxhash, already
    /// linked for the site manifest): the record detects an edited query, not an attack
    /// (whoever can edit the record can edit the snapshot), so speed and spread are what
    /// count, and at 128 bits two different texts never share a hash in practice.
    public static func hash(of bytes: [UInt8]) -> String {
        text(of: bytes.withUnsafeBytes { buffer in
            // xxHash reads nothing for a length of 0, but wants a pointer all the same.
            buffer.isEmpty ? XXH3_128bits(nil, 0) : XXH3_128bits(buffer.baseAddress, buffer.count)
        })
    }

    /// An XXH3-128 hash as records write it.
    static func text(of hash: XXH128_hash_t) -> String {
        "xxh3-128:" + hex(hash.high64) + hex(hash.low64)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The record's text, as written beside the snapshot.
    public func text(query path: String) -> String {
        "# discern refresh ran \(path) and wrote \(Self.snapshotPath(ofQuery: path)); do not edit.\n"
            + "query: \(query)\nran_at: \(ranAt)\nrows: \(rows)\n"
    }

    /// Reads a record; nil when the text is not one.
    public init?(text: String) {
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            fields[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingSpaces
        }
        guard let query = fields["query"], query.hasPrefix("xxh3-128:"), let ranAt = fields["ran_at"],
              let rows = fields["rows"].flatMap({ Int($0) }) else { return nil }
        self.init(query: query, ranAt: ranAt, rows: rows)
    }
}
