import ReportModel

/// A moment as event and pull-request exports write it: ISO 8601, such as GitHub's
/// `2026-07-01T09:30:00Z` or a tool's `2026-07-01 09:30:00+02:00`.
///
/// It keeps the day as written (its quarter is the one a team would name, whatever the
/// offset) and the moment in seconds since 1970 UTC, so that durations across offsets
/// come out right. Nothing here reads the machine's time zone or locale.
package struct Timestamp: Hashable, Comparable, Sendable {
    /// The calendar day as written, before any offset is applied.
    package let day: CalendarDay
    /// Seconds since 1970-01-01T00:00:00Z.
    package let seconds: Double

    package init(day: CalendarDay, secondsOfDay: Double, offsetSeconds: Int) {
        self.day = day
        seconds = Double(day.ordinal) * 86_400 + secondsOfDay - Double(offsetSeconds)
    }

    /// Parses `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM`, `HH:MM:SS`
    /// or `HH:MM:SS.fff`, then optionally `Z` or an offset `±HH:MM` (or `±HHMM`). A date
    /// alone is midnight; a time without a zone is taken as UTC.
    package init?(iso8601 raw: String) {
        let text = Array(raw.trimmingCharacters(in: .whitespaces).utf8)
        guard text.count >= 10, let day = CalendarDay(String(decoding: text[0..<10], as: UTF8.self)),
              text[4] == UInt8(ascii: "-") else { return nil }
        guard text.count > 10 else {
            self.init(day: day, secondsOfDay: 0, offsetSeconds: 0)
            return
        }
        guard text[10] == UInt8(ascii: "T") || text[10] == UInt8(ascii: " ") else { return nil }
        var cursor = 11
        func digits(_ count: Int) -> Int? {
            guard cursor + count <= text.count else { return nil }
            var value = 0
            for byte in text[cursor..<(cursor + count)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            cursor += count
            return value
        }
        func skip(_ character: Character) -> Bool {
            guard cursor < text.count, text[cursor] == character.asciiValue! else { return false }
            cursor += 1
            return true
        }
        guard let hour = digits(2), hour < 24, skip(":"), let minute = digits(2), minute < 60 else { return nil }
        var second = 0.0
        if skip(":") {
            guard let whole = digits(2), whole < 61 else { return nil }
            second = Double(whole)
            if skip(".") || skip(",") {
                var scale = 0.1
                let start = cursor
                while cursor < text.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[cursor]) {
                    second += Double(text[cursor] - UInt8(ascii: "0")) * scale
                    scale /= 10
                    cursor += 1
                }
                guard cursor > start else { return nil }
            }
        }
        var offset = 0
        if skip("Z") || skip("z") {
            offset = 0
        } else if cursor < text.count, text[cursor] == UInt8(ascii: "+") || text[cursor] == UInt8(ascii: "-") {
            let sign = text[cursor] == UInt8(ascii: "-") ? -1 : 1
            cursor += 1
            guard let hours = digits(2), hours <= 14 else { return nil }
            _ = skip(":")
            guard let minutes = digits(2), minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard cursor == text.count else { return nil }
        self.init(day: day, secondsOfDay: Double(hour * 3600 + minute * 60) + second, offsetSeconds: offset)
    }

    /// The quarter of the day as written.
    package var period: Period { day.period }

    /// Seconds from `self` to `later`; negative when `later` is earlier.
    package func seconds(to later: Timestamp) -> Double { later.seconds - seconds }

    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    /// The message for a timestamp that cannot be read. It names the field, not the text.
    package static func problem(field: String) -> String {
        "'\(field)' must be an ISO 8601 date and time, like 2026-07-01T09:30:00Z"
    }
}
