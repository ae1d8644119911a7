import Formatting
import ReportModel

/// A number written in prose, such as `3.4` or `44%`, as lint D106 looks for them.
///
/// Quarter names (`2025-Q2`, `Q3`), years and numbers inside words (`4D`, `h2`) are
/// not numbers a reader takes for a metric's value, so they are not found at all.
struct NumberLiteral: Hashable {
    /// As written, with its `%` if it has one.
    var text: String
    /// The digits and decimal point only.
    var digits: String
    var isPercent: Bool

    var decimals: Int {
        digits.firstIndex(of: ".").map { digits.distance(from: $0, to: digits.endIndex) - 1 } ?? 0
    }

    /// Whether this literal reads as the metric's value: written with the decimals the
    /// site shows it with, and not a small whole number, which prose uses for
    /// everything ("2 teams", "3 reasons") unless it carries a `%`.
    func isMeaningful(for metric: Metric) -> Bool {
        guard decimals == metric.shownDecimals else { return false }
        if decimals == 0, !isPercent, let whole = Int(digits), whole < 10 { return false }
        return metric.format != .percent || isPercent
    }

    /// Words too common in prose to show that a paragraph is about a metric.
    private static let commonWords: Set<String> = ["rate", "time", "level", "share", "with", "from", "that", "this",
                                                   "than", "into", "used", "self", "reported", "per"]

    /// The words of a metric's name that a paragraph about it would use, lowercased:
    /// "Change failure rate" gives `change`, `failure`.
    static func words(of name: String) -> [String] {
        name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
            .filter { $0.count >= 4 && !commonWords.contains($0) }
    }

    /// A value as the site shows it, without grouping: `3.4`, `−0.5`.
    static func rounded(_ value: Double, decimals: Int) -> String {
        DecimalText.signed(value, decimals: decimals)
    }

    /// Every number standing alone in a run of prose, in order.
    static func all(in text: String) -> [NumberLiteral] {
        let scalars = Array(text.unicodeScalars)
        var found: [NumberLiteral] = []
        var index = 0
        func isDigit(_ i: Int) -> Bool { i < scalars.count && ("0"..."9").contains(scalars[i]) }
        func isLetter(_ i: Int) -> Bool {
            i >= 0 && i < scalars.count && (scalars[i].properties.isAlphabetic || scalars[i] == "_")
        }
        func isJoiner(_ i: Int) -> Bool {
            i >= 0 && i < scalars.count && ["-", "/", ",", ".", ":"].contains(scalars[i])
        }
        while index < scalars.count {
            guard isDigit(index), index == 0 || !isDigit(index - 1) && scalars[index - 1] != "." else {
                index += 1
                continue
            }
            let start = index
            while isDigit(index) { index += 1 }
            if index + 1 < scalars.count, scalars[index] == ".", isDigit(index + 1) {
                index += 1
                while isDigit(index) { index += 1 }
            }
            let digits = String(String.UnicodeScalarView(scalars[start..<index]))
            let isPercent = index < scalars.count && scalars[index] == "%"
            let end = isPercent ? index + 1 : index
            // Part of a word, an id, a date, a range or a grouped number: `Q2`, `4D`,
            // `2025-06-30`, `3-5`, `1,200`. Not a value standing alone.
            let joined = isLetter(start - 1) || (isJoiner(start - 1) && (isDigit(start - 2) || isLetter(start - 2)))
                || (!isPercent && isLetter(end)) || (isJoiner(end) && isDigit(end + 1))
            let isYear = !digits.contains(".") && digits.count == 4 && SiteSettings.years.contains(Int(digits) ?? 0)
            if !joined && !isYear {
                found.append(NumberLiteral(text: digits + (isPercent ? "%" : ""), digits: digits, isPercent: isPercent))
            }
            index = end
        }
        return found
    }
}
