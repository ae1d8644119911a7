import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Prints a built page to PDF with headless Chromium, which lays out the page exactly as
/// the browser gates see it and honours the theme's `@page` size: a deck prints one
/// slide to a 13.333 × 7.5 in page.
struct ChromiumPrinter {
    let executable: URL

    /// The names Chromium goes by on Debian and elsewhere, searched for on `PATH`.
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The one line shown when there is no Chromium to drive.
    static let missing = "discern: export pdf needs Chromium, which is not installed; on Debian: apt-get install chromium "
        + "(or pass --chromium PATH)"

    /// `explicit`, else `DISCERN_CHROMIUM`, else the first of `names` on `PATH`; nil when
    /// none is an executable file.
    static func locate(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> ChromiumPrinter? {
        if let path = explicit ?? environment["DISCERN_CHROMIUM"] {
            return access(path, X_OK) == 0 ? ChromiumPrinter(executable: URL(fileURLWithPath: path)) : nil
        }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in names where access("\(folder)/\(name)", X_OK) == 0 {
                return ChromiumPrinter(executable: URL(fileURLWithPath: "\(folder)/\(name)"))
            }
        }
        return nil
    }

    enum Failure: Error, CustomStringConvertible {
        case exited(Int32, String)
        case timedOut
        case noPDF

        var description: String {
            switch self {
            case .exited(let status, let output): "Chromium exited with status \(status): \(output)"
            case .timedOut: "Chromium did not finish printing within two minutes"
            case .noPDF: "Chromium finished but wrote no PDF"
            }
        }
    }

    /// Prints `page` to `pdf`. Chromium gets a profile folder of its own, so a browser
    /// the user has open is neither disturbed nor asked to do the work.
    func print(_ page: URL, to pdf: URL, scratch: URL) throws {
        let process = Process()
        process.executableURL = executable
        var arguments = ["--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                         "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
                         "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString]
        // Chromium refuses to start as root (as in CI containers) with its sandbox on.
        if getuid() == 0 { arguments.insert("--no-sandbox", at: 0) }
        process.arguments = arguments
        let log = scratch.appendingPathComponent("chromium.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + 120) == .timedOut {
            process.terminate()
            throw Failure.timedOut
        }
        guard process.terminationStatus == 0 else {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let last = output.split(separator: "\n").last.map(String.init) ?? ""
            throw Failure.exited(process.terminationStatus, last)
        }
        guard let head = FileManager.default.contents(atPath: pdf.path)?.prefix(5), head.elementsEqual("%PDF-".utf8) else {
            throw Failure.noPDF
        }
    }

    /// Pages in a PDF Chromium wrote. Skia writes every page object uncompressed, so
    /// counting `/Type /Page` (not `/Pages`) dictionaries counts pages.
    static func pageCount(of pdf: [UInt8]) -> Int {
        let needle = Array("/Type /Page".utf8)
        var count = 0
        var index = 0
        while index + needle.count <= pdf.count {
            if pdf[index] == needle[0], Array(pdf[index..<index + needle.count]) == needle {
                let next = index + needle.count < pdf.count ? pdf[index + needle.count] : 0
                if next != UInt8(ascii: "s") { count += 1 }
                index += needle.count
            } else {
                index += 1
            }
        }
        return count
    }
}
