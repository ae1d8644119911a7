import CXXHash
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a load read from a content folder: every file read, with a hash of its bytes. A
/// build whose content, theme, options and Discern are all what the last build's were
/// writes the same site, so it may leave that site in place (`discern build` checks the
/// site is intact first); this is the content's part of that comparison.
///
/// Recorded as the loader reads, through `ContentSource.disk(_:recording:)`: whatever the
/// loader uses it reads, so it is in here, and a file it never opens (a README beside
/// the content, the site itself when built inside the content folder) cannot change the
/// site. A file listed but not read can only add a warning, and warnings are reported on
/// every build, site left as it is or not.
public final class InputRecord: @unchecked Sendable {
    private let lock = NSLock()
    /// Each file read: its size and hash, by path.
    private var files: [String: String] = [:]

    public init() {}

    func read(_ path: String, _ bytes: [UInt8]) {
        let hash = QuerySnapshot.hash(of: bytes)
        lock.withLock { files[path] = "\(bytes.count) \(hash)" }
    }

    /// The XXH3-128 of a file's bytes, read a megabyte at a time (Discern's own
    /// executable is tens of megabytes, which a whole read would add to the peak memory),
    /// in the form `QuerySnapshot.hash` gives; nil when it cannot be read.
    public static func digest(ofFile path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, let state = XXH3_createState() else { return nil }
        defer {
            close(descriptor)
            XXH3_freeState(state)
        }
        XXH3_128bits_reset(state)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            _ = buffer.withUnsafeBytes { XXH3_128bits_update(state, $0.baseAddress, count) }
        }
        return QuerySnapshot.text(of: XXH3_128bits_digest(state))
    }

    /// One hash of every file read: its path, size and hash. Fields are separated by
    /// NUL, which no path holds.
    public var digest: String {
        lock.withLock {
            var text = "read\u{0}"
            for path in files.keys.sorted() { text += path + "\u{0}" + files[path]! + "\u{0}" }
            return QuerySnapshot.hash(of: Array(text.utf8))
        }
    }
}
