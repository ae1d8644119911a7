import Foundation
import ReportModel

/// The builds the preview has seen, for open pages to follow: a number that goes up
/// with every build, good or failed, and the errors of the last one when it failed.
final class BuildEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var build = 1
    private var errors: [Diagnostic] = []
    /// Event streams waiting for the next build, by the number of the stream.
    private var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    private var streams = 0

    /// The latest build's number, and its errors when it failed.
    var latest: (build: Int, errors: [Diagnostic]) {
        lock.withLock { (build, errors) }
    }

    /// A build finished: with `errors`, the site is the last good one and pages show them.
    func publish(errors: [Diagnostic]) {
        let woken = lock.withLock {
            build += 1
            self.errors = errors
            return takeWaiting()
        }
        for continuation in woken { continuation.resume() }
    }

    /// Wakes every waiting stream without a new build, so each writes a keep-alive
    /// comment: that is how a stream learns its page has gone.
    func wakeAll() {
        for continuation in lock.withLock({ takeWaiting() }) { continuation.resume() }
    }

    /// Returns when a build newer than `seen` exists, or at the next `wakeAll`.
    func next(after seen: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let waits = lock.withLock {
                guard build == seen else { return false }
                streams += 1
                waiting[streams] = continuation
                return true
            }
            if !waits { continuation.resume() }
        }
    }

    private func takeWaiting() -> [CheckedContinuation<Void, Never>] {
        let woken = Array(waiting.values)
        waiting = [:]
        return woken
    }
}
