import CXXHash

/// XXH64, the 64-bit hash of xxHash (seed 0), from Debian's libxxhash: the site
/// manifest's content hash.
///
/// Why this one: the hash only picks the files worth comparing with the previous
/// build's, which are then compared byte for byte before being linked, so it must be
/// fast and well spread, not cryptographic (SHA-256 would cost several times as much
/// over a large site's hundreds of megabytes). The standard library's `Hasher` is
/// seeded anew in every process, so it cannot be kept in a manifest. xxHash is made
/// for exactly this, and Debian packages it.
enum XXH64 {
    /// The hash of `bytes`.
    static func hash(_ bytes: some Collection<UInt8>) -> UInt64 {
        if let hash = bytes.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0)) }) { return hash }
        return Array(bytes).withUnsafeBytes { hash($0) }
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        // xxHash reads nothing for a length of 0, but wants a pointer all the same.
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return CXXHash.XXH64(nil, 0, 0) }
        return CXXHash.XXH64(base, bytes.count, 0)
    }
}
