import Importing
import ReportModel
import Testing

/// ISO 8601 timestamps as exports write them. The examples with offsets and fractions are
/// RFC 3339's own (section 5.8, https://www.rfc-editor.org/rfc/rfc3339#section-5.8);
/// GitHub's REST API writes `YYYY-MM-DDTHH:MM:SSZ`
/// (https://docs.github.com/en/rest/using-the-rest-api/timezones-and-the-rest-api).
@Suite("timestamps")
struct TimestampTests {
    @Test("RFC 3339's examples: Z, a fraction, offsets; the day and quarter are as written")
    func rfcExamples() throws {
        let utc = try #require(Timestamp(iso8601: "1985-04-12T23:20:50.52Z"))
        #expect(utc.day.description == "1985-04-12")
        // 1985-04-12 is day 5580 after 1970-01-01.
        #expect(abs(utc.seconds - (5580 * 86_400 + 23 * 3600 + 20 * 60 + 50.52)) < 1e-6)
        // "1996-12-19T16:39:57-08:00" is the same moment as 1996-12-20T00:39:57Z.
        let pacific = try #require(Timestamp(iso8601: "1996-12-19T16:39:57-08:00"))
        let sameUTC = try #require(Timestamp(iso8601: "1996-12-20T00:39:57Z"))
        #expect(pacific.seconds == sameUTC.seconds)
        #expect(pacific.day.description == "1996-12-19")
        #expect(pacific.period.description == "1996-Q4")
        let paris = try #require(Timestamp(iso8601: "1937-01-01T12:00:27.87+00:20"))
        #expect(paris.day.description == "1937-01-01")
    }

    @Test("a space for T, offsets without a colon, minutes only, a date alone")
    func variants() throws {
        let a = try #require(Timestamp(iso8601: "2026-07-01 09:30:00+0200"))
        let b = try #require(Timestamp(iso8601: "2026-07-01T07:30Z"))
        #expect(a.seconds == b.seconds)
        let midnight = try #require(Timestamp(iso8601: "2026-07-01"))
        #expect(midnight.seconds(to: b) == 7.5 * 3600)
        // Without a zone, a time is read as UTC.
        #expect(Timestamp(iso8601: "2026-07-01T07:30:00")?.seconds == b.seconds)
    }

    @Test("a quarter's weeks are its days over 7")
    func weeks() {
        #expect(CalendarDayWeeks.of("2026-Q1") == 90.0 / 7)
        #expect(CalendarDayWeeks.of("2024-Q1") == 91.0 / 7)
        #expect(CalendarDayWeeks.of("2026-Q3") == 92.0 / 7)
    }

    @Test("not timestamps", arguments: ["", "2026-7-01T00:00Z", "2026-07-01T24:00Z", "2026-07-01T09:60Z",
                                        "2026-07-01T09:30:00+25:00", "2026-07-01X09:30", "2026-07-01T09:30:00Zjunk",
                                        "07/01/2026 09:30", "2026-02-30T00:00Z", "2026-07-01T09:30:00."])
    func refused(_ text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }
}

/// `CalendarDay.weeks(in:)` by a quarter's text.
enum CalendarDayWeeks {
    static func of(_ text: String) -> Double { CalendarDay.weeks(in: Period(text)!) }
}
