/// What one release published for its quarter, as `discern release` records it in
/// `releases/` in the content folder: every value shown, as the interval its rounding
/// allows, and every relation a reader could write down between the values of that
/// quarter (roll-ups with their weights, given values with their remainders, wholes).
///
/// Once released, a number stays known: later builds audit themselves together with every
/// ledger, so hiding a value after its release protects nothing, and comparing two
/// versions gives a reader no more than either does. The file holds no hidden value: a
/// hidden cell appears only as a term of a relation.
public struct ReleaseLedger: Codable, Hashable, Sendable {
    /// One cell of the released quarter: a value of a metric for a scope, or the people a
    /// value given for a group covers beyond its teams (`remainder`).
    public struct Cell: Codable, Hashable, Sendable, Comparable {
        public var scope: String
        public var metric: String
        public var remainder: Bool

        public init(scope: String, metric: String, remainder: Bool = false) {
            self.scope = scope
            self.metric = metric
            self.remainder = remainder
        }

        public static func < (lhs: Cell, rhs: Cell) -> Bool {
            (lhs.metric, lhs.scope, lhs.remainder ? 1 : 0) < (rhs.metric, rhs.scope, rhs.remainder ? 1 : 0)
        }
    }

    /// A shown value: the number on the page and the interval a reader reads it as.
    public struct Shown: Codable, Hashable, Sendable {
        public var cell: Cell
        public var shown: Double
        public var lower: Double
        public var upper: Double

        public init(cell: Cell, shown: Double, lower: Double, upper: Double) {
            self.cell = cell
            self.shown = shown
            self.lower = lower
            self.upper = upper
        }
    }

    /// `lower ≤ Σ coefficient × cell ≤ upper`.
    public struct Relation: Codable, Hashable, Sendable {
        public struct Term: Codable, Hashable, Sendable {
            public var cell: Cell
            public var coefficient: Double

            public init(cell: Cell, coefficient: Double) {
                self.cell = cell
                self.coefficient = coefficient
            }
        }

        public var terms: [Term]
        public var lower: Double
        public var upper: Double

        public init(terms: [Term], lower: Double, upper: Double) {
            self.terms = terms
            self.lower = lower
            self.upper = upper
        }
    }

    public var period: Period
    /// Who the release was for, when a content folder is built for several audiences.
    public var audience: String?
    public var shown: [Shown]
    public var relations: [Relation]

    public init(period: Period, audience: String? = nil, shown: [Shown], relations: [Relation]) {
        self.period = period
        self.audience = audience
        self.shown = shown
        self.relations = relations
    }

    /// `releases/2026-Q1.json`, or `releases/2026-Q1.board.json` for an audience.
    public var fileName: String {
        "releases/\(period)" + (audience.map { ".\($0)" } ?? "") + ".json"
    }
}
