import Testing
@testable import Formatting

@Suite("Numbers written with fixed decimals, exact at every size")
struct DecimalTextTests {
    @Test("rounding is half away from zero, as the content's decimals read")
    func halfAway() {
        #expect(DecimalText.fixed(2.25, decimals: 1) == "2.3")
        #expect(DecimalText.fixed(1.115, decimals: 2) == "1.12")
        #expect(DecimalText.fixed(0.5, decimals: 0) == "1")
        #expect(DecimalText.fixed(12345.6, decimals: 0, grouping: true) == "12,346")
        #expect(DecimalText.fixed(1234.5, decimals: 1, grouping: true) == "1234.5")
    }

    @Test("one sign rule: a real minus, and never a sign on a value written as zero")
    func signs() {
        #expect(DecimalText.signed(-2.25, decimals: 1) == "−2.3")
        #expect(DecimalText.signed(-0.04, decimals: 1) == "0.0")
        #expect(DecimalText.signed(0.04, decimals: 1, plus: true) == "0.0")
        #expect(DecimalText.signed(0.4, decimals: 1, plus: true) == "+0.4")
        #expect(DecimalText.signed(-3.5, decimals: 2, minus: "-") == "-3.50")
        #expect(DecimalText.signed(-.infinity, decimals: 1) == "–")
    }

    @Test("values up to the loader's 1e15 keep every decimal asked for", arguments: 0...6)
    func loaderLimit(decimals: Int) {
        let fraction = decimals == 0 ? "" : "." + String(repeating: "0", count: decimals)
        #expect(DecimalText.fixed(1e15, decimals: decimals, grouping: true) == "1,000,000,000,000,000" + fraction)
        #expect(DecimalText.rounded(1e15, decimals: decimals) == 1e15)
    }

    @Test("just below 1e15 the binary digits a Double holds are written, rounded")
    func belowLoaderLimit() {
        let value = 999_999_999_999_999.875
        #expect(DecimalText.fixed(value, decimals: 0) == "1000000000000000")
        #expect(DecimalText.fixed(value, decimals: 2) == "999999999999999.88")
        #expect(DecimalText.fixed(value, decimals: 6) == "999999999999999.875000")
        #expect(DecimalText.rounded(value, decimals: 6) == value)
    }

    @Test("sums past 2^63 are written digit for digit")
    func beyondInt64() {
        #expect(DecimalText.fixed(1e19, decimals: 0) == "10000000000000000000")
        #expect(DecimalText.fixed(1e21, decimals: 2, grouping: true) == "1,000,000,000,000,000,000,000.00")
        #expect(DecimalText.fixed(Double(1 << 62) * 4, decimals: 0) == "18446744073709551616")
        #expect(DecimalText.wholeDigits(1e300).count == 301)
        #expect(DecimalText.rounded(-1e19, decimals: 3) == -1e19)
    }

    @Test("the rounded number is the one the text writes, in the range a Double multiplies exactly")
    func roundedAgrees() {
        for value in [3.2349, 2.25, -2.25, 41.6, 1.115, 123_456.785, 9_007_199_254.740_992] {
            for decimals in 0...6 {
                let text = DecimalText.signed(value, decimals: decimals, minus: "-")
                #expect(Double(text) == DecimalText.rounded(value, decimals: decimals), "\(value) \(decimals)")
            }
        }
    }
}
