import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells which files under the content folder, or the theme's, changed, through Linux's
/// inotify: the kernel reports each write, so a watched build reacts at once and costs
/// nothing while nobody is editing. Every folder is watched, since inotify does not recurse.
final class ContentWatcher {
    /// The watched folders. Changes under the first (the content) are named relative to
    /// it, as the loader names files; changes under the others (the theme) by full path.
    private var roots: [URL]
    private let descriptor: Int32
    /// Watch descriptors and the folders they watch: which root, and the path below it
    /// ("" for the root itself).
    private var folders: [Int32: (root: Int, folder: String)] = [:]
    /// Full paths never watched nor reported: the site's own output, when it is built
    /// inside the content (as in a starter, built from within it), whose every write
    /// would otherwise start another build.
    private let ignored: Set<String>

    /// What a change may touch; writes that finish, files that appear, vanish or move.
    private static let events = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF)

    init(roots: [URL], ignoring: [URL] = []) throws {
        self.roots = roots.map(\.standardizedFileURL)
        ignored = Set(ignoring.map(\.standardizedFileURL.path))
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: roots.first?.path ?? ""])
        }
        watchAll()
    }

    deinit {
        close(descriptor)
    }

    /// Watches `roots` from now on, when they differ from the folders watched so far:
    /// `site.yaml` can name another theme.
    func watch(_ roots: [URL]) {
        let roots = roots.map(\.standardizedFileURL)
        guard roots != self.roots else { return }
        self.roots = roots
        watchAll()
    }

    /// Watches every root and every folder below it that is not hidden, again: called
    /// after folders appear.
    func watchAll() {
        for descriptor in folders.keys { inotify_rm_watch(self.descriptor, descriptor) }
        folders = [:]
        for (index, root) in roots.enumerated() {
            var pending = [""]
            while let folder = pending.popLast() {
                let path = folder.isEmpty ? root.path : root.path + "/" + folder
                let watch = inotify_add_watch(descriptor, path, Self.events)
                // A folder inside two roots (a theme inside the content) keeps its first name.
                if watch >= 0 && folders[watch] == nil { folders[watch] = (index, folder) }
                for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
                    var isDirectory: ObjCBool = false
                    let child = folder.isEmpty ? name : folder + "/" + name
                    guard !ignored.contains(root.path + "/" + child) else { continue }
                    if FileManager.default.fileExists(atPath: root.path + "/" + child, isDirectory: &isDirectory),
                       isDirectory.boolValue {
                        pending.append(child)
                    }
                }
            }
        }
    }

    /// What changed: waits for the first event, then gathers more until the folders have
    /// been quiet for `settle` milliseconds, since one save is often several events
    /// (an editor writes a temporary file and renames it). Those come within a
    /// millisecond of each other, and every millisecond waited here is one more between
    /// a save and the page: 30 was most of the 50 ms an edit took to reach the site.
    func nextChanges(settle: Int32 = 5) -> Changes {
        var changes = Changes()
        var timeout: Int32 = -1
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, timeout)
            if ready == 0 && !changes.paths.isEmpty { return changes }
            guard ready > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (event, name) = buffer.withUnsafeBytes { bytes -> (inotify_event, String) in
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let start = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = bytes[start..<min(count, start + Int(event.len))].prefix { $0 != 0 }
                    return (event, String(decoding: nameBytes, as: UTF8.self))
                }
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                guard !name.hasPrefix("."), let (root, folder) = folders[event.wd] else { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                guard !ignored.contains(roots[root].path + "/" + relative) else { continue }
                changes.paths.insert(root == 0 ? relative : roots[root].path + "/" + relative)
                if event.mask & UInt32(IN_ISDIR) != 0 || event.mask & UInt32(IN_DELETE_SELF) != 0 { changes.foldersChanged = true }
            }
            timeout = settle
        }
    }

    /// The files that changed between two builds: relative to the content folder, or
    /// full paths for files outside it.
    struct Changes {
        var paths: Set<String> = []
        /// Whether a folder appeared or went away, so watches must be renewed.
        var foldersChanged = false
    }
}
