import Foundation

/// What a command-line import test does after `discern import`: put the metrics entries it
/// wrote into the content, check and build the content, and look for the fixtures'
/// identifiers in everything written or printed.
struct ImportRoundTrip {
    let cli = CommandLineTests()

    /// Appends the entries in `fragment` to the content's metrics.yaml, then checks the
    /// content and builds it into a new folder beside it.
    func checkAndBuild(_ root: URL, fragment: URL)
        throws -> (check: CommandLineTests.Run, build: CommandLineTests.Run, site: URL) {
        let metrics = root.appendingPathComponent("metrics.yaml")
        let merged = try String(contentsOf: metrics, encoding: .utf8) + (try String(contentsOf: fragment, encoding: .utf8))
        try merged.write(to: metrics, atomically: true, encoding: .utf8)
        let check = try cli.discern(["check", "--content", root.path])
        let site = root.deletingLastPathComponent().appendingPathComponent("site-\(UUID().uuidString)")
        let build = try cli.discern(["build", "--content", root.path, "--output", site.path])
        return (check, build, site)
    }

    /// Every file in the content folder and in the built site, each named and as text.
    static func files(in root: URL, site: URL) throws -> [(String, String)] {
        var texts: [(String, String)] = []
        for file in try BuildCommandTests.files(in: root) {
            texts.append((file, try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)))
        }
        for file in try BuildCommandTests.files(in: site) {
            texts.append(("site/" + file, String(decoding: try Data(contentsOf: site.appendingPathComponent(file)), as: UTF8.self)))
        }
        return texts
    }

    /// The identifiers in the fixtures (`identifiers.txt`), lowercased.
    static func identifiers() throws -> [String] {
        try String(contentsOf: ImportCommandTests.fixtures.appendingPathComponent("identifiers.txt"), encoding: .utf8)
            .split(separator: "\n").map { $0.lowercased() }
    }

    /// Each of `identifiers` found in `texts`, in any case, as `name: identifier`.
    static func leaks(in texts: [(String, String)], of identifiers: [String]) -> [String] {
        var leaks: [String] = []
        for (name, text) in texts {
            let lowered = text.lowercased()
            for identifier in identifiers where lowered.contains(identifier) { leaks.append("\(name): \(identifier)") }
        }
        return leaks
    }
}
