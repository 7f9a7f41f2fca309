import NIOCore

/// The seam between the transport and DNS logic: the listeners hand each request's
/// bytes to a handler and send back whatever it returns.
///
/// Queries must be answered without suspending — a task per UDP datagram would cost
/// more than the answer — so the transport first offers each request to
/// `handleImmediately` on its event loop. Requests that must wait (an UPDATE until its
/// journal entry is on disk, a NOTIFY, a transfer) return nil there and are handed to
/// `handle` in a task.
public protocol RequestHandler: Sendable {
    /// Answers at once, or returns nil to have `handle` called instead. The default
    /// returns nil.
    func handleImmediately(_ request: [UInt8], context: RequestContext) -> [[UInt8]]?

    /// Answers one request. The transport writes the returned messages in order
    /// (several only over TCP, for AXFR and IXFR); an empty array sends nothing.
    func handle(_ request: [UInt8], context: RequestContext) async -> [[UInt8]]
}

extension RequestHandler {
    public func handleImmediately(_ request: [UInt8], context: RequestContext) -> [[UInt8]]? { nil }
}
