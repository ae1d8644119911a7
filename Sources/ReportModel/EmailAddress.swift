/// Recognises text that looks like an e-mail address: a person identifier that must
/// not enter the model or be printed back.
public enum EmailAddress {
    /// `someone@domain.tld`, possibly with surrounding punctuation such as `,` or `;`.
    public static func matches(_ text: some StringProtocol) -> Bool {
        let trimmed = text.trimmingPrefix(while: { !$0.isLetter && !$0.isNumber })
        guard let at = trimmed.firstIndex(of: "@"), at != trimmed.startIndex else { return false }
        let domain = trimmed[trimmed.index(after: at)...]
        guard let dot = domain.lastIndex(of: "."), dot != domain.startIndex,
              domain[domain.index(after: dot)...].contains(where: \.isLetter) else { return false }
        return !domain.contains("@") && !trimmed.contains(" ")
    }
}

private extension StringProtocol {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> SubSequence {
        var result = self[...]
        while let first = result.first, predicate(first) { result = result.dropFirst() }
        while let last = result.last, !last.isLetter, !last.isNumber { result = result.dropLast() }
        return result
    }
}
