extension Interval {
    /// Garwood's exact interval for a Poisson count (F. Garwood, Biometrika 1936,
    /// 28:437–442): from χ²(0.025; 2k)/2 to χ²(0.975; 2k + 2)/2, which are the gamma
    /// quantiles below. It is exact in that it never covers less than 95%, and it does
    /// not collapse to nothing at a count of zero (0 to 3.69). Nil for a negative or
    /// non-finite count.
    public static func poisson(count k: Double) -> Interval? {
        guard k.isFinite, k >= 0 else { return nil }
        let tail = (1 - 0.95) / 2
        let low = k == 0 ? 0 : IncompleteGamma.inverseLower(k, tail)
        return Interval(low: low, high: IncompleteGamma.inverseLower(k + 1, 1 - tail))
    }
}
