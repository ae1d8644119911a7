extension Interval {
    /// Wilson's score interval for a share `p` (a fraction, 0…1) of `n` people
    /// (E. B. Wilson, JASA 1927, 22:209–212). Unlike p ± 1.96·√(p(1−p)/n), it never
    /// leaves 0…1 and is not zero-width at 0% or 100%, which matters for small teams.
    /// Nil for n < 1 or p outside 0…1.
    public static func wilson(share p: Double, n: Int) -> Interval? {
        guard n >= 1, p.isFinite, (0...1).contains(p) else { return nil }
        let n = Double(n), z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return Interval(low: max(0, centre - half), high: min(1, centre + half))
    }

    /// Newcombe's hybrid score interval (his method 10) for the difference of two
    /// independent shares, `p₂ − p₁` (R. G. Newcombe, Statistics in Medicine 1998,
    /// 17:873–890). It combines the two Wilson intervals, so it too stays sensible
    /// near 0% and 100% and for small n. Shares are fractions, 0…1.
    public static func newcombe(from p1: Double, n n1: Int, to p2: Double, n n2: Int) -> Interval? {
        guard let first = wilson(share: p1, n: n1), let second = wilson(share: p2, n: n2) else { return nil }
        let d = p2 - p1
        // The lower end takes the downward room of the second share and the upward room
        // of the first, and the upper end the reverse.
        let below = ((p2 - second.low) * (p2 - second.low) + (first.high - p1) * (first.high - p1)).squareRoot()
        let above = ((second.high - p2) * (second.high - p2) + (p1 - first.low) * (p1 - first.low)).squareRoot()
        return Interval(low: d - below, high: d + above)
    }
}
