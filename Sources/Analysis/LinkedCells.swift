/// The cells an audit may hide to protect another: the published ones in any row with it,
/// or with a hidden cell such a row reaches (a hidden neighbour passes the link on, since
/// a reader's bound on it bounds the cell too). Both audits pick their next hiding here.
enum LinkedCells {
    /// The published members reached from `start` through rows and hidden members.
    static func published<Cell: Hashable>(from start: Cell, rows: [[Cell]], isHidden: (Cell) -> Bool) -> Set<Cell> {
        var reached: Set<Cell> = [start]
        var frontier = [start]
        var published: Set<Cell> = []
        while let next = frontier.popLast() {
            for row in rows where row.contains(next) {
                for member in row where reached.insert(member).inserted {
                    if isHidden(member) { frontier.append(member) } else { published.insert(member) }
                }
            }
        }
        return published
    }
}
