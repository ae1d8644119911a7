import Formatting
import Analysis
import Foundation
import ReportModel
import TestSupport
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

    @Test("the displayed value is the number the text shows, in every format")
    func displayedValues() {
        #expect(ValueFormatter.displayed(3.2349, for: metric()) == 3.2)
        #expect(ValueFormatter.displayed(2.25, for: metric()) == 2.3)
        #expect(ValueFormatter.displayed(-2.25, for: metric()) == -2.3)
        #expect(ValueFormatter.displayed(-0.04, for: metric()).sign == .plus, "−0.0 is never shown, nor drawn")
        #expect(ValueFormatter.displayed(41.6, for: metric(.percent, unit: "%", decimals: 0)) == 42)
        #expect(ValueFormatter.displayed(1234, for: metric(.compact, unit: "")) == 1200)
        #expect(ValueFormatter.displayed(999_950, for: metric(.compact, unit: "")) == 1_000_000)
        #expect(ValueFormatter.displayed(37.5, for: metric(.currency, unit: "USD")) == 38)
    }

    @Test("a chart fed the displayed value and a label written from the value cannot disagree")
    func displayedAgreesWithText() {
        var random = SplitMix64(seed: 14)
        let metrics = Metric.Format.allCases.flatMap { format in
            [nil, 0, 1, 2, 3].map { metric(format, unit: format == .percent ? "%" : "days", decimals: $0) }
        }
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            let magnitude = pow(10, Double.random(in: -3...10, using: &random))
            let value = (Bool.random(using: &random) ? -1 : 1) * magnitude
            for metric in metrics {
                let text = ValueFormatter.number(value, for: metric)
                let shown = ValueFormatter.displayed(value, for: metric)
                // Read back as a reader would: the digits, times the compact suffix.
                let digits = text.filter { $0.isNumber || $0 == "." }
                let scale: Double = text.hasSuffix("k") ? 1e3 : text.hasSuffix("M") ? 1e6 : text.hasSuffix("B") ? 1e9 : 1
                let read = (text.hasPrefix("−") ? -1.0 : 1.0) * Double(digits)! * scale
                if ValueFormatter.number(shown, for: metric) != text || abs(read - shown) > 1e-9 * Swift.max(1.0, abs(shown)) {
                    disagreements.append("\(value) as \(metric.format), \(metric.shownDecimals) decimals: shows \(text), drawn at \(shown)")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count): \(disagreements.prefix(3))")
    }

    /// 9,876,543,210,123.5 is a Double exactly, within the ±1e15 the loader accepts.
    static let large: [(decimals: Int, text: String, shown: Double)] = [
        (0, "9,876,543,210,124 days", 9_876_543_210_124),
        (1, "9,876,543,210,123.5 days", 9_876_543_210_123.5),
        (2, "9,876,543,210,123.50 days", 9_876_543_210_123.5),
        (3, "9,876,543,210,123.500 days", 9_876_543_210_123.5),
        (4, "9,876,543,210,123.5000 days", 9_876_543_210_123.5),
        (5, "9,876,543,210,123.50000 days", 9_876_543_210_123.5),
        (6, "9,876,543,210,123.500000 days", 9_876_543_210_123.5),
    ]

    @Test("a value of ten trillion is written as itself with any number of decimals", arguments: large)
    func largeValues(decimals: Int, text: String, shown: Double) {
        let metric = metric(decimals: decimals)
        #expect(ValueFormatter.value(9_876_543_210_123.5, for: metric) == text)
        #expect(ValueFormatter.value(-9_876_543_210_123.5, for: metric) == "−" + text)
        #expect(ValueFormatter.displayed(9_876_543_210_123.5, for: metric) == shown)
    }
}
