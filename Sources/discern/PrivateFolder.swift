import Dispatch
import Foundation
import Site
#if canImport(Glibc)
import Glibc
#endif

/// A temporary folder only this user can read, for a site that `serve` builds and
/// nobody else should find: removed when the command is stopped with Ctrl-C, `kill`
/// or a closed terminal. (A `kill -9` leaves it to the system's cleaning of /tmp.)
final class PrivateFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("discern-serve-\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    deinit {
        remove()
    }

    func remove() {
        FolderRemoval.remove(url.path)
    }

    /// Held while a build writes into the folder, and by the stop signal's handling, so
    /// that the folder is never removed under a build that would write it back.
    private let writing = NSLock()

    /// Runs `body`, a build into the folder, so that a stop signal waits for it to end.
    func whileWriting<T>(_ body: () throws -> T) rethrows -> T {
        try writing.withLock(body)
    }

    /// Removes the folder when a stop signal comes, then stops as the signal asks, so
    /// whoever sent it sees the process end by that signal.
    ///
    /// A C handler only writes the signal's number to a pipe (all a handler may safely
    /// do); a thread of its own reads it, waits for any build to finish, removes the
    /// folder and stops. Dispatch's signal sources are not used: with the signal ignored
    /// for them, a signal the kernel hands to a thread that does not block it is dropped,
    /// and the command would go on serving after Ctrl-C.
    ///
    /// The signals are unblocked and taken over even when the parent started this
    /// process with them blocked, as some test runners do, or ignored, as a shell does
    /// for anything it starts in the background.
    func removeOnStop() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        PrivateFolder.stopPipe = ends[1]
        let path = url.path
        let writing = self.writing
        let reader = ends[0]
        Thread.detachNewThread {
            var byte: UInt8 = 0
            while read(reader, &byte, 1) != 1 {}
            let stop = Int32(byte)
            writing.lock()
            FolderRemoval.remove(path)
            signal(stop, SIG_DFL)
            kill(getpid(), stop)
        }
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        for stop in [SIGINT, SIGTERM, SIGHUP] {
            sigaddset(&stopSignals, stop)
            var action = sigaction()
            action.__sigaction_handler.sa_handler = PrivateFolder.onStop
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(stop, &action, nil)
        }
        sigprocmask(SIG_UNBLOCK, &stopSignals, nil)
    }

    /// The pipe's write end, for the handler, which can capture nothing.
    nonisolated(unsafe) private static var stopPipe: Int32 = -1

    private static let onStop: @convention(c) (Int32) -> Void = { signal in
        var byte = UInt8(truncatingIfNeeded: signal)
        _ = write(PrivateFolder.stopPipe, &byte, 1)
    }
}
