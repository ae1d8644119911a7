import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A temporary folder only this user can read, for a site that `serve` builds and
/// nobody else should find: removed when the command is stopped with Ctrl-C, `kill`
/// or a closed terminal. (A `kill -9` leaves it to the system's cleaning of /tmp.)
final class PrivateFolder {
    let url: URL
    private var stopSources: [any DispatchSourceSignal] = []

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
        try? FileManager.default.removeItem(at: url)
    }

    /// Removes the folder when a stop signal comes, then stops as the signal asks, so
    /// whoever sent it sees the process end by that signal.
    ///
    /// The signals are unblocked and taken over even when the parent started this
    /// process with them blocked, as some test runners do, or ignored, as a shell does
    /// for anything it starts in the background.
    func removeOnStop() {
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stopSignals, signal) }
        sigprocmask(SIG_UNBLOCK, &stopSignals, nil)
        let path = url.path
        for stop in [SIGINT, SIGTERM, SIGHUP] {
            // Dispatch delivers the signal to a handler on a queue only when the default
            // action is off; the handler puts it back before stopping with it.
            signal(stop, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: stop, queue: .global())
            source.setEventHandler {
                try? FileManager.default.removeItem(atPath: path)
                signal(stop, SIG_DFL)
                // To the process, not the thread: Dispatch's threads block signals.
                kill(getpid(), stop)
            }
            source.resume()
            stopSources.append(source)
        }
    }
}
