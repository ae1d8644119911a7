import Formatting
import ReportModel

/// Recognises data that identifies people, which Discern refuses at import.
///
/// Discern reports teams, never individuals: a column of logins or e-mail addresses
/// means the file holds per-person rows that must be aggregated before import.
enum PersonIdentifier {
    /// Column names (lowercased, with everything but letters and digits removed) that
    /// name or identify a person.
    private static let columnNames: Set<String> = [
        "email", "emailaddress", "mail", "user", "username", "userid", "userlogin", "login",
        "person", "personid", "people", "employee", "employeeid", "employeenumber", "empid", "staffid",
        "upn", "userprincipalname", "displayname", "fullname", "firstname", "lastname", "surname",
        "name", "handle", "githubhandle", "githublogin", "assignee", "author", "individual", "individualid",
        "worker", "workerid", "respondent", "respondentid", "manager",
    ]

    /// Parts that identify a person wherever they appear in a name: `user_email`,
    /// `github_login`, `UserPrincipalName`.
    private static let identifyingParts = [
        "email", "login", "principalname", "userid", "username", "personid", "employeeid", "displayname", "fullname",
    ]

    /// Whether a column or key name identifies people.
    static func isIdentifierColumn(_ name: String) -> Bool {
        let folded = fold(name)
        return columnNames.contains(folded) || identifyingParts.contains { folded.contains($0) }
    }

    /// Parts of a name that mean a ranking of people: a `leaderboard` metric, a
    /// `top_performers` list.
    private static let rankingParts = ["leaderboard", "ranking", "rank", "topperformer", "lowperformer", "individual"]
    /// Parts of a front-matter key that mean a list of people: `people:`, `top_users:`.
    private static let listParts = ["people", "persons", "members", "users", "employees", "staff", "names"]

    /// Whether a metric id ranks people (lint D107). Narrower than for front matter:
    /// `weekly_active_users` counts people without listing them.
    static func ranksPeople(_ name: String) -> Bool {
        let folded = fold(name)
        return rankingParts.contains { folded.contains($0) }
    }

    /// Whether a front-matter key names or ranks people (lint D107): `top_prompters:`
    /// and `worst_adopters:` in front matter can only be lists of someone.
    static func namesOrRanksPeople(_ name: String) -> Bool {
        let folded = fold(name)
        let ranked = ["top", "bottom", "best", "worst"].contains { name.lowercased().hasPrefix($0 + "_") || name.lowercased().hasPrefix($0 + "-") }
        return ranked || isIdentifierColumn(name) || ranksPeople(name) || listParts.contains { folded.contains($0) }
    }

    /// Lowercased, with everything but letters and digits removed.
    static func fold(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
    }

    /// Whether a value looks like an e-mail address (`someone@domain.tld`).
    static func looksLikeEmail(_ text: String) -> Bool {
        EmailAddress.matches(text)
    }

    static func columnMessage(_ name: String) -> String {
        "column '\(Excerpt.of(name))' identifies people; Discern reports teams, never individuals. "
            + "Aggregate the data to teams before import and drop this column"
    }

    /// The message for an e-mail address. It does not repeat the address, so the
    /// diagnostic itself does not spread the identifier.
    static let emailMessage = "this value looks like an e-mail address; Discern reports teams, never individuals. "
        + "Aggregate the data to teams before import"
}
