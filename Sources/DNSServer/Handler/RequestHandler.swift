import NIOCore

/// The seam between the transport and DNS logic: the listeners hand each request's
/// bytes to a handler and send back whatever it returns.
///
/// Queries must be answered without suspending — a task per UDP datagram would cost
/// more than the answer — so the transport first offers each UDP request to
/// `answerDatagram`, then every request to `handleImmediately`, on its own thread.
/// Requests that must wait (an UPDATE until its journal entry is on disk, a NOTIFY, a
/// transfer) return nil there and are handed to `handle` in a task.
public protocol RequestHandler: Sendable {
    /// Answers at once, or returns nil to have `handle` called instead. The default
    /// returns nil.
    func handleImmediately(_ request: [UInt8], context: RequestContext) -> [[UInt8]]?

    /// The UDP fast path: writes the answer to `request` into `response` and returns
    /// its length, or returns nil to have the request go through `handleImmediately`
    /// (and `handle`) with a full `RequestContext`. Called on the listener's thread for
    /// every datagram before anything else, so it must not block; it is meant for
    /// plain queries, answered without knowing the client. The default returns nil.
    func answerDatagram(_ request: UnsafeBufferPointer<UInt8>, into response: UnsafeMutableBufferPointer<UInt8>,
                        receivedAt: UInt64) -> Int?

    /// Answers one request. The transport writes the returned messages in order
    /// (several only over TCP, for AXFR and IXFR); an empty array sends nothing.
    func handle(_ request: [UInt8], context: RequestContext) async -> [[UInt8]]
}

extension RequestHandler {
    public func handleImmediately(_ request: [UInt8], context: RequestContext) -> [[UInt8]]? { nil }

    public func answerDatagram(_ request: UnsafeBufferPointer<UInt8>, into response: UnsafeMutableBufferPointer<UInt8>,
                               receivedAt: UInt64) -> Int? { nil }
}
