import ContentLoading

extension Timestamp {
    /// English month names, for `%b`: the first three letters name the month, and a full
    /// name is read whole.
    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december"]

    /// Reads a moment written in `format`; nil when the text does not follow it or names a
    /// day that does not exist. A time without `%z` is taken as UTC, as ISO 8601 is.
    package init?(_ raw: String, format: DateFormat) {
        guard case .pattern(let fields, _) = format else {
            self.init(iso8601: raw)
            return
        }
        let text = Array(raw.trimmingSpaces.utf8)
        var cursor = 0
        func number(_ widths: ClosedRange<Int>) -> Int? {
            var value = 0, count = 0
            while count < widths.upperBound, cursor < text.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[cursor]) {
                value = value * 10 + Int(text[cursor] - UInt8(ascii: "0"))
                cursor += 1
                count += 1
            }
            return count >= widths.lowerBound ? value : nil
        }
        func letters() -> String {
            let start = cursor
            while cursor < text.count, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(text[cursor] & ~0x20) { cursor += 1 }
            return String(decoding: text[start..<cursor], as: UTF8.self).lowercased()
        }
        var year: Int?, month: Int?, day: Int?
        var hour = 0, minute = 0, second = 0, offset = 0
        var meridiem: Int?
        for field in fields {
            switch field {
            case .year: year = number(4...4)
            case .shortYear: year = number(2...2).map { 2000 + $0 }
            case .month: month = number(1...2)
            case .monthName:
                let name = letters()
                month = Self.months.firstIndex { name.count >= 3 && ($0 == name || (name.count == 3 && $0.hasPrefix(name))) }
                    .map { $0 + 1 }
            case .day: day = number(1...2)
            case .hour, .hour12:
                guard let value = number(1...2), field == .hour ? value < 24 : (1...12).contains(value) else { return nil }
                hour = value
            case .minute:
                guard let value = number(1...2), value < 60 else { return nil }
                minute = value
            case .second:
                guard let value = number(1...2), value < 61 else { return nil }
                second = value
            case .meridiem:
                switch letters() {
                case "am": meridiem = 0
                case "pm": meridiem = 12
                default: return nil
                }
            case .offset:
                guard let parsed = Self.offset(text, from: &cursor) else { return nil }
                offset = parsed
            case .space:
                let start = cursor
                while cursor < text.count, text[cursor] == UInt8(ascii: " ") || text[cursor] == UInt8(ascii: "\t") { cursor += 1 }
                guard cursor > start else { return nil }
            case .literal(let character):
                for byte in character.utf8 {
                    guard cursor < text.count, text[cursor] == byte else { return nil }
                    cursor += 1
                }
            }
        }
        guard cursor == text.count, let year, let month, let day,
              let calendarDay = CalendarDay(year: year, month: month, day: day) else { return nil }
        // 12 AM is midnight and 12 PM noon: the hour is taken modulo 12 before the half is added.
        if let meridiem { hour = hour % 12 + meridiem }
        self.init(day: calendarDay, secondsOfDay: Double(hour * 3600 + minute * 60 + second), offsetSeconds: offset)
    }

    /// `Z`, `+HH:MM` or `+HHMM` at `cursor`, in seconds east of UTC.
    private static func offset(_ text: [UInt8], from cursor: inout Int) -> Int? {
        guard cursor < text.count else { return nil }
        if text[cursor] == UInt8(ascii: "Z") || text[cursor] == UInt8(ascii: "z") {
            cursor += 1
            return 0
        }
        guard text[cursor] == UInt8(ascii: "+") || text[cursor] == UInt8(ascii: "-") else { return nil }
        let sign = text[cursor] == UInt8(ascii: "-") ? -1 : 1
        var digits: [Int] = []
        cursor += 1
        while cursor < text.count, digits.count < 4 {
            if text[cursor] == UInt8(ascii: ":"), digits.count == 2 {
                cursor += 1
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[cursor]) else { break }
            digits.append(Int(text[cursor] - UInt8(ascii: "0")))
            cursor += 1
        }
        guard digits.count == 4 else { return nil }
        let hours = digits[0] * 10 + digits[1], minutes = digits[2] * 10 + digits[3]
        guard hours <= 14, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
