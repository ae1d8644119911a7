import ReportModel

extension JSONValue {
    /// Parses a JSON document (RFC 8259). On a syntax error, reports it at its position
    /// and returns nil.
    package static func parse(_ text: String, file: String, diagnostics: inout DiagnosticLog) -> JSONValue? {
        var parser = JSONParser(cursor: TextCursor(text, file: file))
        do throws(Diagnostic) {
            parser.skipWhitespace()
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            if !parser.atEnd { throw parser.failure("unexpected text after the JSON value") }
            return value
        } catch {
            diagnostics.report(error)
            return nil
        }
    }

    /// Parses JSON values written one after another, with or without whitespace between
    /// them, as `gh api --paginate` saves an API's pages (`[…][…]`). A syntax error is
    /// reported at its position and ends the reading (where the next value starts cannot
    /// be known); the values before it are returned.
    package static func parseSequence(_ text: String, file: String, diagnostics: inout DiagnosticLog) -> [JSONValue] {
        var parser = JSONParser(cursor: TextCursor(text, file: file))
        var values: [JSONValue] = []
        do throws(Diagnostic) {
            parser.skipWhitespace()
            while !parser.atEnd {
                values.append(try parser.value(depth: 0))
                parser.skipWhitespace()
            }
        } catch {
            diagnostics.report(error)
        }
        return values
    }
}

private struct JSONParser {
    var cursor: TextCursor

    /// Deep nesting is refused instead of overflowing the stack on hostile input.
    static let maximumDepth = 256

    var atEnd: Bool { cursor.atEnd }

    func failure(_ message: String) -> Diagnostic {
        .error(message, at: cursor.location)
    }

    mutating func advance() { cursor.advance() }

    mutating func skipWhitespace() {
        while !atEnd, [0x20, 0x09, 0x0A, 0x0D].contains(cursor.current) { advance() }
    }

    mutating func expect(_ literal: String) throws(Diagnostic) {
        for byte in literal.utf8 {
            guard cursor.at(byte) else { throw failure("expected '\(literal)'") }
            advance()
        }
    }

    mutating func value(depth: Int) throws(Diagnostic) -> JSONValue {
        guard depth < Self.maximumDepth else { throw failure("JSON is nested too deeply") }
        guard !atEnd else { throw failure("unexpected end of file; expected a value") }
        let (startLine, startColumn) = (cursor.line, cursor.column)
        let kind: JSONValue.Kind
        switch cursor.current {
        case UInt8(ascii: "{"): kind = try object(depth: depth)
        case UInt8(ascii: "["): kind = try array(depth: depth)
        case UInt8(ascii: "\""): kind = .string(try string())
        case UInt8(ascii: "t"): try expect("true"); kind = .bool(true)
        case UInt8(ascii: "f"): try expect("false"); kind = .bool(false)
        case UInt8(ascii: "n"): try expect("null"); kind = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): kind = .number(try number())
        default:
            throw failure("unexpected character '\(String(decoding: [cursor.current], as: UTF8.self))'; expected a value")
        }
        return JSONValue(kind: kind, line: startLine, column: startColumn)
    }

    /// An object's members, from `{` to `}`.
    mutating func object(depth: Int) throws(Diagnostic) -> JSONValue.Kind {
        .object(try items(closedBy: "}") { parser throws(Diagnostic) in try parser.member(depth: depth + 1) })
    }

    /// An array's elements, from `[` to `]`.
    mutating func array(depth: Int) throws(Diagnostic) -> JSONValue.Kind {
        .array(try items(closedBy: "]") { parser throws(Diagnostic) in try parser.value(depth: depth + 1) })
    }

    /// `"key": value`, with where the key starts.
    mutating func member(depth: Int) throws(Diagnostic) -> JSONValue.Member {
        guard cursor.at(UInt8(ascii: "\"")) else { throw failure("expected a quoted key") }
        let (keyLine, keyColumn) = (cursor.line, cursor.column)
        let key = try string()
        skipWhitespace()
        guard cursor.at(UInt8(ascii: ":")) else { throw failure("expected ':' after the key") }
        advance()
        skipWhitespace()
        return JSONValue.Member(key: key, keyLine: keyLine, keyColumn: keyColumn, value: try value(depth: depth))
    }

    /// The comma-separated items of an object or array: from its opening bracket, at the
    /// cursor, to `closing`, each read by `item`.
    mutating func items<Item>(closedBy closing: Unicode.Scalar,
                              _ item: (inout JSONParser) throws(Diagnostic) -> Item) throws(Diagnostic) -> [Item] {
        let close = UInt8(ascii: closing)
        advance()
        var items: [Item] = []
        skipWhitespace()
        if cursor.at(close) {
            advance()
            return items
        }
        while true {
            skipWhitespace()
            items.append(try item(&self))
            skipWhitespace()
            guard !atEnd else { throw failure("unexpected end of file; expected ',' or '\(closing)'") }
            if cursor.current == UInt8(ascii: ",") { advance(); continue }
            if cursor.current == close { advance(); return items }
            throw failure("expected ',' or '\(closing)'")
        }
    }

    mutating func string() throws(Diagnostic) -> String {
        advance() // opening quote
        var result: [UInt8] = []
        while true {
            guard !atEnd else { throw failure("unexpected end of file inside a string") }
            let byte = cursor.current
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: result, as: UTF8.self)
            case UInt8(ascii: "\\"):
                advance()
                guard !atEnd else { throw failure("unexpected end of file inside a string") }
                let escape = cursor.current
                advance()
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escape)
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A surrogate pair: the low half must follow as another \u escape.
                        try expect("\\u")
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw failure("invalid surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape") }
                    result.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw failure("invalid escape in a string")
                }
            case 0x00..<0x20:
                throw failure("control character inside a string; write it as an escape")
            default:
                result.append(byte)
                advance()
            }
        }
    }

    mutating func hex4() throws(Diagnostic) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard !atEnd, let digit = Character(Unicode.Scalar(cursor.current)).hexDigitValue else {
                throw failure("expected four hex digits after \\u")
            }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }

    mutating func number() throws(Diagnostic) -> String {
        let start = cursor.index
        func digits() -> Int {
            var count = 0
            while !atEnd, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(cursor.current) { advance(); count += 1 }
            return count
        }
        if cursor.current == UInt8(ascii: "-") { advance() }
        guard digits() > 0 else { throw failure("expected a digit") }
        if cursor.at(UInt8(ascii: ".")) {
            advance()
            guard digits() > 0 else { throw failure("expected a digit after the decimal point") }
        }
        if cursor.at(UInt8(ascii: "e")) || cursor.at(UInt8(ascii: "E")) {
            advance()
            if cursor.at(UInt8(ascii: "+")) || cursor.at(UInt8(ascii: "-")) { advance() }
            guard digits() > 0 else { throw failure("expected a digit in the exponent") }
        }
        return String(decoding: cursor.bytes[start..<cursor.index], as: UTF8.self)
    }
}
