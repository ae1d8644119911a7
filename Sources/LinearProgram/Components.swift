extension LinearSystem {
    /// A part of a system that no row links to the rest: its own variables and rows,
    /// numbered from 0.
    public struct Component: Sendable {
        /// The part alone; its variable `i` is `variables[i]` of the whole system.
        public var system: LinearSystem
        /// The whole system's index of each of the part's variables, ascending.
        public var variables: [Int]
    }

    /// The system cut where no row links its parts: every variable in exactly one
    /// component (one alone if no row names it), every row in the one its variables share.
    /// A variable's interval is the same in its component as in the whole system, and many
    /// small models solve much faster than one large one (and may run concurrently).
    /// Components come in the order of their first variable.
    public func components() -> [Component] {
        // Union-find over variables, each row joining the variables it names.
        var parent = Array(variables.indices)
        func root(_ variable: Int) -> Int {
            var node = variable
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        for row in rows {
            var joined = root(row.terms[0].variable)
            for term in row.terms.dropFirst() {
                let other = root(term.variable)
                guard other != joined else { continue }
                parent[max(other, joined)] = min(other, joined)
                joined = min(other, joined)
            }
        }

        var componentOfRoot: [Int: Int] = [:]
        var components: [Component] = []
        var localIndex = Array(repeating: 0, count: variables.count)
        for (variable, bounds) in variables.enumerated() {
            let top = root(variable)
            let index: Int
            if let known = componentOfRoot[top] {
                index = known
            } else {
                index = components.count
                componentOfRoot[top] = index
                components.append(Component(system: LinearSystem(), variables: []))
            }
            localIndex[variable] = components[index].system.variables.count
            components[index].system.variables.append(bounds)
            components[index].variables.append(variable)
        }
        for row in rows {
            let index = componentOfRoot[root(row.terms[0].variable)]!
            let terms = row.terms.map { Term(variable: localIndex[$0.variable], coefficient: $0.coefficient) }
            components[index].system.rows.append(Row(terms: terms, lower: row.lower, upper: row.upper))
        }
        return components
    }
}
