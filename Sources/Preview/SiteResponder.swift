import FlyingFox
import Foundation

/// Answers each request to the preview: a file of the built site (HTML with the
/// preview's script and any error overlay added), the build events, or a refusal.
///
/// Only requests whose `Host` names the address the preview listens on are answered
/// (`ServedHosts`), only GET and HEAD, only paths that stay inside the site folder once
/// decoded and once symbolic links are resolved, and never more than the site holds.
struct SiteResponder: HTTPHandler {
    let site: SiteFolder
    let events: BuildEvents
    /// The hosts answered; nil until the server listens, when the port is known.
    let hosts: @Sendable () -> ServedHosts?

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = respond(to: request)
        guard request.method == .HEAD else { return response }
        // HEAD gets the headers GET would, the length included, and no body.
        var head = HTTPResponse(statusCode: response.statusCode, headers: response.headers)
        if case .httpBody(let body) = response.payload, let count = body.count {
            head.headers[.contentLength] = String(count)
        }
        return head
    }

    private func respond(to request: HTTPRequest) -> HTTPResponse {
        // Before anything else, the event stream included: a page that reached us under
        // another name learns nothing, not even which paths exist.
        guard let hosts = hosts() else { return Self.text(.misdirectedRequest, "the preview is not listening yet") }
        switch hosts.verdict(for: request.headers[.host]) {
        case .accepted:
            break
        case .misdirected:
            return Self.text(.misdirectedRequest, "this preview answers only to the Host \(hosts.expected)")
        case .malformed:
            return Self.text(.badRequest, "the request needs a Host header naming the preview, such as \(hosts.expected)")
        }
        guard request.method == .GET || request.method == .HEAD else {
            return Self.text(.methodNotAllowed, "only GET and HEAD are answered here", headers: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        // The query counts toward the limit too, though nothing here reads it.
        guard request.target.rawValue.utf8.count <= RequestPath.limit else {
            return Self.text(.uriTooLong, RequestPath.Refusal.tooLong.message)
        }
        switch RequestPath(target: request.target.path()) {
        case .refused(let refusal):
            return Self.text(HTTPStatusCode(refusal.status, phrase: refusal.status == 414 ? "URI Too Long" : "Bad Request"),
                             refusal.message)
        case .site(let names, let isFolder):
            if "/" + names.joined(separator: "/") == PreviewMarkup.eventsPath && !isFolder {
                return buildEvents()
            }
            return file(names, isFolder: isFolder)
        }
    }

    private func file(_ names: [String], isFolder: Bool) -> HTTPResponse {
        switch site.lookup(names, isFolder: isFolder) {
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else { return notFound() }
            let type = ContentType.of(path)
            return Self.response(.ok, type: type, body: type == ContentType.html ? annotated(data) : data)
        case .redirect(let location):
            var response = Self.text(.movedPermanently, "moved to \(location)")
            response.headers[.location] = location
            return response
        case .missing:
            return notFound()
        case .outside:
            return Self.text(.forbidden, "that path leads outside the site folder")
        case .unbuilt:
            let page = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Not built yet · discern serve</title></head>
                <body><main><h1>The site has not been built yet</h1>
                <p>Fix the errors the terminal shows; this page reloads when the site builds.</p></main>
                </body></html>

                """
            return Self.response(.serviceUnavailable, type: ContentType.html, body: annotated(Data(page.utf8)))
        }
    }

    /// The site's own 404 page, as a server shows it for any missing path.
    private func notFound() -> HTTPResponse {
        guard let page = site.notFoundPage() else { return Self.text(.notFound, "not found") }
        return Self.response(.notFound, type: ContentType.html, body: annotated(page))
    }

    private func annotated(_ page: Data) -> Data {
        let latest = events.latest
        return Data(PreviewMarkup.annotate([UInt8](page), build: latest.build, errors: latest.errors))
    }

    private func buildEvents() -> HTTPResponse {
        HTTPResponse(statusCode: .ok,
                     headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                     body: HTTPBodySequence(from: EventStream(events: events), suggestedBufferSize: 4096))
    }

    private static func response(_ status: HTTPStatusCode, type: String, body: Data) -> HTTPResponse {
        // Pages change with every build: a browser must ask again each time.
        HTTPResponse(statusCode: status,
                     headers: [.contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff"],
                     body: body)
    }

    private static func text(_ status: HTTPStatusCode, _ message: String, headers: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var response = response(status, type: "text/plain; charset=utf-8", body: Data("\(status.code) \(status.phrase): \(message)\n".utf8))
        for (header, value) in headers { response.headers[header] = value }
        return response
    }
}
