import Formatting

/// How an export writes its dates and times: ISO 8601, or a strftime-style pattern such
/// as Jira's `%d/%b/%y %I:%M %p` (`01/Jul/26 9:30 AM`).
///
/// A pattern is read once, when the spec is loaded, into its fields, so that a cell is
/// read by walking them and a pattern Discern cannot read is an error at the spec's line.
/// The directives:
///
/// | directive | reads |
/// |---|---|
/// | `%Y` | a four-digit year |
/// | `%y` | a two-digit year, 2000 to 2099 (`26` is 2026) |
/// | `%m` | a month, 1 or 2 digits |
/// | `%b`, `%B` | an English month name, abbreviated or full, any case (`Jul`, `July`) |
/// | `%d`, `%e` | a day of the month, 1 or 2 digits (`%e`'s leading space is a space) |
/// | `%H` | an hour 0 to 23, 1 or 2 digits |
/// | `%I` | an hour 1 to 12, 1 or 2 digits, with `%p` |
/// | `%M`, `%S` | minutes and seconds, 1 or 2 digits |
/// | `%p` | `AM` or `PM`, any case |
/// | `%z` | `Z`, or an offset `+HH:MM` or `+HHMM` |
/// | `%%` | a percent sign |
///
/// A space matches one or more spaces; any other character matches itself. Month names
/// are English only: a locale's names (`Okt`, `juil.`) are not read.
package enum DateFormat: Hashable, Sendable {
    /// `YYYY-MM-DD`, optionally with a time and an offset (see `Timestamp`).
    case iso8601
    /// A strftime-style pattern, as its fields in order.
    case pattern([Field], text: String)

    /// One piece of a pattern.
    package enum Field: Hashable, Sendable {
        case year, shortYear, month, monthName, day, hour, hour12, minute, second, meridiem, offset
        /// One or more spaces.
        case space
        /// A character that must be there as written.
        case literal(Character)

        /// Which part of a moment a field gives, so that no part is given twice.
        fileprivate var part: String? {
            switch self {
            case .year, .shortYear: "year"
            case .month, .monthName: "month"
            case .day: "day"
            case .hour, .hour12: "hour"
            case .minute: "minute"
            case .second: "second"
            case .meridiem: "AM or PM"
            case .offset: "offset"
            case .space, .literal: nil
            }
        }
    }

    /// Why a pattern cannot be read: the message, naming the pattern's own text only.
    package struct Problem: Error, Equatable {
        package let message: String

        package init(message: String) {
            self.message = message
        }
    }

    /// The directives a pattern may use, for messages.
    static let directives = "%Y %y %m %b %B %d %e %H %I %M %S %p %z %%"

    /// `iso8601` (or nothing), or a pattern with at least a year, a month and a day, `%I`
    /// and `%p` together, and no field twice.
    package static func parse(_ text: String) -> Result<DateFormat, Problem> {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty || trimmed.lowercased() == "iso8601" || trimmed.lowercased() == "iso 8601" { return .success(.iso8601) }
        var fields: [Field] = []
        var characters = trimmed.makeIterator()
        while let character = characters.next() {
            if character == " " {
                if fields.last != .space { fields.append(.space) }
                continue
            }
            guard character == "%" else {
                fields.append(.literal(character))
                continue
            }
            guard let directive = characters.next() else {
                return .failure(Problem(message: "'format' ends with a lone '%'; write '%%' for a percent sign"))
            }
            let field: Field
            switch directive {
            case "Y": field = .year
            case "y": field = .shortYear
            case "m": field = .month
            case "b", "B", "h": field = .monthName
            case "d", "e": field = .day
            case "H": field = .hour
            case "I": field = .hour12
            case "M": field = .minute
            case "S": field = .second
            case "p": field = .meridiem
            case "z": field = .offset
            case "%": field = .literal("%")
            default:
                return .failure(Problem(message: "'format' has '%\(Excerpt.of(String(directive)))', which Discern does not read; "
                    + "it reads \(directives), or iso8601"))
            }
            if let part = field.part, fields.contains(where: { $0.part == part }) {
                return .failure(Problem(message: "'format' gives the \(part) twice ('%\(directive)')"))
            }
            fields.append(field)
        }
        let parts = Set(fields.compactMap(\.part))
        guard parts.isSuperset(of: ["year", "month", "day"]) else {
            return .failure(Problem(message: "'format' must have a year (%Y or %y), a month (%m or %b) and a day (%d), "
                + "or be iso8601"))
        }
        guard fields.contains(.hour12) == fields.contains(.meridiem) else {
            return .failure(Problem(message: "'format' must use %I (a 12-hour clock) and %p (AM or PM) together; "
                + "use %H for a 24-hour clock"))
        }
        if parts.contains("minute") || parts.contains("second"), !parts.contains("hour") {
            return .failure(Problem(message: "'format' has minutes or seconds but no hour (%H or %I)"))
        }
        return .success(.pattern(fields, text: trimmed))
    }

    /// How messages show the format: `iso8601` or the pattern as written.
    package var description: String {
        switch self {
        case .iso8601: "ISO 8601, like 2026-07-01T09:30:00Z"
        case .pattern(_, let text): "'\(text)'"
        }
    }
}
