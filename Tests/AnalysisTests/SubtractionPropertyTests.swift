import Testing
import TestSupport
import ReportModel
@testable import Analysis

/// Over random organization trees, no value hidden for privacy can be worked out from
/// what is published. A reader is assumed to know every published value, every
/// headcount and which teams have data, and to solve the linear equations that the
/// published roll-ups give. A hidden value is derivable exactly when its row lies in
/// the span of the published rows.
@Suite("Privacy property: no suppressed value can be derived")
struct SubtractionPropertyTests {
    @Test("random trees, sizes, respondents and missing values", arguments: [Metric.Aggregation.sum, .mean, .weightedMean])
    func randomTrees(aggregate: Metric.Aggregation) {
        var random = SplitMix64(seed: 0xD15C_E2 &+ UInt64(aggregate.rawValue.count))
        var checkedHidden = 0
        for _ in 0..<250 {
            let model = RandomOrganization.make(aggregate: aggregate, using: &random)
            let report = model.report
            let leaves = report.organization.leafTeams.map(\.id)
                .filter { report.rollUp.cell(.team($0), "m", q1) != nil }
            let column = Dictionary(uniqueKeysWithValues: leaves.enumerated().map { ($1, $0) })

            // The row of a scope's value over the leaf unknowns, as the roll-up combines them.
            func row(_ scope: Scope) -> [Double] {
                var row = Array(repeating: 0.0, count: leaves.count)
                if let id = scope.teamID, let index = column[id] {
                    row[index] = 1
                    return row
                }
                for member in report.rollUp.contributors(of: scope, metric: "m", period: q1, in: report.organization) {
                    let weight = aggregate == .weightedMean ? Double(report.organization.headcount(of: member.scope)) : 1
                    row[column[member.scope.teamID!]!] = weight
                }
                return row
            }

            let scopes = [Scope.organization] + report.organization.teams.map { Scope.team($0.id) }
            let present = scopes.filter { report.rollUp.cell($0, "m", q1) != nil }
            let published = present.filter { report.suppression.reason($0, "m", q1) == nil }.map(row)
            let publishedRank = LinearAlgebra.rank(published)
            for scope in present {
                guard let reason = report.suppression.reason(scope, "m", q1), reason != .complementary else { continue }
                checkedHidden += 1
                let derivable = LinearAlgebra.rank(published + [row(scope)]) == publishedRank
                #expect(!derivable, "\(scope) (\(reason)) can be derived in \(model.teams.map { "\($0.id)<\($0.parent ?? "org")>\($0.headcount ?? 0)" })")
            }
        }
        // The generator must produce hidden values, or the property says nothing.
        #expect(checkedHidden > 200)
    }

    @Test("the checker itself catches a value left open to subtraction")
    func checkerCatchesLeak() {
        // Group = a + b, b published: a is derivable.
        let published: [[Double]] = [[1, 1], [0, 1]]
        #expect(LinearAlgebra.rank(published + [[1, 0]]) == LinearAlgebra.rank(published))
        // Group = a + b, nothing else published: a is not derivable.
        #expect(LinearAlgebra.rank([[1, 1], [1, 0]]) != LinearAlgebra.rank([[1, 1]]))
    }
}

/// Random organizations: up to three levels, sizes from 1 to 14 (so many are below the
/// minimum of 5), respondents sometimes below the threshold, some values missing.
enum RandomOrganization {
    static func make(aggregate: Metric.Aggregation, using random: inout SplitMix64) -> ModelBuilder {
        var model = ModelBuilder()
        model.metric("m", aggregate)
        var counter = 0
        func grow(parent: TeamID?, depth: Int) {
            let members = Int.random(in: 1...4, using: &random)
            for _ in 0..<members {
                counter += 1
                let id = TeamID("t\(counter)")
                if depth < 2, Int.random(in: 0..<3, using: &random) == 0 {
                    model.team(id, parent: parent)
                    grow(parent: id, depth: depth + 1)
                } else {
                    let headcount = Int.random(in: 1...14, using: &random)
                    model.team(id, parent: parent, headcount: headcount)
                    guard Int.random(in: 0..<10, using: &random) > 0 else { continue } // missing value
                    let n: Int? = Bool.random(using: &random) ? Int.random(in: 1...headcount, using: &random) : nil
                    model.value("m", id.rawValue, Double(Int.random(in: 1...100, using: &random)), n: n)
                }
            }
        }
        grow(parent: nil, depth: 0)
        return model
    }
}

enum LinearAlgebra {
    /// The rank of a matrix, by Gaussian elimination with partial pivoting.
    static func rank(_ rows: [[Double]]) -> Int {
        var matrix = rows
        guard let width = matrix.first?.count else { return 0 }
        var rank = 0
        for column in 0..<width where rank < matrix.count {
            let pivot = (rank..<matrix.count).max { abs(matrix[$0][column]) < abs(matrix[$1][column]) }!
            guard abs(matrix[pivot][column]) > 1e-9 else { continue }
            matrix.swapAt(rank, pivot)
            for other in matrix.indices where other != rank {
                let factor = matrix[other][column] / matrix[rank][column]
                guard factor != 0 else { continue }
                for k in column..<width { matrix[other][k] -= factor * matrix[rank][k] }
            }
            rank += 1
        }
        return rank
    }
}

