extension [UInt8] {
    /// Appends a string's UTF-8 bytes, copied from its storage in one go: pages and charts
    /// are written as bytes (`SVGNode`, `HTML`), from many small strings.
    @inlinable
    public mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
