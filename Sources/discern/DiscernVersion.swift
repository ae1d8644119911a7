import ContentLoading
import Foundation

/// Discern's version, written here and nowhere else: `discern --version` prints it.
enum DiscernVersion {
    static let current = "0.9.0"

    /// A hash of the running executable's bytes, read once: every build of Discern's
    /// source differs here, while the version above changes only with a release. Empty
    /// when the executable cannot be read, which a build's inputs then still tell apart
    /// from any readable one.
    static let binaryDigest: String = InputRecord.digest(ofFile: "/proc/self/exe") ?? ""
}
