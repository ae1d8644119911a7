/// Hands out a number for each person an import meets, so that tallies, sets and
/// anything kept after reading hold numbers, never logins, UPNs or PersonIds.
package struct PersonIndex: Sendable {
    private var numbers: [String: Int] = [:]

    package init() {}

    /// The person's number; the same key always gets the same number.
    package mutating func number(for key: String) -> Int {
        if let number = numbers[key] { return number }
        let number = numbers.count
        numbers[key] = number
        return number
    }

    /// How many people were met.
    package var count: Int { numbers.count }
}
