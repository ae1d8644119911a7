import ContentLoading
import ReportModel

extension M365CopilotReport {
    /// The admin-center setting "Display concealed user, group, and site names in all
    /// reports" replaces each UPN and display name with an MD5 hash: 32 hexadecimal
    /// digits, as Microsoft's own example rows show. A UPN mapping then matches no one.
    /// A file's concealed people are an error when the mapping lists none of them; a
    /// mapping of concealed ids (the other way out) is read like any other.
    struct Concealment {
        private var unmapped: Set<Int> = []
        private var anyMapped = false
        private var first: SourceLocation?

        static func isConcealed(_ key: String) -> Bool {
            let text = key.trimmingSpaces
            return text.utf8.count == 32 && text.utf8.allSatisfy {
                (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0)
            }
        }

        mutating func note(_ person: Int, mapped: Bool, at location: SourceLocation) {
            if mapped {
                anyMapped = true
            } else {
                unmapped.insert(person)
                if first == nil { first = location }
            }
        }

        /// The error for the file, at its first unmapped concealed id; counts only.
        func problem(column: String) -> (message: String, location: SourceLocation)? {
            guard !anyMapped, let first, !unmapped.isEmpty else { return nil }
            let people = unmapped.count == 1 ? "1 person has a concealed identifier" : "\(unmapped.count) people have concealed identifiers"
            return ("\(people) in '\(column)' (32 hexadecimal digits), which the mapping does not list: the tenant's "
                + "reports conceal user names. In the Microsoft 365 admin center, Settings > Org settings > Services > "
                + "Reports, turn off 'Display concealed user, group, and site names in all reports' and export again, "
                + "or map the concealed ids to teams", first)
        }
    }
}
