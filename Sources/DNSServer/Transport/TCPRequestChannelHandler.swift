import NIOCore

/// Answers the DNS messages of one TCP connection (RFC 7766): pipelined requests are
/// answered as they complete, possibly out of order; with too many in progress the
/// connection stops reading until some finish; idle connections are closed.
final class TCPRequestChannelHandler: ChannelDuplexHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = Never
    typealias OutboundOut = ByteBuffer

    private let handler: any RequestHandler
    private let clock: @Sendable () -> UInt64
    private let maxInFlight: Int
    private var inFlight = 0
    private var readPending = false

    init(handler: any RequestHandler, maxInFlight: Int, clock: @escaping @Sendable () -> UInt64) {
        self.handler = handler
        self.maxInFlight = maxInFlight
        self.clock = clock
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let request = Array(unwrapInboundIn(data).readableBytesView)
        guard let remote = context.channel.remoteAddress else { return }
        let requestContext = RequestContext(transport: .tcp, client: remote, local: context.channel.localAddress, receivedAt: clock())
        if let responses = handler.handleImmediately(request, context: requestContext) {
            write(responses, context: context)
            return
        }
        inFlight += 1
        let channel = context.channel
        let handler = self.handler
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let contextBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        Task {
            let responses = await handler.handle(request, context: requestContext)
            channel.eventLoop.execute {
                let this = loopBound.value
                this.inFlight -= 1
                this.write(responses, context: contextBound.value)
                if this.readPending && this.inFlight < this.maxInFlight {
                    this.readPending = false
                    contextBound.value.read()
                }
            }
        }
    }

    private func write(_ responses: [[UInt8]], context: ChannelHandlerContext) {
        guard !responses.isEmpty, context.channel.isActive else { return }
        for response in responses {
            var buffer = context.channel.allocator.buffer(capacity: response.count + 2)
            buffer.writeInteger(UInt16(truncatingIfNeeded: response.count))
            buffer.writeBytes(response)
            context.write(wrapOutboundOut(buffer), promise: nil)
        }
        context.flush()
    }

    func read(context: ChannelHandlerContext) {
        // Backpressure: while too many requests are in progress, do not read more.
        if inFlight >= maxInFlight {
            readPending = true
            return
        }
        context.read()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A malformed length, a reset: this connection ends, the server goes on.
        context.close(promise: nil)
    }
}
