import ReportModel
import Site

/// What the preview adds to every HTML page as it sends it, never to the files on disk
/// (the built site carries no script): a script that reloads the page after each build,
/// and, while the latest build has errors, an overlay that lists them.
enum PreviewMarkup {
    /// Where the script listens for builds.
    static let eventsPath = "/_discern/events"

    /// The most errors the overlay lists; the terminal has them all.
    static let overlayLimit = 50

    /// `page` with the overlay (when there are errors) and the script inserted before
    /// its last `</body>`, or at its end when it has none.
    static func annotate(_ page: [UInt8], build: Int, errors: [Diagnostic]) -> [UInt8] {
        var insert = errors.isEmpty ? "" : overlay(errors).markup + "\n"
        insert += script(build: build)
        let at = lastBodyEnd(in: page) ?? page.endIndex
        var annotated = Array(page[..<at])
        annotated += Array(insert.utf8)
        annotated += page[at...]
        return annotated
    }

    /// The reload script. It knows the build the page came from, so a build that
    /// finished while the page loaded still reloads it.
    static func script(build: Int) -> String {
        """
        <script data-discern-preview>
        /* discern serve: reloads this page after each build. Added by the preview server only. */
        (function () {
          var build = "\(build)";
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("build", function (event) {
            if (event.data !== build) { events.close(); location.reload(); }
          });
        })();
        </script>

        """
    }

    /// The errors of the latest build, each as `file:line:column: error: message`, every
    /// one escaped: messages quote what the user wrote.
    static func overlay(_ errors: [Diagnostic]) -> HTML {
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        var items = errors.prefix(overlayLimit).map { error -> HTML in
            "<li style=\"margin:0 0 .35em;white-space:pre-wrap;overflow-wrap:anywhere\">\(error.description)</li>"
        }
        if errors.count > overlayLimit {
            items.append("<li>… and \(errors.count - overlayLimit) more; the terminal lists them all.</li>")
        }
        return """
            <div id="discern-errors" role="alert" style="position:fixed;top:0;left:0;right:0;z-index:2147483647;\
            max-height:50vh;overflow:auto;margin:0;padding:1rem 1.25rem;box-sizing:border-box;background:#1b1b1b;\
            color:#ffffff;border-bottom:4px solid #ff6b6b;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;\
            text-align:left;box-shadow:0 4px 16px rgba(0,0,0,.5)">\
            <p style="margin:0 0 .6em;font-weight:bold;color:#ffffff">discern serve: the latest change did not build \
            (\(count)), so this is the last good site. Saving a fix reloads the page.</p>\
            <ul style="margin:0;padding:0;list-style:none;color:#ffd7d7">\(items.joined())</ul></div>
            """
    }

    /// Where the last `</body>` starts, in any letter case.
    private static func lastBodyEnd(in page: [UInt8]) -> Int? {
        let tag = Array("</body".utf8)
        guard page.count >= tag.count else { return nil }
        var index = page.count - tag.count
        while index >= 0 {
            if zip(page[index..<index + tag.count], tag).allSatisfy({ lowercased($0) == $1 }) { return index }
            index -= 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
