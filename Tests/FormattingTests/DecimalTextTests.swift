import Foundation
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

    @Test("digits, point and thousands match printf's for 20,000 seeded values below 10^12")
    func againstPrintf() {
        var generator = SeededGenerator(seed: 20261202)
        for index in 0..<20_000 {
            let magnitude = pow(10, Double.random(in: -3...12, using: &generator))
            let value = Double.random(in: 0...magnitude, using: &generator)
            let decimals = index % 4, grouping = index % 3 == 0
            // printf of the number the text stands for: `rounded` is exact in this range.
            var expected = String(format: "%.\(decimals)f", DecimalText.rounded(value, decimals: decimals))
            if grouping {
                let point = expected.firstIndex(of: ".") ?? expected.endIndex
                let integer = String(expected[..<point])
                if integer.count > 4 {
                    var grouped = ""
                    for (offset, digit) in integer.enumerated() {
                        if offset > 0, (integer.count - offset) % 3 == 0 { grouped += "," }
                        grouped.append(digit)
                    }
                    expected = grouped + expected[point...]
                }
            }
            #expect(DecimalText.fixed(value, decimals: decimals, grouping: grouping) == expected, "\(value), \(decimals)")
        }
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

/// SplitMix64, so the values are the same on every run.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
