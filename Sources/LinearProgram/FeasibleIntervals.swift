import CClp
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension LinearSystem {
    /// Why a system has no intervals.
    public enum Failure: Error, Equatable {
        /// No assignment satisfies every bound and row. Published numbers always have one
        /// (the true values), so this means the system was written down wrong.
        case infeasible
        /// Clp stopped without an answer (its `status`: 3 on an iteration limit, 4 on
        /// numerical trouble).
        case solverStopped(status: Int)
    }

    /// How far an interval's ends may sit from the exact ones, relative to their size
    /// (and absolute below 1): the float noise of a simplex solution, such as
    /// 19409.999999999985 for 19410. Ends are not rounded; a caller that knows its values
    /// are whole numbers rounds inward past this margin, e.g. `ceil(lower - margin)`.
    public static let relativeTolerance = 1e-9

    /// The least and greatest value each of `targets` takes over every assignment that
    /// satisfies the system, in the order asked; an unbounded side is ±infinity. An end
    /// never lies outside its variable's own bounds.
    ///
    /// Builds one Clp model, finds a feasible point once, then minimises and maximises each
    /// target in turn, each solve starting from the last one's basis (primal simplex):
    /// about 0.65 ms a solve on 2,000 variables and 900 rows, where a new model per solve
    /// costs 25 times that.
    ///
    /// Calls from several threads take turns: every Clp solve sets its own Ctrl-C handler
    /// and puts the one before back after, so two at once can leave Clp's in place for
    /// good, and `discern serve` would ignore Ctrl-C from then on. One at a time, and the
    /// process's handler put back explicitly, the command's own stays. (A Ctrl-C within
    /// a solve, a millisecond or so, goes to Clp's handler and is lost.)
    public func feasibleIntervals(of targets: [Int]) throws(Failure) -> [ClosedRange<Double>] {
        for target in targets {
            precondition(variables.indices.contains(target), "variable \(target) was never added")
        }
        return try ClpTurn.take { () throws(Failure) in
            var model = ClpModel(self)
            try model.findFeasiblePoint()
            return try targets.map { target throws(Failure) in
                let bounds = variables[target]
                let least = try model.optimum(of: target, direction: .minimise)
                let greatest = try model.optimum(of: target, direction: .maximise)
                // The solver's noise must not carry an end past the variable's own bounds,
                // nor the two ends past each other when the variable is pinned.
                let lower = min(max(least, bounds.lower), bounds.upper)
                let upper = max(min(greatest, bounds.upper), lower)
                return lower...upper
            }
        }
    }

    /// An assignment of every variable that satisfies the system and makes
    /// `Σ coefficient × variable` as large as it can be: a corner of what the reader
    /// knows, far from the true values where the system allows. Throws `.infeasible` as
    /// `feasibleIntervals` does; a side left unbounded gives no corner, and throws
    /// `.solverStopped(status: 2)`.
    public func corner(maximising objective: [(variable: Int, coefficient: Double)]) throws(Failure) -> [Double] {
        var weights = Array(repeating: 0.0, count: variables.count)
        for term in objective {
            precondition(variables.indices.contains(term.variable), "variable \(term.variable) was never added")
            weights[term.variable] += term.coefficient
        }
        return try ClpTurn.take { () throws(Failure) in
            var model = ClpModel(self)
            try model.findFeasiblePoint()
            return try model.solution(maximising: weights)
        }
    }
}

/// Clp is used by one thread at a time (see `feasibleIntervals`).
private enum ClpTurn {
    static let lock = NSLock()

    /// Runs `body` alone, with the process's Ctrl-C handler put back after it.
    static func take<T>(_ body: () throws(LinearSystem.Failure) -> T) throws(LinearSystem.Failure) -> T {
        lock.lock()
        var interrupt = sigaction()
        sigaction(SIGINT, nil, &interrupt)
        defer {
            sigaction(SIGINT, &interrupt, nil)
            lock.unlock()
        }
        return try body()
    }
}

/// One Clp model of a `LinearSystem`, deleted when the value goes away.
///
/// `~Copyable` so that exactly one value owns the model: it cannot be deleted twice, nor
/// used after it was deleted.
struct ClpModel: ~Copyable {
    enum Direction: Double {
        case minimise = 1
        case maximise = -1
    }

    private let model: UnsafeMutableRawPointer
    private let columnCount: Int
    /// The objective handed to Clp: all zeros, with a 1 at the variable being solved for.
    private var objective: [Double]

    /// Loads the system, column by column as Clp stores it; Clp copies every array.
    init(_ system: LinearSystem) {
        model = Clp_newModel()
        // Clp writes its progress to standard output unless told not to.
        Clp_setLogLevel(model, 0)
        columnCount = system.variables.count
        objective = Array(repeating: 0, count: columnCount)

        var starts = Array(repeating: CoinBigIndex(0), count: columnCount + 1)
        for row in system.rows {
            for term in row.terms { starts[term.variable + 1] += 1 }
        }
        for column in 0..<columnCount { starts[column + 1] += starts[column] }
        var next = starts
        let elementCount = Int(starts[columnCount])
        var rowIndices = Array(repeating: Int32(0), count: elementCount)
        var coefficients = Array(repeating: 0.0, count: elementCount)
        for (rowIndex, row) in system.rows.enumerated() {
            for term in row.terms {
                let slot = Int(next[term.variable])
                rowIndices[slot] = Int32(rowIndex)
                coefficients[slot] = term.coefficient
                next[term.variable] += 1
            }
        }
        Clp_loadProblem(
            model, Int32(columnCount), Int32(system.rows.count),
            starts, rowIndices, coefficients,
            system.variables.map { Self.clpBound($0.lower) }, system.variables.map { Self.clpBound($0.upper) },
            objective,
            system.rows.map { Self.clpBound($0.lower) }, system.rows.map { Self.clpBound($0.upper) }
        )
    }

    deinit {
        Clp_deleteModel(model)
    }

    /// Clp's infinity is `COIN_DBL_MAX`, the largest finite double.
    private static func clpBound(_ value: Double) -> Double {
        value.isInfinite ? (value < 0 ? -.greatestFiniteMagnitude : .greatestFiniteMagnitude) : value
    }

    /// Solves with the zero objective, which finds a point satisfying every constraint
    /// (and a basis the later solves start from), or proves there is none.
    mutating func findFeasiblePoint() throws(LinearSystem.Failure) {
        Clp_initialSolve(model)
        switch Clp_status(model) {
        case 0: return
        case 1: throw .infeasible
        case let status: throw .solverStopped(status: Int(status))
        }
    }

    /// Every variable's value where `weights · x` is greatest.
    mutating func solution(maximising weights: [Double]) throws(LinearSystem.Failure) -> [Double] {
        Clp_chgObjCoefficients(model, weights)
        Clp_setObjSense(model, Direction.maximise.rawValue)
        Clp_primal(model, 0)
        switch Clp_status(model) {
        case 0: return Array(UnsafeBufferPointer(start: Clp_getColSolution(model), count: columnCount))
        case 1: throw .infeasible
        case let status: throw .solverStopped(status: Int(status))
        }
    }

    /// The least or greatest value of one variable over the feasible set; ±infinity when
    /// the set is unbounded that way.
    mutating func optimum(of column: Int, direction: Direction) throws(LinearSystem.Failure) -> Double {
        objective[column] = 1
        defer { objective[column] = 0 }
        Clp_chgObjCoefficients(model, objective)
        Clp_setObjSense(model, direction.rawValue)
        Clp_primal(model, 0)
        switch Clp_status(model) {
        case 0:
            // The pointer belongs to the model and changes with the next solve: read now.
            return Clp_getColSolution(model)[column]
        case 1: throw .infeasible
        case 2: return direction == .minimise ? -.infinity : .infinity
        case let status: throw .solverStopped(status: Int(status))
        }
    }
}
