import ReportModel

/// What the report may say about one metric for one scope in one quarter.
public struct Reading: Hashable, Sendable {
    /// The value, or nil when privacy rules hide it.
    public let value: Double?
    /// How many people stand behind the value, when known. Shown even when the value is hidden.
    public let n: Int?
    public let source: RollUp.Cell.Source
    /// Why the value is hidden, if it is.
    public let suppression: Suppression.Reason?

    public var isSuppressed: Bool { suppression != nil }
}
