import ContentLoading
import ReportModel

/// The CSV that says which team each person belongs to, or each GitHub team, or each
/// value of an HR attribute such as Viva's `Organization`.
///
/// It has a header: a `team` column (or `team_id`) with Discern team ids, and a key
/// column whose name says what it holds (`login`, `upn`, `person_id`, `github_team`, …).
/// Other columns are ignored, so a file kept for people to read may carry names too.
/// Keys are matched without regard to case or surrounding spaces. The file holds
/// identifiers, so no message about it repeats a key.
package struct TeamMapping: Sendable {
    /// What the key column holds.
    package enum Key: Hashable, Sendable {
        /// A person: a login, a user id, a UPN, a PersonId.
        case person
        /// A GitHub team slug.
        case githubTeam
        /// The value of a column in the input itself, named as the input's header names it.
        case attribute(String)
    }

    /// One kind of key and the header names that select it, folded by `foldHeader`.
    package struct Accepted: Sendable {
        package var key: Key
        package var headers: [String]

        package init(_ key: Key, headers: [String]) {
            self.key = key
            self.headers = headers
        }

        /// A GitHub team's slug, under the header names both Copilot feeds accept.
        static let githubTeamSlug = Accepted(.githubTeam, headers: ["githubteam", "githubteamslug", "teamslug", "slug"])

        /// A GitHub account, by login or user id, under the header names the feeds of
        /// people on GitHub accept.
        static let githubPerson = Accepted(.person, headers: ["login", "userlogin", "githublogin", "githubuser", "user",
                                                              "person", "userid", "githubuserid", "githubid"])
    }

    package let file: String
    package let key: Key
    /// The key column's header as written, for messages.
    package let keyColumn: String
    private let teamsByKey: [String: String]

    /// In `Accepted.headers`, stands for any column: the key is then an attribute of
    /// the input named like the column.
    static let anyColumn = "*"

    /// Header names for the team column.
    static let teamHeaders = ["team", "teamid", "discernteam"]

    /// The Discern team for a key, if the mapping has it.
    package func team(for key: String) -> String? {
        teamsByKey[Self.foldKey(key)]
    }

    /// How many keys the mapping holds.
    package var count: Int { teamsByKey.count }

    /// The keys as the mapping folds them, sorted, when they name groups (GitHub teams, an
    /// attribute's values) and not people: only such keys may appear in a message.
    package var groupKeys: [String]? {
        key == .person ? nil : teamsByKey.keys.sorted()
    }

    /// Keys compare trimmed and lowercased: GitHub logins, UPNs and e-mail addresses
    /// are not case-sensitive, and PersonIds are hexadecimal.
    static func foldKey(_ key: String) -> String {
        key.trimmingSpaces.lowercased()
    }

    /// Header names compare as lowercase letters and digits only, so `User Principal
    /// Name`, `user_principal_name` and `UserPrincipalName` are the same column.
    static func foldHeader(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
    }

    /// Reads a mapping. The key column is the first column whose header one of
    /// `accepting` lists. With `knownTeams` (the ids in `teams.yaml`), a team the report
    /// does not know is a warning at its cell.
    package static func parse(_ input: InputFile, accepting: [Accepted], knownTeams: Set<String>?,
                              diagnostics log: inout DiagnosticLog) -> TeamMapping? {
        // The mapping's findings, reported in file order once it is read.
        var diagnostics = DiagnosticLog()
        defer { log.report(diagnostics.all.sorted()) }
        let file = input.path
        guard let text = TextDecoding.decode(input.bytes, file: file, diagnostics: &diagnostics) else { return nil }
        let table = CSVTable.parse(text, file: file, diagnostics: &diagnostics)
        func at(_ field: CSVTable.Field) -> SourceLocation {
            SourceLocation(file: file, line: field.line, column: field.column)
        }
        let expected = "a '\(accepting.first?.headers.first ?? "person")' column and a 'team' column"
        guard let header = table.rows.first else {
            diagnostics.report(.error("the mapping is empty; expected a header with \(expected)",
                                      at: SourceLocation(file: file)))
            return nil
        }
        let folded = header.fields.map { foldHeader($0.text) }
        guard let teamColumn = folded.firstIndex(where: { teamHeaders.contains($0) }) else {
            diagnostics.report(.error("the mapping has no 'team' column; expected a header with \(expected)",
                                      at: SourceLocation(file: file, line: header.line, column: 1)))
            return nil
        }
        // A header named in the list wins over the first column taken as an attribute.
        var chosen: (column: Int, key: Key)?
        for (index, name) in folded.enumerated() where index != teamColumn {
            if let match = accepting.first(where: { $0.headers.contains(name) }) {
                chosen = (index, match.key)
                break
            }
        }
        if chosen == nil, accepting.contains(where: { $0.headers == [anyColumn] }),
           let index = folded.indices.first(where: { $0 != teamColumn && !folded[$0].isEmpty }) {
            chosen = (index, .attribute(header.fields[index].text.trimmingSpaces))
        }
        guard let chosen else {
            let names = accepting.flatMap(\.headers).filter { $0 != anyColumn }.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.report(.error("the mapping has no column saying whom each row maps; expected one of \(names)",
                                      at: SourceLocation(file: file, line: header.line, column: 1)))
            return nil
        }
        let keyColumn = header.fields[chosen.column].text

        var teamsByKey: [String: String] = [:]
        // Keys mapped to two teams, by pair of teams, each pair reported once at its first row.
        var conflicts: [[String]: (keys: Set<String>, location: SourceLocation)] = [:]
        for row in table.rows.dropFirst() {
            guard row.fields.count == header.fields.count else {
                diagnostics.report(.error(
                    "expected \(header.fields.count) fields as in the header, found \(row.fields.count)",
                    at: SourceLocation(file: file, line: row.line, column: 1)))
                continue
            }
            let keyField = row.fields[chosen.column], teamField = row.fields[teamColumn]
            let key = foldKey(keyField.text), team = teamField.text.trimmingSpaces
            if key.isEmpty {
                diagnostics.report(.error("'\(keyColumn)' is blank; every row maps one key to one team", at: at(keyField)))
                continue
            }
            guard Slug.isValid(team) else {
                diagnostics.report(.error(
                    team.isEmpty ? "'team' is blank; every row maps one key to one team"
                        : "'team' must be a Discern team id: lowercase letters, digits, '_' and '-', like 'platform-team'",
                    at: at(teamField)))
                continue
            }
            if let known = teamsByKey[key] {
                if known != team {
                    let pair = [known, team].sorted()
                    conflicts[pair, default: ([], at(keyField))].keys.insert(key)
                }
                continue
            }
            if let knownTeams, team != Scope.organizationID, !knownTeams.contains(team) {
                diagnostics.report(.warning(
                    "this team is not in teams.yaml; `discern check` will refuse its rows until it is added",
                    at: at(teamField)))
            }
            teamsByKey[key] = team
        }
        for (pair, conflict) in conflicts.sorted(by: { $0.value.location < $1.value.location }) {
            diagnostics.report(.error(conflictMessage(teams: pair, count: conflict.keys.count, key: chosen.key,
                                                      column: keyColumn),
                                      at: conflict.location))
        }
        let mapping = TeamMapping(file: file, key: chosen.key, keyColumn: keyColumn, teamsByKey: teamsByKey)
        return mapping
    }

    /// A person in two teams is the subtraction risk; any other key in two teams is an
    /// ambiguity. Either way the message names the teams and a count, never a key.
    private static func conflictMessage(teams: [String], count: Int, key: Key, column: String) -> String {
        let both = "both '\(teams[0])' and '\(teams[1])'"
        guard key == .person else {
            return "\(count) '\(column)' value\(count == 1 ? " is" : "s are") mapped to \(both); "
                + "each value maps to one team: keep one row per value"
        }
        return "\(count) \(count == 1 ? "person is" : "people are") mapped to \(both); each person must count in "
            + "one team, or subtracting one team from the other gives their values: keep one row per person"
    }
}
