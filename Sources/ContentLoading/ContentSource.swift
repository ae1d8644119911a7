import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How the loader reaches a content folder: a small struct of closures, with a real
/// version for the disk and one in memory, so every stage can be tested without disk.
public struct ContentSource: Sendable {
    /// Shown in messages: the folder, or a label for in-memory content.
    public var root: String
    /// Every regular file below the root, as sorted relative paths with `/` separators.
    public var files: @Sendable () throws -> [String]
    /// The bytes of one file, by relative path.
    public var read: @Sendable (String) throws -> [UInt8]
    /// A file's size in bytes, checked against the limits before it is read.
    public var size: @Sendable (String) -> Int?

    public init(root: String, files: @escaping @Sendable () throws -> [String],
                read: @escaping @Sendable (String) throws -> [UInt8],
                size: @escaping @Sendable (String) -> Int? = { _ in nil }) {
        self.root = root
        self.files = files
        self.read = read
        self.size = size
    }

    /// A content folder on disk. Hidden files and folders (`.git`, `.DS_Store`) are skipped.
    /// - Parameter record: where to note what is read, for a build to tell
    ///   whether its content is what the last build's was.
    public static func disk(_ folder: URL, recording record: InputRecord? = nil) -> ContentSource {
        let base = folder.resolvingSymlinksInPath().standardizedFileURL
        return ContentSource(
            root: folder.path,
            files: { FolderWalk.regularFiles(below: base.path).sorted() },
            read: { path in
                // Foundation only when the plain read fails, for its message.
                let bytes = try plainRead(base.path + "/" + path) ?? [UInt8](Data(contentsOf: base.appendingPathComponent(path)))
                record?.read(path, bytes)
                return bytes
            },
            size: { path in
                var status = stat()
                return stat(base.path + "/" + path, &status) == 0 ? Int(status.st_size) : nil
            }
        )
    }

    /// A file's bytes with `open` and `read`, or nil on any failure. Foundation's
    /// `Data(contentsOf:)` and `attributesOfItem` cost several times as much per file, and
    /// a 500-team report has thousands of files.
    private static func plainRead(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        // One byte more than `fstat` says, so that the end is found without growing.
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var filled = 0
        while true {
            // Grows for a file that grew since `fstat`, and stops at the end.
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Content held in memory: relative path to bytes.
    public static func memory(_ files: [String: [UInt8]]) -> ContentSource {
        ContentSource(
            root: "(memory)",
            files: { files.keys.sorted() },
            read: { path in
                guard let bytes = files[path] else { throw CocoaError(.fileNoSuchFile) }
                return bytes
            },
            size: { files[$0]?.count }
        )
    }

    /// Content held in memory as text: relative path to UTF-8 contents.
    public static func memory(text files: [String: String]) -> ContentSource {
        memory(files.mapValues { Array($0.utf8) })
    }
}
