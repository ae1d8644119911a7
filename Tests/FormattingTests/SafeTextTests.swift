import Testing
import Formatting

@Suite("One rule for characters no output may carry")
struct SafeTextTests {
    @Test("controls, bidirectional overrides and isolates, and noncharacters are unsafe; tab and line breaks are not")
    func classes() {
        for value: UInt32 in [0x00, 0x1B, 0x7F, 0x85, 0x9B, 0x202A, 0x202E, 0x2066, 0x2069, 0xFDD0, 0xFFFE, 0x1FFFF] {
            #expect(SafeText.isUnsafe(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
        for value: UInt32 in [0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x200E, 0x2029, 0x05D0, 0x1F680] {
            #expect(!SafeText.isUnsafe(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
    }

    @Test("unsafe scalars become U+FFFD, and a channel may name more")
    func replacing() {
        #expect(SafeText.replacingUnsafe("a\u{202E}b\u{1B}[31m\tc") == "a\u{FFFD}b\u{FFFD}[31m\tc")
        #expect(SafeText.replacingUnsafe("a\tb", also: { $0 == "\t" }) == "a\u{FFFD}b")
        #expect(SafeText.replacingUnsafe("plain") == "plain")
    }
}
