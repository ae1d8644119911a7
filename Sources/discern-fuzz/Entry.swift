import Foundation

#if FUZZING
/// libFuzzer's driver, from its runtime. SwiftPM links executables through their own
/// `main`, so ours hands control to libFuzzer rather than using libFuzzer's `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The surface comes from `DISCERN_FUZZ_SURFACE`: csv, json, yaml or markdown.
let surface: FuzzHarness.Surface = {
    let name = ProcessInfo.processInfo.environment["DISCERN_FUZZ_SURFACE"] ?? ""
    guard let surface = FuzzHarness.Surface(rawValue: name) else {
        fatalError("set DISCERN_FUZZ_SURFACE to one of \(FuzzHarness.Surface.allCases.map(\.rawValue))")
    }
    return surface
}()

/// The callback libFuzzer's runtime expects by name; the driver below uses it too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.run(surface, data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@main
struct Fuzz {
    static func main() {
        _ = surface
        _ = FuzzHarness.theme
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
/// Without libFuzzer: replays inputs, for regression tests and for reproducing a crash.
/// `discern-fuzz SURFACE FILE-OR-FOLDER...`
@main
struct Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let surface = FuzzHarness.Surface(rawValue: name) else {
            print("usage: discern-fuzz csv|json|yaml|markdown FILE-OR-FOLDER...")
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            let files = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
                : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                FuzzHarness.run(surface, [UInt8](data))
                count += 1
            }
        }
        print("replayed \(count) \(surface.rawValue) inputs without a crash")
    }
}
#endif
