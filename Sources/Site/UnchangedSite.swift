import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ReportModel

/// A site in an output folder that a build may leave exactly as it is: the last build
/// there was made from the same inputs (content, theme, options and Discern itself, as
/// `BuildInputs` sums them up), and the folder still holds exactly the files that
/// build's manifest lists, each read back in full and matching its size and hash, and
/// nothing else, hidden files and empty folders included. Rendering the same inputs
/// again would write the same bytes, so a no-change build costs the load, the analysis
/// and the audits, which always run, and one read of the site, instead of every page.
///
/// What a build was made from is kept outside the site, in a record per output folder
/// under the user's cache folder (`BuildInputs.records`): a hash of the inputs takes in
/// every value, the hidden ones too, and has no place in what is published. The record
/// also holds the hash of the manifest the build wrote, so a site changed since in any
/// way (a watched edit, or a build by someone else, whose record is elsewhere) is
/// never taken for the one recorded.
struct UnchangedSite {
    /// What the last build made, as its record says.
    let summary: SiteBuilder.Summary

    /// The site in `root` if the record says it was built from `inputs`, with the
    /// manifest now in it, and the folder is intact; nil otherwise.
    init?(at root: String, inputs: BuildInputs, parallel: Bool = true) {
        guard let data = FileManager.default.contents(atPath: Self.recordPath(of: root, in: inputs)),
              let recorded = Self.parse([UInt8](data)), recorded.inputs == inputs.digest,
              let marker = FileManager.default.contents(atPath: root + "/" + OutputFolder.marker).map({ [UInt8]($0) }),
              String(XXH64.hash(marker), radix: 16) == recorded.marker, let manifest = SiteManifest(bytes: marker),
              manifest.entries.count == recorded.summary.files,
              Self.holdsOnly(manifest, in: root), Self.intact(manifest, in: root, parallel: parallel)
        else { return nil }
        summary = recorded.summary
    }

    /// Records that the site now in `root` was built from `inputs` and made `summary`.
    /// Best effort: without a record, the next build renders everything, as it would anyway.
    static func record(_ root: String, inputs: BuildInputs, summary: SiteBuilder.Summary) {
        guard let marker = FileManager.default.contents(atPath: root + "/" + OutputFolder.marker) else { return }
        let text = "A site built by discern build: where it is, what it was built from, and what it holds. "
            + "The next build from the same inputs into the same folder leaves the site as it is, if it finds it intact.\n"
            + "site \(realpath(root))\ninputs \(inputs.digest)\nmarker \(String(XXH64.hash([UInt8](marker)), radix: 16))\n"
            + "pages \(summary.pages)\ncharts \(summary.charts)\nslides \(summary.slides)\nfiles \(summary.files)\n"
        let path = recordPath(of: root, in: inputs)
        try? FileManager.default.createDirectory(atPath: inputs.records, withIntermediateDirectories: true)
        try? OutputFolder.replaceFile(path, Array(text.utf8))
    }

    /// One record per output folder, named by a hash of its real path.
    private static func recordPath(of root: String, in inputs: BuildInputs) -> String {
        inputs.records + "/" + String(XXH64.hash(Array(realpath(root).utf8)), radix: 16)
    }

    private static func realpath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    private static func parse(_ bytes: [UInt8]) -> (inputs: String, marker: String, summary: SiteBuilder.Summary)? {
        var fields: [Substring: Substring] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst() {
            guard let space = line.firstIndex(of: " ") else { return nil }
            fields[line[..<space]] = line[line.index(after: space)...]
        }
        guard let inputs = fields["inputs"], let marker = fields["marker"],
              let pages = fields["pages"].flatMap({ Int($0) }), let charts = fields["charts"].flatMap({ Int($0) }),
              let slides = fields["slides"].flatMap({ Int($0) }), let files = fields["files"].flatMap({ Int($0) }) else { return nil }
        return (String(inputs), String(marker), SiteBuilder.Summary(pages: pages, charts: charts, files: files, slides: slides,
                                                                    linked: 0, replaced: nil, unchanged: true))
    }

    /// Whether the folder holds the manifest's files and the marker, and no other entry:
    /// no other file, link or folder, hidden or not.
    private static func holdsOnly(_ manifest: SiteManifest, in root: String) -> Bool {
        var folders: Set<String> = []
        for path in manifest.entries.keys {
            var folder = path[...]
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
        var files = 0
        func walk(_ relative: String) -> Bool {
            guard let handle = opendir(relative.isEmpty ? root : root + "/" + relative) else { return false }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var status = stat()
                    guard lstat(root + "/" + path, &status) == 0 else { return false }
                    type = status.st_mode & S_IFMT == S_IFDIR ? Int32(DT_DIR) : status.st_mode & S_IFMT == S_IFREG ? Int32(DT_REG) : -1
                }
                switch type {
                case Int32(DT_DIR):
                    guard folders.contains(path), walk(path) else { return false }
                case Int32(DT_REG):
                    guard manifest.entries[path] != nil || relative.isEmpty && name == OutputFolder.marker else {
                        return false
                    }
                    files += 1
                default:
                    return false
                }
            }
            return true
        }
        // Every listed file was found once, and the marker besides.
        return walk("") && files == manifest.entries.count + 1
    }

    /// Whether every listed file is a plain file with the size and XXH64 the manifest
    /// gives, read in full. In parallel: reading a 500-team site back is 38,666 files.
    private static func intact(_ manifest: SiteManifest, in root: String, parallel: Bool) -> Bool {
        let files = Array(manifest.entries)
        let chunk = 256
        let starts = Array(stride(from: 0, to: files.count, by: chunk))
        return !starts.concurrentMap(parallel: parallel) { start in
            files[start..<min(start + chunk, files.count)].allSatisfy { path, entry in
                OutputFolder.plainFile(root + "/" + path, size: entry.size).map { XXH64.hash($0) == entry.hash } ?? false
            }
        }.contains(false)
    }
}
