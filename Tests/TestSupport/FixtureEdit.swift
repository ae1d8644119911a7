/// Edits of fixture text that cannot miss: a test that replaces text the fixture no longer
/// holds would otherwise run on the unedited fixture and pass for the wrong reason.
extension String {
    /// The text with every `old` replaced by `new`; stops the test run when there is none.
    public func replacingFixture(_ old: String, with new: String) -> String {
        precondition(contains(old), "the fixture has no '\(old)'")
        return replacingOccurrences(of: old, with: new)
    }
}
