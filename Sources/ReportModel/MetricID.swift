/// The id of a metric declared in `metrics.yaml`, such as `cycle_time`.
///
/// Not a bare `String`: raw text cannot reach a lookup without passing the loader, which
/// turns text into a `MetricID` only after checking it against the catalog, and it becomes
/// text again only where it is written (pages, file names, messages).
public struct MetricID: CatalogID {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }
}
