import Foundation
import Testing

/// The README's target graph is the package's: `Package.swift` declares exactly the
/// dependencies the table lists, each points to a lower layer, and no source file imports
/// a target its own target does not depend on.
@Suite("The target graph")
struct TargetGraphTests {
    struct Row {
        var layer: Int
        var dependencies: Set<String>
    }

    /// The README's table, by target.
    static func documented() throws -> [String: Row] {
        let rows = Readme.table(in: try Readme().section("## Design notes")[...], header: "| layer | target |")
        var graph: [String: Row] = [:]
        for cells in rows {
            let names = { (cell: String) in Set(cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }) }
            guard cells.count == 3, let layer = Int(cells[0]), let target = names(cells[1]).first else { continue }
            graph[target] = Row(layer: layer, dependencies: names(cells[2]))
        }
        // Only targets count as dependencies: the system library's Debian package is a note.
        let targets = Set(graph.keys)
        return graph.mapValues { Row(layer: $0.layer, dependencies: $0.dependencies.intersection(targets)) }
    }

    /// Each target's own dependencies as `Package.swift` declares them: the quoted names
    /// in its `dependencies:` list that are targets of this package.
    static func declared(in manifest: String, targets: Set<String>) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        let starts = [".target(", ".executableTarget(", ".systemLibrary(", ".testTarget("]
        var rest = Substring(manifest)
        while let start = starts.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            rest = rest[start.upperBound...]
            let end = starts.compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
            let entry = rest[..<end]
            let quoted = entry.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            guard let name = quoted.first else { continue }
            result[name] = Set(quoted.dropFirst().filter { targets.contains($0) && $0 != name })
        }
        return result
    }

    @Test("Package.swift declares exactly the README's graph, and every dependency points down")
    func manifest() throws {
        let graph = try Self.documented()
        #expect(graph.count >= 13, "the README's table lists every target")
        let manifest = try String(contentsOf: CommandLineTests.packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let declared = Self.declared(in: manifest, targets: Set(graph.keys))
        for (target, row) in graph {
            #expect(declared[target] == row.dependencies, "\(target): Package.swift says \(declared[target]?.sorted() ?? []), the README \(row.dependencies.sorted())")
            for dependency in row.dependencies {
                #expect((graph[dependency]?.layer ?? .max) < row.layer, "\(target) (layer \(row.layer)) depends on \(dependency), which is not below it")
            }
        }
    }

    @Test("no source file imports a target its own target does not depend on")
    func imports() throws {
        let graph = try Self.documented()
        let sources = CommandLineTests.packageRoot.appendingPathComponent("Sources")
        var checked = 0
        for (target, row) in graph {
            let folder = sources.appendingPathComponent(target)
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
                    guard words.count >= 2, words[0] == "import" else { continue }
                    let module = String(words[1])
                    guard graph[module] != nil, module != target else { continue }
                    #expect(row.dependencies.contains(module), "Sources/\(target)/\(file) imports \(module), which \(target) does not depend on")
                    checked += 1
                }
            }
        }
        #expect(checked > 100, "the imports were read")
    }

    @Test("the check catches a dependency that points up, and one the README does not list")
    func canFail() throws {
        let graph = try Self.documented()
        let targets = Set(graph.keys)
        let manifest = """
            .target(name: "ReportModel", dependencies: ["Formatting", "Site"]),
            .target(name: "Charts", dependencies: ["Formatting", .product(name: "X", package: "x")]),
            """
        let declared = Self.declared(in: manifest, targets: targets)
        #expect(declared["ReportModel"] == ["Formatting", "Site"])
        #expect(declared["ReportModel"] != graph["ReportModel"]?.dependencies)
        #expect(declared["Charts"] == ["Formatting"])
        #expect((graph["Site"]?.layer ?? 0) > (graph["ReportModel"]?.layer ?? 0), "Site sits above ReportModel")
    }
}
