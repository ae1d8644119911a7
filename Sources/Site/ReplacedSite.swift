import Foundation

/// The site a build replaced, moved aside beside the output and removed once the new
/// one is in place.
///
/// Removing it is one unlink per file and per folder, mostly spent waiting, so eight
/// threads do it (see `FolderRemoval`). `discern build` removes it before it ends, so no
/// copy of a site it replaced (which may show data the new one no longer shows)
/// outlives the command. `build --watch` and `serve` remove it on a thread of its own,
/// so that a whole rebuild is announced, and pages reload, as soon as the new site is in
/// place; they wait for it before the next whole build. A process stopped midway leaves
/// the rest under its name, and the next build removes it before its swap.
public final class ReplacedSite: @unchecked Sendable {
    private let removed = DispatchGroup()
    /// Written before `removed` is left, read only after it is waited for.
    private var seconds = 0.0

    init(path: String, inBackground: Bool) {
        removed.enter()
        let remove: @Sendable () -> Void = { [self] in
            let start = DispatchTime.now().uptimeNanoseconds
            FolderRemoval.removeInParallel(path)
            seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            removed.leave()
        }
        if inBackground { Thread.detachNewThread(remove) } else { remove() }
    }

    /// Waits until it is gone; the seconds its removal took.
    @discardableResult
    public func waitUntilRemoved() -> Double {
        removed.wait()
        return seconds
    }
}
