import Foundation

/// A static web server on loopback, as a CI preview host would serve a built site under
/// a sub-path: Python's `http.server` on a free port, with two changes. A missing path
/// under the prefix gets the site's own `404.html` with status 404, as static hosts are
/// set up to do; and folders are never listed, so only real files answer 200.
final class PreviewServer {
    let process = Process()
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    let origin: String

    /// The server. It unblocks and restores SIGTERM first: a test runner may start its
    /// children with it blocked or ignored, and `stop()` relies on it.
    static let script = """
        import functools, http.server, os, signal, sys
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        root, prefix = sys.argv[1], sys.argv[2]
        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass
            def list_directory(self, path):
                self.send_error(404)
                return None
            def send_error(self, code, message=None, explain=None):
                page = os.path.join(root, prefix.strip("/"), "404.html")
                if code != 404 or not self.path.startswith(prefix) or not os.path.isfile(page):
                    return super().send_error(code, message, explain)
                with open(page, "rb") as file:
                    body = file.read()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=root))
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    /// Serves the files under `root`; requests under `prefix` (`/previews/pr-123/`) that
    /// find no file get `root/prefix/404.html`. Port 0 lets the system pick a free port,
    /// which the server prints first.
    init(root: URL, prefix: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script, root.path, prefix]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        guard let port else {
            process.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "python3 did not start the preview server"])
        }
        origin = "http://127.0.0.1:\(port)"
    }

    /// Stops this server, and only it, by its own process id: SIGTERM, then SIGKILL if
    /// it is still there after five seconds.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
