import Foundation
import ReportModel

/// A query's result being written as CSV to a hidden temporary file in `data/`, a row
/// at a time, so that a result of any size is never held whole.
///
/// The bytes depend on the result alone: the header and each row as `CSVCell` writes
/// every CSV Discern makes, with `\n` line endings. The same result makes the same file.
final class SnapshotFile {
    /// The temporary file's path.
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var isOpen = true
    private static let flushSize = 1 << 16

    /// Creates the temporary file; it must not exist yet.
    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    deinit {
        if isOpen { try? handle.close() }
    }

    /// Appends one record: the header, or a row whose NULLs are blank cells.
    func append(_ cells: [String?]) throws {
        buffer.append(contentsOf: CSVCell.record(cells.map { $0 ?? "" }).utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Writes what is buffered and makes it durable, so the rename that follows never
    /// puts an empty or partial file in the snapshot's place after a crash.
    func finish() throws {
        try flush()
        try handle.synchronize()
        isOpen = false
        try handle.close()
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
