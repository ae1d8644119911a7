import Foundation

extension Collection where Index == Int {
    /// `map` on every core: `transform` runs for each element in parallel and the
    /// results come back in order, so what is built from them does not depend on the
    /// scheduling. With `parallel: false` it runs in order, for comparison.
    ///
    /// Loading reads narratives with it, and the site builder renders pages with it.
    public func concurrentMap<T>(parallel: Bool = true, _ transform: @Sendable (Element) -> T) -> [T]
    where Self: Sendable {
        let slots = Slots<T>(count: count)
        if parallel {
            DispatchQueue.concurrentPerform(iterations: count) { offset in
                slots.store(transform(self[startIndex + offset]), at: offset)
            }
        } else {
            for offset in 0..<count { slots.store(transform(self[startIndex + offset]), at: offset) }
        }
        return slots.collected()
    }
}

/// One slot per element, each written by exactly one worker, so slots never race.
private final class Slots<T>: @unchecked Sendable {
    /// Allocated once and written through a stable pointer. An `Array` will not do:
    /// its mutating accessors may move or swap its storage, which races between threads.
    private let results: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        results = .allocate(capacity: max(1, count))
        results.initialize(repeating: nil, count: max(1, count))
    }

    deinit {
        results.deinitialize(count: max(1, count))
        results.deallocate()
    }

    func store(_ result: T, at index: Int) {
        precondition(index >= 0 && index < count)
        results[index] = result
    }

    func collected() -> [T] {
        (0..<count).map { results[$0]! }
    }
}
