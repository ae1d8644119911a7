import Foundation

/// One slot per page, filled by parallel workers. Each worker writes only its own
/// page's index, so slots never race; the lock guards what is shared: the count of
/// finished pages and the first error.
final class PageSlots<Result>: @unchecked Sendable {
    private var results: [Result?]
    private let lock = NSLock()
    private var firstError: Error?
    private var finished = 0

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func store(_ result: Result, at index: Int) {
        results.withUnsafeMutableBufferPointer { $0[index] = result }
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
        return results.map { $0! }
    }
}
