/// How every CSV file Discern writes spells one cell: the chart data beside each chart,
/// and `discern import`'s output. One rule, in one place.
///
/// - RFC 4180: a cell holding a comma, a double quote or a line break is quoted, its
///   quotes doubled.
/// - OWASP's CSV Injection rule (https://owasp.org/www-community/attacks/CSV_Injection):
///   a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, tab or carriage
///   return as a formula, so such a cell gets a single quote in front, inside a quoted
///   field. A number (`-3.5`, `+2`, `-12%`) is left alone: a spreadsheet reads it as
///   the number it is, and a quote would turn it into text.
public enum CSVCell {
    /// The cell as it goes between the commas of a record.
    public static func written(_ text: String) -> String {
        if startsFormula(text) { return quoted("'" + text) }
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return needsQuotes ? quoted(text) : text
    }

    /// A record: its cells written and joined by commas, without a line ending.
    public static func record(_ cells: [String]) -> String {
        cells.map(written).joined(separator: ",")
    }

    /// Whether a spreadsheet would take the cell for a formula.
    static func startsFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return false }
        return !isNumber(text)
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// An optional sign, digits with an optional decimal part (or a decimal part alone),
    /// an optional exponent, an optional `%`: what spreadsheets read as a plain number.
    static func isNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        func digits() -> Int {
            var count = 0
            while let scalar = scalars.first, ("0"..."9").contains(scalar) {
                scalars.removeFirst()
                count += 1
            }
            return count
        }
        if let sign = scalars.first, sign == "+" || sign == "-" { scalars.removeFirst() }
        var mantissa = digits()
        if scalars.first == "." {
            scalars.removeFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let e = scalars.first, e == "e" || e == "E" {
            scalars.removeFirst()
            if let sign = scalars.first, sign == "+" || sign == "-" { scalars.removeFirst() }
            guard digits() > 0 else { return false }
        }
        if scalars.first == "%" { scalars.removeFirst() }
        return scalars.isEmpty
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\"" { result += "\"\"" } else { result.append(character) }
        }
        return result + "\""
    }
}
