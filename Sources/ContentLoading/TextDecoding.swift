import ReportModel

/// Turns a file's bytes into text, or says where the first byte that is not UTF-8 is.
package enum TextDecoding {
    /// The text without a leading byte-order mark, or nil after an error at the first
    /// invalid byte.
    package static func decode(_ bytes: [UInt8], file: String, diagnostics: inout DiagnosticLog) -> String? {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        if let text = String(validating: body, as: UTF8.self) { return text }
        let location = firstInvalidByte(in: body, file: file)
        diagnostics.report(.error(
            "file is not valid UTF-8 (byte 0x\(hex(bytes[location.offset]))); save it as UTF-8",
            at: location.location))
        return nil
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// Walks the UTF-8 rules by hand: the standard library says *whether* bytes are valid,
    /// not *where* they stop being so.
    private static func firstInvalidByte(in bytes: ArraySlice<UInt8>, file: String)
        -> (offset: Int, location: SourceLocation) {
        var line = 1
        var column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; highest = 0x9F
            case 0xF0: length = 4; lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; highest = 0x8F
            default: return (index, SourceLocation(file: file, line: line, column: column))
            }
            guard index + length <= bytes.endIndex else {
                return (index, SourceLocation(file: file, line: line, column: column))
            }
            for offset in 1..<length {
                let byte = bytes[index + offset]
                let (low, high) = offset == 1 ? (lowest, highest) : (0x80, 0xBF)
                if byte < low || byte > high {
                    return (index, SourceLocation(file: file, line: line, column: column))
                }
            }
            if lead == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return (bytes.startIndex, SourceLocation(file: file, line: line, column: column))
    }
}
