/// The link targets in a page: the values of its `href="…"` and `src="…"` attributes,
/// with `&amp;` read back as `&`. Discern writes every attribute in double quotes.
public enum LinkTargets {
    public static func targets(in html: String) -> [String] {
        var result: [String] = []
        for attribute in [" href=\"", " src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let value = rest[start.upperBound...]
                guard let end = value.firstIndex(of: "\"") else { break }
                result.append(String(value[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = value[end...]
            }
        }
        return result
    }
}
