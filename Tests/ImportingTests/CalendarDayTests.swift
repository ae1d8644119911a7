import Formatting
import Testing
@testable import Importing

@Suite("Dates in the usage feeds")
struct CalendarDayTests {
    @Test("ISO dates, GitHub timestamps and Viva's M/D/YYYY all read, and fall in their quarter")
    func forms() {
        #expect(CalendarDay("2025-09-30")?.description == "2025-09-30")
        #expect(CalendarDay("2025-10-01T00:00:00Z")?.period.description == "2025-Q4")
        #expect(CalendarDay("9/28/2025")?.description == "2025-09-28")
        #expect(CalendarDay("12/31/2025")?.period.description == "2025-Q4")
        #expect(CalendarDay("1/1/2026")?.period.description == "2026-Q1")
        #expect(CalendarDay("2024-02-29") != nil, "a leap day")
    }

    @Test("impossible or ambiguous dates are refused")
    func refused() {
        for text in ["2025-13-01", "2025-02-29", "2025-9-30", "31/12/2025", "2025/09/30", "", "yesterday", "2025-09-3x",
                     "1899-12-31", "13/1/2025"] {
            #expect(CalendarDay(text) == nil, "\(text)")
        }
    }

    @Test("ordinals count days, across months, years and leap days")
    func ordinals() {
        #expect(CalendarDay("1970-01-01")!.ordinal == 0)
        #expect(CalendarDay("2025-10-01")!.ordinal - CalendarDay("2025-09-30")!.ordinal == 1)
        #expect(CalendarDay("2025-01-01")!.ordinal - CalendarDay("2024-01-01")!.ordinal == 366)
        #expect(CalendarDay("2025-10-31")!.ordinal - CalendarDay("2025-08-03")!.ordinal == 89)
        let q3 = CalendarDay.ordinals(of: CalendarDay("2025-08-01")!.period)
        #expect(q3.count == 92)
        #expect(q3.lowerBound == CalendarDay("2025-07-01")!.ordinal)
    }
}

@Suite("Numbers in the imported CSV")
struct DecimalTextTests {
    @Test("four decimals at most, trailing zeros trimmed, no exponent, no negative zero")
    func format() {
        #expect(CSVNumber.format(32.727272727) == "32.7273")
        #expect(CSVNumber.format(7.5) == "7.5")
        #expect(CSVNumber.format(8) == "8")
        #expect(CSVNumber.format(0.00001) == "0")
        #expect(CSVNumber.format(-0.00001) == "0")
        #expect(CSVNumber.format(-2.25) == "-2.25")
        #expect(CSVNumber.format(0.0625) == "0.0625")
        #expect(CSVNumber.format(1234567.00005) == "1234567.0001")
        #expect(CSVNumber.format(1e15) == "1000000000000000")
    }
}
