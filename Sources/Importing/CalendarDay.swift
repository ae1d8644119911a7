import ReportModel

/// How a date written with slashes orders its day and month: `M/D/YYYY`, the US form Viva
/// Insights exports by default, or `D/M/YYYY`, as tenants in other locales write it.
public enum DateOrder: String, CaseIterable, Sendable {
    case mdy
    case dmy

    /// How messages write the form.
    var pattern: String { self == .mdy ? "M/D/YYYY" : "D/M/YYYY" }
}

/// A date as the usage feeds write it, reduced to what an import needs: its quarter.
///
/// GitHub and Microsoft 365 write `YYYY-MM-DD` (GitHub's timestamps add a time, which is
/// ignored); Viva Insights exports write the US form `M/D/YYYY`. Both are accepted, and
/// nothing that depends on the machine's locale is used.
package struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    let day: Int

    package init?(year: Int, month: Int, day: Int) {
        guard SiteSettings.years.contains(year), (1...12).contains(month),
              (1...CalendarDay.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (optionally followed by `T` and a time), or a date with slashes
    /// in `order` (`M/D/YYYY` unless told otherwise).
    package init?(_ raw: String, order: DateOrder = .mdy) {
        var text = Substring(raw)
        if let t = text.firstIndex(where: { $0 == "T" || $0 == " " }), text.contains("-") {
            text = text[..<t]
        }
        let parts: [Substring]
        let fields: (year: Int, month: Int, day: Int)
        if text.contains("-") {
            parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return nil }
            fields = (0, 1, 2)
        } else {
            parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                  parts[2].count == 4 else { return nil }
            fields = order == .mdy ? (2, 0, 1) : (2, 1, 0)
        }
        guard parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[fields.year]), let month = Int(parts[fields.month]), let day = Int(parts[fields.day])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The first two numbers of a date written with slashes (`10/5/2025` gives 10 and 5),
    /// to tell which of them is the day; nil for any other form.
    static func slashedParts(_ raw: String) -> (first: Int, second: Int)? {
        let parts = raw.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count <= 2, parts[1].count <= 2, let first = Int(parts[0]), let second = Int(parts[1])
        else { return nil }
        return (first, second)
    }

    /// Day of the week, 0 for Sunday to 6 for Saturday.
    var weekday: Int { ((ordinal % 7) + 11) % 7 }

    /// The quarter the day falls in.
    package var period: Period { Period(year: year, quarter: (month - 1) / 3 + 1)! }

    /// Days since 1 January 1970, for spans such as a report's window. Howard Hinnant's
    /// `days_from_civil`: exact for the proleptic Gregorian calendar, and no `Calendar`,
    /// whose answers depend on the machine's time zone.
    package var ordinal: Int { Self.ordinal(year: year, month: month, day: day) }

    private static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The first and last day of a quarter, as ordinals; any year, so that walking back
    /// from a date near the edge of the accepted years cannot fail.
    static func ordinals(of period: Period) -> ClosedRange<Int> {
        let lastMonth = period.quarter * 3
        return ordinal(year: period.year, month: lastMonth - 2, day: 1)
            ... ordinal(year: period.year, month: lastMonth, day: daysIn(month: lastMonth, year: period.year))
    }

    /// How many weeks a quarter holds (its days over 7, so 13 or a little under): what a
    /// count per week divides a quarter's count by.
    package static func weeks(in period: Period) -> Double {
        let days = ordinals(of: period)
        return Double(days.count) / 7
    }

    /// `YYYY-MM-DD`.
    package var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    package static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The message for a date that cannot be read. It names the field, not the text, so
    /// a column swapped with a person's name does not echo the name.
    package static func problem(field: String, order: DateOrder = .mdy) -> String {
        "'\(field)' must be a date written YYYY-MM-DD (or \(order.pattern)), like 2026-07-01"
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
