import Foundation

/// Time spent in each stage of page rendering, summed over all workers, for
/// `discern build --timings`. Stages are measured where they do not nest, so the parts
/// add up to no more than the whole.
public final class StageTimings: @unchecked Sendable {
    public enum Stage: String, CaseIterable, Sendable {
        /// libcmark parsing and rendering narratives.
        case markdown
        /// Drawing charts and writing their SVG.
        case charts
        /// Filling the theme's page shell.
        case templates
        /// Putting files into the staging folder: writing them, or linking unchanged ones.
        case write
    }

    private let lock = NSLock()
    private var nanoseconds: [Stage: UInt64] = [:]

    public init() {}

    /// Runs `body`, adding its time to `stage`.
    func measure<T: ~Copyable>(_ stage: Stage, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let spent = DispatchTime.now().uptimeNanoseconds &- start
            lock.withLock { nanoseconds[stage, default: 0] &+= spent }
        }
        return try body()
    }

    /// Seconds spent per stage, in stage order.
    public var seconds: [(stage: Stage, seconds: Double)] {
        lock.withLock { Stage.allCases.map { ($0, Double(nanoseconds[$0] ?? 0) / 1e9) } }
    }
}

extension Optional where Wrapped == StageTimings {
    /// Measures when timings were asked for; otherwise just runs `body`.
    func measure<T: ~Copyable>(_ stage: StageTimings.Stage, _ body: () throws -> T) rethrows -> T {
        guard let self else { return try body() }
        return try self.measure(stage, body)
    }
}
