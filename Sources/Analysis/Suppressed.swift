/// How a hidden value reads on a page: never the number, always the reason. Shared so
/// that summaries outside the site say it in the same words.
public enum Suppressed {
    public static func words(_ reason: Suppression.Reason?) -> String {
        switch reason {
        case .smallGroup(let minimum), .fewPeople(let minimum): "suppressed (fewer than \(minimum))"
        case .complementary, .orderStatistic: "suppressed (protects a smaller group)"
        case nil: "suppressed"
        }
    }
}
