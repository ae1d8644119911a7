import Foundation

/// What a load read from a content folder: the files listed, and a hash of each one
/// read. A build whose content, theme, options and Discern are all what the last build's
/// were writes the same site, so it may leave that site in place (`discern build` checks
/// the site is intact first); this is the content's part of that comparison.
///
/// Recorded as the loader reads, through `ContentSource.disk(_:recording:)`: whatever the
/// loader looks at is in it, whatever it never opens cannot change the site.
public final class InputRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var listed: [String] = []
    private var read: [String: String] = [:]

    public init() {}

    func list(_ files: [String]) {
        lock.withLock { listed = files }
    }

    func read(_ path: String, _ bytes: [UInt8]) {
        let hash = QuerySnapshot.hash(of: bytes)
        lock.withLock { read[path] = "\(bytes.count) \(hash)" }
    }

    /// One hash of every path listed and every file read, with its size and hash.
    /// Fields are separated by NUL, which no path holds.
    public var digest: String {
        lock.withLock {
            var text = "listed\u{0}" + listed.joined(separator: "\u{0}") + "\u{0}read\u{0}"
            for path in read.keys.sorted() { text += path + "\u{0}" + read[path]! + "\u{0}" }
            return QuerySnapshot.hash(of: Array(text.utf8))
        }
    }
}
