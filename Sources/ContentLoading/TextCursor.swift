import ReportModel

/// A position in UTF-8 text that keeps count of lines and columns as it moves, for the
/// hand-written CSV and JSON readers. Columns count Unicode scalars, not bytes.
struct TextCursor {
    let bytes: [UInt8]
    let file: String
    private(set) var index = 0
    private(set) var line = 1
    private(set) var column = 1

    init(_ text: String, file: String) {
        self.bytes = Array(text.utf8)
        self.file = file
    }

    var atEnd: Bool { index >= bytes.count }

    /// The current byte; only valid when not `atEnd`.
    var current: UInt8 { bytes[index] }

    /// Whether the current byte is `byte` (false at the end).
    func at(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    /// The byte after the current one, if any.
    var next: UInt8? { index + 1 < bytes.count ? bytes[index + 1] : nil }

    var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    mutating func advance() {
        let byte = bytes[index]
        index += 1
        let lineBreak = byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && !at(UInt8(ascii: "\n")))
        if lineBreak {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            // Continuation bytes belong to the scalar already counted.
            column += 1
        }
    }

    /// Steps over a byte that does not move the visible position (the CR of a CRLF).
    mutating func skipInvisible() { index += 1 }
}
