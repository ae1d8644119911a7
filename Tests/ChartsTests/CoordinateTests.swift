import Testing
@testable import Charts

@Suite("Coordinates in SVG")
struct CoordinateTests {
    @Test("one decimal, rounded half away from zero, no trailing .0, no −0, never nan", arguments: [
        (0.0, "0"), (0.04, "0"), (-0.04, "0"), (0.05, "0.1"), (-0.05, "-0.1"), (12.25, "12.3"), (-12.25, "-12.3"),
        (100, "100"), (99.96, "100"), (-7.5, "-7.5"), (1e15, "1000000000000000"), (3.14159, "3.1"),
        (.nan, "0"), (.infinity, "0"), (-.infinity, "0"),
    ] as [(Double, String)])
    func text(value: Double, expected: String) {
        #expect(Coordinate.text(value) == expected)
    }
}
