import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `discern build --watch`: rebuilds whenever the content or the theme changes, until
/// interrupted. What a change rebuilds is `WatchedSite`'s to decide.
struct SiteWatch {
    var site: WatchedSite

    func run() throws {
        // Ctrl-C and `kill` must stop the watch even when the parent started this
        // process with those signals blocked, as some test runners and CI agents do,
        // or ignored, as a shell does for anything it starts in the background.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &stopSignals, nil)
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        var site = self.site
        let watcher = try ContentWatcher(roots: site.watchedFolders, ignoring: [site.build.output])
        announce()
        while true {
            let changes = watcher.nextChanges()
            if changes.foldersChanged { watcher.watchAll() }
            _ = site.apply(changes.paths)
            watcher.watch(site.watchedFolders)
            announce()
        }
    }

    private func announce() {
        print("Watching \(site.build.contentLabel) for changes; press Ctrl-C to stop.")
        fflush(nil)
    }
}
