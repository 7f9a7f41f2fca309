import DNSServer

/// The `QueryResponder` as a `RequestHandler` that answers on the event loop: every
/// query is answered without suspending (the responder never waits), so the
/// transport's fast path takes it and no task is made per datagram.
public struct ImmediateQueryResponder: RequestHandler {
    public let responder: QueryResponder

    public init(_ responder: QueryResponder) {
        self.responder = responder
    }

    public init(catalog: ZoneCatalog) {
        self.init(QueryResponder(catalog: catalog))
    }

    public func handleImmediately(_ request: [UInt8], context: RequestContext) -> [[UInt8]]? {
        responder.respond(to: request, transport: context.transport).map { [$0] } ?? []
    }

    public func answerDatagram(_ request: UnsafeBufferPointer<UInt8>, into response: UnsafeMutableBufferPointer<UInt8>,
                               receivedAt: UInt64) -> Int? {
        responder.respond(to: request, into: response, transport: .udp)
    }

    public func handle(_ request: [UInt8], context: RequestContext) async -> [[UInt8]] {
        handleImmediately(request, context: context) ?? []
    }
}
