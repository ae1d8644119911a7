/// Writes coordinates with one decimal, the same on every machine, and never `nan`
/// or `inf`: a non-finite number is written as 0 (callers keep marks finite anyway).
enum Coordinate {
    /// The digits are written right to left into a buffer on the stack and become a
    /// small string, which needs no allocation: every chart writes hundreds of these, and
    /// joining `String(whole)`, "." and `String(fraction)` cost several times as much.
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
        let capacity = 24  // a sign, 19 digits, a point and a tenth
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var start = capacity
            func put(_ byte: UInt8) {
                start -= 1
                buffer[start] = byte
            }
            var magnitude = tenths.magnitude
            let fraction = magnitude % 10
            magnitude /= 10
            if fraction != 0 {
                put(UInt8(ascii: "0") + UInt8(fraction))
                put(UInt8(ascii: "."))
            }
            repeat {
                put(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
            } while magnitude > 0
            if tenths < 0 { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<capacity]), as: UTF8.self)
        }
    }
}
