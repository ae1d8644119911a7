import Testing
import TestSupport
@testable import LinearProgram

/// `a` and `b` agree to `LinearSystem.relativeTolerance`, infinities exactly.
func close(_ a: Double, _ b: Double) -> Bool {
    if a.isInfinite || b.isInfinite { return a == b }
    return abs(a - b) <= LinearSystem.relativeTolerance * max(1, abs(a), abs(b))
}

func close(_ a: ClosedRange<Double>, _ b: ClosedRange<Double>) -> Bool {
    close(a.lowerBound, b.lowerBound) && close(a.upperBound, b.upperBound)
}

@Suite("Feasibility intervals through Clp")
struct FeasibleIntervalTests {
    @Test("x + y = 10 with 0 ≤ y ≤ 7 leaves x in [3, 10]")
    func twoVariables() throws {
        var system = LinearSystem()
        let x = system.addVariable(lower: -.infinity, upper: .infinity)
        let y = system.addVariable(lower: 0, upper: 7)
        system.addRow([(x, 1), (y, 1)], equals: 10)
        let intervals = try system.feasibleIntervals(of: [x, y])
        #expect(close(intervals[0], 3...10))
        #expect(close(intervals[1], 0...7))
    }

    @Test("a parent of three children, two hidden: each hidden child is in [0, parent − shown]")
    func hierarchy() throws {
        var system = LinearSystem()
        let parent = system.addVariable(lower: 100, upper: 100)
        let shown = system.addVariable(lower: 30, upper: 30)
        let hidden = [system.addVariable(lower: 0, upper: .infinity), system.addVariable(lower: 0, upper: .infinity)]
        system.addRow([(shown, 1), (hidden[0], 1), (hidden[1], 1), (parent, -1)], equals: 0)
        let intervals = try system.feasibleIntervals(of: hidden + [parent, shown])
        #expect(close(intervals[0], 0...70))
        #expect(close(intervals[1], 0...70))
        #expect(intervals[2] == 100...100)
        #expect(intervals[3] == 30...30)
    }

    @Test("four cells hidden in a rectangle of a table with its margins shown move together")
    func rectangle() throws {
        // a b | 10
        // c d |  8
        // 7 11
        var system = LinearSystem()
        let cells = (0..<4).map { _ in system.addVariable(lower: 0, upper: .infinity) }
        system.addRow([(cells[0], 1), (cells[1], 1)], equals: 10)
        system.addRow([(cells[2], 1), (cells[3], 1)], equals: 8)
        system.addRow([(cells[0], 1), (cells[2], 1)], equals: 7)
        system.addRow([(cells[1], 1), (cells[3], 1)], equals: 11)
        let intervals = try system.feasibleIntervals(of: cells)
        for (interval, expected) in zip(intervals, [0...7, 3...10, 0...7, 1...8] as [ClosedRange<Double>]) {
            #expect(close(interval, expected), "\(interval) is not \(expected)")
        }
    }

    @Test("a published mean of two groups (headcounts 4 and 6, mean 5) bounds both means")
    func weightedMean() throws {
        var system = LinearSystem()
        let a = system.addVariable(lower: 0, upper: 10)
        let b = system.addVariable(lower: 0, upper: 7)
        system.addRow([(a, 4), (b, 6)], equals: 50)
        let intervals = try system.feasibleIntervals(of: [a, b])
        // 4a = 50 − 6b ≥ 8, so a ≥ 2; 6b = 50 − 4a, so b ∈ [10/6, 50/6], capped at 7.
        #expect(close(intervals[0], 2...10))
        #expect(close(intervals[1], 10.0 / 6...7))
    }

    @Test("a side nothing bounds is infinite")
    func unbounded() throws {
        var system = LinearSystem()
        let x = system.addVariable(lower: 0, upper: .infinity)
        let y = system.addVariable(lower: -.infinity, upper: .infinity)
        let free = system.addVariable(lower: -.infinity, upper: .infinity)
        let z = system.addVariable(lower: -.infinity, upper: 4)
        system.addRow([(x, 1), (y, -1)], equals: 0)
        system.addRow([(z, 1), (y, 1)], lower: -.infinity, upper: 10)
        let intervals = try system.feasibleIntervals(of: [y, free, z, x])
        #expect(intervals[0] == 0...(.infinity))
        #expect(intervals[1] == -.infinity...(.infinity))
        #expect(intervals[2] == -.infinity...4)
        #expect(intervals[3] == 0...(.infinity))
    }

    @Test("a system with no solution is reported, not answered")
    func infeasible() throws {
        var system = LinearSystem()
        let x = system.addVariable(lower: 0, upper: 4)
        let y = system.addVariable(lower: 0, upper: 4)
        system.addRow([(x, 1), (y, 1)], equals: 10)
        #expect(throws: LinearSystem.Failure.infeasible) { try system.feasibleIntervals(of: [x]) }

        var empty = LinearSystem()
        let z = empty.addVariable(lower: 1, upper: 0)
        #expect(throws: LinearSystem.Failure.infeasible) { try empty.feasibleIntervals(of: [z]) }
    }

    @Test("a variable named twice in a row counts once, with its coefficients added")
    func repeatedTerm() throws {
        var system = LinearSystem()
        let x = system.addVariable(lower: 0, upper: 100)
        let y = system.addVariable(lower: 0, upper: 4)
        system.addRow([(x, 1), (y, 1), (x, 1)], equals: 10)
        #expect(system.rows[0].terms == [.init(variable: x, coefficient: 2), .init(variable: y, coefficient: 1)])
        #expect(close(try system.feasibleIntervals(of: [x])[0], 3...5))
    }

    @Test("one equality over boxes matches its closed form, 200 seeded cases")
    func oneEqualityProperty() throws {
        var random = SplitMix64(seed: 0x0D15_C105)
        for _ in 0..<200 {
            let count = Int.random(in: 2...7, using: &random)
            let scale = [1.0, 0.01, 1000, 1e6].randomElement(using: &random)!
            let low = (0..<count).map { _ in Double(Int.random(in: -20...50, using: &random)) * scale }
            let high = low.map { $0 + Double(Int.random(in: 0...60, using: &random)) * scale }
            let weight = (0..<count).map { _ in Double(Int.random(in: 1...9, using: &random)) }
            let least = zip(weight, low).reduce(0) { $0 + $1.0 * $1.1 }
            let most = zip(weight, high).reduce(0) { $0 + $1.0 * $1.1 }
            let total = Double.random(in: least...most, using: &random)

            var system = LinearSystem()
            let variables = (0..<count).map { system.addVariable(lower: low[$0], upper: high[$0]) }
            system.addRow(variables.map { ($0, weight[$0]) }, equals: total)
            let intervals = try system.feasibleIntervals(of: variables)

            for k in 0..<count {
                // w_k x_k = total − Σ_{i≠k} w_i x_i, each x_i anywhere in its box.
                let othersLeast = least - weight[k] * low[k]
                let othersMost = most - weight[k] * high[k]
                let expected = max(low[k], (total - othersMost) / weight[k])...min(high[k], (total - othersLeast) / weight[k])
                #expect(close(intervals[k], expected), "x\(k) of \(count): \(intervals[k]), expected \(expected)")
            }
        }
    }

    @Test("models are freed: a thousand solves in a loop (the leak check runs this suite)")
    func manyModels() throws {
        var system = LinearSystem()
        let cells = (0..<6).map { _ in system.addVariable(lower: 0, upper: .infinity) }
        system.addRow(cells.map { ($0, 1) }, equals: 60)
        system.addRow([(cells[0], 1), (cells[1], 1)], equals: 25)
        for _ in 0..<1_000 {
            #expect(close(try system.feasibleIntervals(of: [cells[0]])[0], 0...25))
        }
        var broken = system
        broken.addRow([(cells[0], 1)], equals: 30)
        for _ in 0..<100 {
            #expect(throws: LinearSystem.Failure.infeasible) { try broken.feasibleIntervals(of: cells) }
        }
    }

    @Test("a corner satisfies every row and is as far as the objective can go")
    func corner() throws {
        var system = LinearSystem()
        let x = system.addVariable(lower: 0, upper: 8)
        let y = system.addVariable(lower: 0, upper: 8)
        let z = system.addVariable(lower: 0, upper: 100)
        system.addRow([(x, 1), (y, 1)], equals: 10)
        system.addRow([(y, 2), (z, -1)], lower: -1, upper: 1)
        let towardsX = try system.corner(maximising: [(x, 1)])
        #expect(abs(towardsX[x] - 8) < 1e-9 && abs(towardsX[y] - 2) < 1e-9)
        #expect(abs(2 * towardsX[y] - towardsX[z]) <= 1 + 1e-9)
        let towardsZ = try system.corner(maximising: [(z, 1)])
        #expect(abs(towardsZ[z] - 17) < 1e-9 && abs(towardsZ[y] - 8) < 1e-9)
        var open = LinearSystem()
        let w = open.addVariable(lower: 0, upper: .infinity)
        open.addRow([(w, 1)], lower: 1, upper: .infinity)
        #expect(throws: LinearSystem.Failure.solverStopped(status: 2)) { try open.corner(maximising: [(w, 1)]) }
    }
}
