/// What a reader of the published tables can write down about the numbers behind them:
/// each cell, hidden or shown, is a variable with the bounds the reader knows (a count is
/// at least 0; a shown value is fixed), and each published total, difference or mean is a
/// row, `lower ≤ Σ coefficient × variable ≤ upper` (an equality when both are the same).
///
/// `feasibleIntervals(of:)` then says how far the reader can narrow each variable: its
/// least and greatest value over every assignment that agrees with all they know.
/// `components()` splits the system where no row links its parts, so each part can be
/// solved alone.
public struct LinearSystem: Sendable {
    struct Bounds: Sendable, Equatable {
        var lower: Double
        var upper: Double
    }

    struct Term: Sendable, Equatable {
        var variable: Int
        var coefficient: Double
    }

    struct Row: Sendable, Equatable {
        /// One term a variable, in the order the variables first appeared.
        var terms: [Term]
        var lower: Double
        var upper: Double
    }

    var variables: [Bounds] = []
    var rows: [Row] = []

    public init() {}

    /// How many variables the system has: the index the next `addVariable` returns.
    public var variableCount: Int { variables.count }

    /// Adds a variable the reader knows lies in `lower...upper` (either may be infinite)
    /// and returns its index.
    public mutating func addVariable(lower: Double, upper: Double) -> Int {
        precondition(!lower.isNaN && !upper.isNaN, "a bound is a number or ±infinity")
        variables.append(Bounds(lower: lower, upper: upper))
        return variables.count - 1
    }

    /// Adds what the reader knows of one weighted sum: `lower ≤ Σ coefficient × x ≤ upper`.
    /// A variable named twice counts once, with its coefficients added.
    public mutating func addRow(_ terms: [(variable: Int, coefficient: Double)], lower: Double, upper: Double) {
        precondition(!terms.isEmpty, "a row with no terms says nothing about the variables")
        precondition(!lower.isNaN && !upper.isNaN, "a bound is a number or ±infinity")
        var merged: [Term] = []
        var position: [Int: Int] = [:]
        for term in terms {
            precondition(variables.indices.contains(term.variable), "variable \(term.variable) was never added")
            precondition(term.coefficient.isFinite, "a coefficient is a finite number")
            if let index = position[term.variable] {
                merged[index].coefficient += term.coefficient
            } else {
                position[term.variable] = merged.count
                merged.append(Term(variable: term.variable, coefficient: term.coefficient))
            }
        }
        rows.append(Row(terms: merged, lower: lower, upper: upper))
    }

    /// Adds a weighted sum the reader knows exactly: `Σ coefficient × x = value`.
    public mutating func addRow(_ terms: [(variable: Int, coefficient: Double)], equals value: Double) {
        addRow(terms, lower: value, upper: value)
    }
}
