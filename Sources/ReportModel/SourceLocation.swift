/// A position in a content file, for diagnostics.
///
/// `file` is relative to the content folder; `line` and `column` count from 1.
/// Columns count Unicode scalars, as libyaml and most editors do.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:column`, the form editors and CI annotations understand. The path is
    /// put on one safe line, like a diagnostic's message: a file's name is input too.
    public var description: String { "\(Diagnostic.oneLine(file)):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
