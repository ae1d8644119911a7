import FlyingSocks

/// The body of `/_discern/events`: a Server-Sent Events stream that never ends, with one
/// `build` event for the build the page connected during and one for every build after
/// it. Its data is the build's number; the page's script reloads when it differs from
/// the number of the build the page came from.
struct EventStream: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let events: BuildEvents

    func makeAsyncIterator() -> Iterator { Iterator(events: events) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let events: BuildEvents
        /// The last build announced; nil before the first event.
        private var announced: Int?
        /// Bytes of the current event not yet handed out.
        private var pending: ArraySlice<UInt8> = []

        init(events: BuildEvents) { self.events = events }

        mutating func next() async throws -> UInt8? {
            guard let buffer = try await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            if pending.isEmpty { pending = ArraySlice(await nextEvent()) }
            let buffer = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(buffer.count)
            return buffer
        }

        private mutating func nextEvent() async -> [UInt8] {
            if let announced {
                await events.next(after: announced)
                let build = events.latest.build
                // Woken without a build: a comment, which browsers ignore.
                guard build != announced else { return Array(": still here\n\n".utf8) }
                self.announced = build
                return Array("event: build\ndata: \(build)\n\n".utf8)
            }
            let build = events.latest.build
            announced = build
            // `retry` makes a browser reconnect quickly after the server restarts.
            return Array("retry: 1000\nevent: build\ndata: \(build)\n\n".utf8)
        }
    }
}
