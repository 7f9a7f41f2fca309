import NIOCore

/// The seam between the transport and DNS logic: the listeners hand each request's
/// bytes to a handler and send back whatever it returns.
///
/// A handler is sans-I/O in spirit: it gets bytes and context, returns bytes. The
/// secondary and the hidden primary are handlers that answer NOTIFY, UPDATE and
/// transfers themselves and pass queries to the `QueryResponder`.
public protocol RequestHandler: Sendable {
    /// Answers one request. The transport writes the returned messages in order
    /// (several only over TCP, for AXFR and IXFR); an empty array sends nothing.
    func handle(_ request: [UInt8], context: RequestContext) async -> [[UInt8]]
}
