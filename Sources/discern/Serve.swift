import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Preview

/// `discern serve`: builds the site into a private folder, serves it on loopback, and
/// rebuilds as the content or the theme changes; open pages reload after each build.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site while you write: build it, serve it, rebuild and reload on every change.",
        discussion: """
            The site is built into a temporary folder, not site/, and served to this machine only unless --host \
            says otherwise; only requests whose Host names the address listened on (127.0.0.1:PORT or \
            localhost:PORT by default) are answered, others get 421. A saved narrative rewrites only its pages; anything else, the theme included, rebuilds \
            the whole site. While a change has errors the last good site stays up and every page shows the errors \
            over it. Pages get a small reload script as they are sent; the built files never do. Ctrl-C stops it.
            """
    )

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: ArgumentHelp("A theme: default, board (a slide deck), a folder under Themes/, or a theme folder's path.", valueName: "name|dir"))
    var theme: String?

    @Option(help: ArgumentHelp("The port to serve on; 0 picks a free one, which the printed address gives.", valueName: "port"))
    var port: Int = 8000

    @Option(help: ArgumentHelp("The address to listen on: numeric IPv4 or IPv6, or localhost.", valueName: "address"))
    var host: String = "127.0.0.1"

    func validate() throws {
        try ThemeLocator.validate(option: theme, content: options.url)
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, found \(port)") }
        guard Self.numericAddress(host) != nil else {
            throw ValidationError("--host must be a numeric address such as 127.0.0.1 or ::1, or localhost; found '\(host)'")
        }
    }

    func run() throws {
        let folder = try PrivateFolder()
        folder.removeOnStop()
        let build = SiteBuild(content: options.url, contentLabel: options.content,
                              output: folder.url.appendingPathComponent("site", isDirectory: true),
                              outputLabel: folder.url.path + "/site", theme: theme,
                              keptOnFailure: "the last good site, if any, is still served", opensFromDisk: false,
                              leavesUnchangedSites: false)
        // Listening comes first, so that a port in use is reported before a build.
        let server: PreviewServer
        let address: URL
        do {
            server = try PreviewServer(site: build.output, host: Self.numericAddress(host)!, port: UInt16(port))
            address = try server.start()
        } catch {
            FileHandleOutput.standardError("discern: cannot listen on \(host) port \(port) (\(error.localizedDescription)); "
                                           + "choose another --port, or --port 0 for any free one")
            throw ExitCode(2)
        }
        var site = WatchedSite(build: build)
        site.refreshesQueries = true
        publish(folder.whileWriting { site.buildAll() }, to: server)
        let watcher = try ContentWatcher(roots: site.watchedFolders, ignoring: [site.build.output])
        print("Serving \(options.content) at \(address.absoluteString) ; press Ctrl-C to stop.")
        fflush(nil)
        while true {
            let changes = watcher.nextChanges()
            if changes.foldersChanged { watcher.watchAll() }
            publish(folder.whileWriting { site.apply(changes.paths) }, to: server)
            watcher.watch(site.watchedFolders)
        }
    }

    /// Tells open pages what a build did: they reload, and show its errors if it failed.
    private func publish(_ outcome: WatchedSite.Outcome, to server: PreviewServer) {
        switch outcome {
        case .built, .rewrote: server.publish(errors: [])
        case .failed(let errors): server.publish(errors: errors)
        case .unchanged: break
        }
        fflush(nil)
    }

    /// The address to listen on, or nil when `host` is not one: names other than
    /// `localhost` are not looked up, so the server never listens somewhere unexpected.
    static func numericAddress(_ host: String) -> String? {
        if host == "localhost" { return "127.0.0.1" }
        var ipv4 = in_addr(), ipv6 = in6_addr()
        if inet_pton(AF_INET, host, &ipv4) == 1 || inet_pton(AF_INET6, host, &ipv6) == 1 { return host }
        return nil
    }
}
