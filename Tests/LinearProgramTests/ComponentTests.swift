import Testing
import TestSupport
@testable import LinearProgram

@Suite("A linear system cut into the parts no row links")
struct ComponentTests {
    /// Blocks of tables whose variables are interleaved across blocks, with rows that sum
    /// true values (so the system is feasible) and some bounds that are not the sign.
    static func randomSystem(using random: inout SplitMix64) -> LinearSystem {
        var system = LinearSystem()
        let blocks = Int.random(in: 1...5, using: &random)
        let count = Int.random(in: blocks...(blocks * 6), using: &random)
        var truth: [Double] = []
        for _ in 0..<count {
            let value = Double(Int.random(in: 0...40, using: &random))
            truth.append(value)
            let bounded = Bool.random(using: &random)
            _ = system.addVariable(lower: bounded ? value - 5 : 0, upper: bounded ? value + 3 : .infinity)
        }
        let blockOf = (0..<count).map { $0 % blocks }
        for _ in 0..<Int.random(in: 0...(count + 2), using: &random) {
            let block = Int.random(in: 0..<blocks, using: &random)
            let members = (0..<count).filter { blockOf[$0] == block && Bool.random(using: &random) }
            guard !members.isEmpty else { continue }
            let terms = members.map { (variable: $0, coefficient: Double(Int.random(in: 1...4, using: &random))) }
            system.addRow(terms, equals: terms.reduce(0) { $0 + $1.coefficient * truth[$1.variable] })
        }
        return system
    }

    /// How many parts the rows leave, by a breadth-first walk (independent of `components()`).
    static func partCount(of system: LinearSystem) -> Int {
        var neighbours = Array(repeating: [Int](), count: system.variables.count)
        for row in system.rows {
            for a in row.terms { for b in row.terms { neighbours[a.variable].append(b.variable) } }
        }
        var seen = Array(repeating: false, count: system.variables.count)
        var parts = 0
        for start in seen.indices where !seen[start] {
            parts += 1
            var queue = [start]
            seen[start] = true
            while let node = queue.popLast() {
                for next in neighbours[node] where !seen[next] {
                    seen[next] = true
                    queue.append(next)
                }
            }
        }
        return parts
    }

    @Test("two tables sharing no cell are two parts, a variable in no row a part of its own")
    func small() {
        var system = LinearSystem()
        let a = (0..<3).map { _ in system.addVariable(lower: 0, upper: .infinity) }
        let lone = system.addVariable(lower: 0, upper: 1)
        let b = (0..<2).map { _ in system.addVariable(lower: 0, upper: .infinity) }
        system.addRow([(b[0], 1), (b[1], 1)], equals: 5)
        system.addRow([(a[0], 1), (a[2], 2)], equals: 4)
        system.addRow([(a[1], 1), (a[2], -1)], lower: 0, upper: 3)
        let parts = system.components()
        #expect(parts.map(\.variables) == [a, [lone], b])
        #expect(parts.map(\.system.rows.count) == [2, 0, 1])
        #expect(parts[0].system.rows[0].terms == [.init(variable: 0, coefficient: 1), .init(variable: 2, coefficient: 2)])
        #expect(parts[1].system.variables == [.init(lower: 0, upper: 1)])
    }

    @Test("on 100 seeded systems: a partition into connected parts, with the whole system's intervals")
    func property() async throws {
        var random = SplitMix64(seed: 0xC0_4D0_4E47)
        for _ in 0..<100 {
            let system = Self.randomSystem(using: &random)
            let parts = system.components()
            #expect(parts.count == Self.partCount(of: system))
            #expect(parts.flatMap(\.variables).sorted() == Array(system.variables.indices))
            #expect(parts.allSatisfy { $0.variables == $0.variables.sorted() })
            #expect(parts.map(\.system.rows.count).reduce(0, +) == system.rows.count)

            let whole = try system.feasibleIntervals(of: Array(system.variables.indices))
            // Each part solved on its own task: Clp models are independent of each other.
            let byPart = try await withThrowingTaskGroup(of: [(Int, ClosedRange<Double>)].self) { group in
                for part in parts {
                    group.addTask {
                        let intervals = try part.system.feasibleIntervals(of: Array(part.variables.indices))
                        return Array(zip(part.variables, intervals))
                    }
                }
                return try await group.reduce(into: [Int: ClosedRange<Double>]()) { result, pairs in
                    for (variable, interval) in pairs { result[variable] = interval }
                }
            }
            for (variable, interval) in whole.enumerated() {
                let alone = try #require(byPart[variable])
                #expect(close(interval, alone), "variable \(variable): \(interval) whole, \(alone) alone")
            }
        }
    }
}
