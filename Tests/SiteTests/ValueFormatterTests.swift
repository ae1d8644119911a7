import Analysis
import ReportModel
import Testing
@testable import Site

@Suite("Values written the way metrics declare them")
struct ValueFormatterTests {
    func metric(_ format: Metric.Format = .number, unit: String = "days", decimals: Int? = nil,
                better: Metric.Direction = .lower) -> Metric {
        Metric(id: "m", name: "M", category: .outcome, unit: unit, better: better, format: format, decimals: decimals)
    }

    @Test("numbers round half away from zero, group thousands and use a real minus")
    func numbers() {
        #expect(ValueFormatter.value(2.25, for: metric()) == "2.3 days")
        #expect(ValueFormatter.value(-2.25, for: metric()) == "−2.3 days")
        #expect(ValueFormatter.value(-0.04, for: metric()) == "0.0 days")
        #expect(ValueFormatter.value(12345.6, for: metric(.integer, unit: "tickets")) == "12,346 tickets")
        #expect(ValueFormatter.value(1, for: metric(.integer, unit: "incidents")) == "1 incident")
        #expect(ValueFormatter.value(2, for: metric(.integer, unit: "incidents")) == "2 incidents")
    }

    @Test("percent, currency and compact formats")
    func formats() {
        #expect(ValueFormatter.value(42.46, for: metric(.percent, unit: "% of deploys")) == "42.5%")
        #expect(ValueFormatter.value(38, for: metric(.currency, unit: "USD/month")) == "38 USD/month")
        #expect(ValueFormatter.value(1234, for: metric(.compact, unit: "")) == "1.2k")
        #expect(ValueFormatter.value(3_400_000, for: metric(.compact, unit: "")) == "3.4M")
    }

    @Test("changes are signed, judged in words, in points for percentages, and 'no change' when they round away")
    func changes() {
        let days = metric()
        #expect(ValueFormatter.change(Change(from: 3, to: 2.6, better: .lower), for: days).text == "−0.4 days (better)")
        #expect(ValueFormatter.change(Change(from: 3, to: 3.02, better: .lower), for: days) == ("no change", .unchanged))
        let percent = metric(.percent, unit: "%", decimals: 0, better: .higher)
        #expect(ValueFormatter.change(Change(from: 40, to: 41, better: .higher), for: percent).text == "+1 pt (better)")
        #expect(ValueFormatter.change(Change(from: 40, to: 37, better: .higher), for: percent).text == "−3 pts (worse)")
        let usage = metric(.percent, unit: "%", better: .neutral)
        #expect(ValueFormatter.change(Change(from: 40, to: 45, better: .neutral), for: usage).text == "+5.0 pts")
        let scale = metric(unit: "of 5", decimals: 2, better: .higher)
        #expect(ValueFormatter.change(Change(from: 3.5, to: 3.63, better: .higher), for: scale).text == "+0.13 (better)")
    }
}
