/// Everything a site is made from, summed up in one hash (the content read, the theme's
/// files, the options that reach the pages and Discern itself), and where the records of
/// what each output folder was last built from are kept. See `UnchangedSite`.
public struct BuildInputs: Sendable {
    /// The hash of the inputs.
    public var digest: String
    /// The folder of records, one file per output folder.
    public var records: String

    public init(digest: String, records: String) {
        self.digest = digest
        self.records = records
    }
}
