/// "Did you mean …?" for a mistyped id.
enum Suggestion {
    /// The longest word a suggestion is looked for: ids and keys are far shorter, and the
    /// edit distance costs the product of two lengths.
    static let longestWord = 100

    /// The closest candidate within a small edit distance, if any.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        guard word.utf8.count <= longestWord else { return nil }
        let lowered = word.lowercased()
        let limit = max(1, min(3, word.count / 3))
        let length = lowered.unicodeScalars.count
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = candidate.lowercased()
            // The distance is at least the difference in length: no need to compute it.
            guard abs(other.unicodeScalars.count - length) <= limit else { continue }
            let distance = other == lowered ? 0 : editDistance(lowered, other)
            if distance <= limit, distance < (best?.distance ?? .max) || (distance == best?.distance && candidate < best!.candidate) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// ` (did you mean 'x'?)`, or nothing.
    static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Edits between two words, where swapping two neighbours counts as one edit
    /// (optimal string alignment), since `valeu` for `value` is one slip, not two.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = Array(repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
