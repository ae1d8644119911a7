import Foundation

/// One slot per page, filled by parallel workers. Each worker writes only its own
/// page's index, so slots never race; the lock guards what is shared: the count of
/// finished pages and the first error.
final class PageSlots<Result>: @unchecked Sendable {
    /// Allocated once and written through a stable pointer. An `Array` will not do:
    /// its mutating accessors may move or swap its storage, which races between threads.
    private let results: UnsafeMutablePointer<Result?>
    private let count: Int
    private let lock = NSLock()
    private var firstError: Error?
    private var finished = 0

    init(count: Int) {
        self.count = count
        results = .allocate(capacity: max(1, count))
        results.initialize(repeating: nil, count: max(1, count))
    }

    deinit {
        results.deinitialize(count: max(1, count))
        results.deallocate()
    }

    func store(_ result: Result, at index: Int) {
        precondition(index >= 0 && index < count)
        results[index] = result
    }

    func fail(_ error: Error) {
        lock.withLock { if firstError == nil { firstError = error } }
    }

    /// Counts a finished page; returns how many are done.
    func finish() -> Int {
        lock.withLock {
            finished += 1
            return finished
        }
    }

    /// The results in page order, or the first error any worker met.
    func collected() throws -> [Result] {
        if let firstError { throw firstError }
        return (0..<count).map { results[$0]! }
    }
}
