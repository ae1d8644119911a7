import ReportModel

/// What the report may say about one metric for one scope in one quarter.
public struct Reading: Hashable, Sendable {
    /// The value at its display rounding, or nil when privacy rules hide it.
    public let value: Double?
    /// How many people stand behind the value, when known. Shown even when the value is
    /// hidden, but never for a roll-up that includes a suppressed team: subtracting the
    /// members' counts would give that team's.
    public let n: Int?
    public let source: RollUp.Cell.Source
    /// Whether a roll-up includes teams too small to list, so how many contributed is
    /// not said either.
    public let includesUnlistedTeams: Bool
    /// Why the value is hidden, if it is.
    public let suppression: Suppression.Reason?

    public var isSuppressed: Bool { suppression != nil }
}
