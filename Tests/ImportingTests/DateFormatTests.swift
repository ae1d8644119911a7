import ContentLoading
import Importing
import ReportModel
import Testing

/// strftime-style date formats as event exports write them. Jira Cloud's defaults are
/// `dd/MMM/yy h:mm a` (Java) and `%e/%b/%y %I:%M %p` (JavaScript), as the Jira Cloud REST
/// API's "Set application property" lists them for `jira.lf.date.complete` and
/// `jira.date.time.picker.javascript.format`:
/// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-jira-settings/
@Suite("date formats")
struct DateFormatTests {
    func format(_ text: String) throws -> DateFormat {
        try DateFormat.parse(text).get()
    }

    /// Seconds since 1970 for a moment written in ISO 8601, to compare with.
    func iso(_ text: String) throws -> Double {
        try #require(Timestamp(iso8601: text)).seconds
    }

    @Test("Jira's default: two-digit day and year, English month, 12-hour clock; 12 AM is midnight, 12 PM noon")
    func jira() throws {
        let jira = try format("%d/%b/%y %I:%M %p")
        let cases = [
            ("01/Jul/26 9:30 AM", "2026-07-01T09:30Z"),
            ("1/Jul/26 9:30 pm", "2026-07-01T21:30Z"),
            ("04/Aug/26 12:00 AM", "2026-08-04T00:00Z"),
            ("03/Aug/26 12:00 PM", "2026-08-03T12:00Z"),
            ("31/Dec/26 11:59 PM", "2026-12-31T23:59Z"),
            ("15/JUL/26 9:30 AM", "2026-07-15T09:30Z"),
        ]
        for (written, expected) in cases {
            let moment = try #require(Timestamp(written, format: jira), "\(written)")
            #expect(moment.seconds == (try iso(expected)), "\(written)")
        }
        #expect(Timestamp("01/Jul/26 9:30 AM", format: jira)?.period.description == "2026-Q3")
        // Jira's JavaScript form pads the day with a space, which a trimmed cell loses.
        let padded = try format("%e/%b/%y %I:%M %p")
        #expect(Timestamp(" 1/Jul/26 9:30 AM", format: padded)?.seconds == (try iso("2026-07-01T09:30Z")))
    }

    @Test("24-hour clocks, full month names, seconds, four-digit years and offsets")
    func others() throws {
        #expect(Timestamp("2026-07-01 17:05:09", format: try format("%Y-%m-%d %H:%M:%S"))?.seconds
            == (try iso("2026-07-01T17:05:09Z")))
        #expect(Timestamp("31.12.2026 23:59", format: try format("%d.%m.%Y %H:%M"))?.seconds == (try iso("2026-12-31T23:59Z")))
        #expect(Timestamp("September 3, 2026", format: try format("%B %d, %Y"))?.seconds == (try iso("2026-09-03")))
        #expect(Timestamp("Sep  3, 2026", format: try format("%b %d, %Y"))?.seconds == (try iso("2026-09-03")),
                "a space in the format matches a run of them")
        // The offset moves the moment, not the day as written.
        let offset = try #require(Timestamp("2026-07-01 01:30 +0200", format: try format("%Y-%m-%d %H:%M %z")))
        #expect(offset.seconds == (try iso("2026-06-30T23:30Z")))
        #expect(offset.day.description == "2026-07-01")
        #expect(Timestamp("2026-07-01 01:30 -03:30", format: try format("%Y-%m-%d %H:%M %z"))?.seconds
            == (try iso("2026-07-01T05:00Z")))
        #expect(Timestamp("07/01/2026", format: try format("%m/%d/%Y"))?.day.description == "2026-07-01")
        #expect(Timestamp("100%", format: try format("%Y%m%d%%"))?.day == nil, "%% reads a percent sign; the digits run short")
        #expect(Timestamp("20260701%", format: try format("%Y%m%d%%"))?.day.description == "2026-07-01")
    }

    @Test("text that does not follow the format, or names no real moment, is refused",
          arguments: ["31/Sep/26 9:30 AM", "01/Jul/26 13:30 PM", "01/Jul/26 9:30", "01/Okt/26 9:30 AM",
                      "01/Jul/26 9:30 AMX", "2026-07-01", "01/Jul/2026 9:30 AM", "01/Jul/26 9:60 AM", "", "00/Jul/26 9:30 AM",
                      "29/Feb/26 9:30 AM"])
    func refused(_ text: String) throws {
        #expect(Timestamp(text, format: try format("%d/%b/%y %I:%M %p")) == nil)
    }

    @Test("iso8601, the default, reads what Timestamp(iso8601:) reads")
    func isoDefault() throws {
        #expect(try format("") == .iso8601)
        #expect(try format("iso8601") == .iso8601)
        #expect(Timestamp("2026-07-01T09:30:00+02:00", format: .iso8601)?.seconds == (try iso("2026-07-01T07:30Z")))
    }

    @Test("a format Discern cannot read says why, naming the directive",
          arguments: [("%d/%q/%Y", "'format' has '%q', which Discern does not read; it reads %Y %y %m %b %B %d %e %H %I %M %S %p %z %%, or iso8601"),
                      ("%d/%m %H:%M", "'format' must have a year (%Y or %y), a month (%m or %b) and a day (%d), or be iso8601"),
                      ("%d/%b/%y %I:%M", "'format' must use %I (a 12-hour clock) and %p (AM or PM) together; use %H for a 24-hour clock"),
                      ("%Y-%m-%d %Y", "'format' gives the year twice ('%Y')"),
                      ("%Y-%m-%d %", "'format' ends with a lone '%'; write '%%' for a percent sign"),
                      ("%Y-%m-%d %M", "'format' has minutes or seconds but no hour (%H or %I)")])
    func problems(_ text: String, _ message: String) {
        #expect(DateFormat.parse(text) == .failure(DateFormat.Problem(message: message)))
    }
}
