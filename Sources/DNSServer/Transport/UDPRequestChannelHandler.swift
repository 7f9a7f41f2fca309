import NIOCore

/// Reads DNS requests from a UDP socket and writes the answers back to their senders.
/// Answers produced at once are written without flushing, and flushed when the read
/// batch ends, so a burst of queries goes out in one sendmmsg.
final class UDPRequestChannelHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    private let handler: any RequestHandler
    private let clock: @Sendable () -> UInt64
    private var pendingFlush = false

    init(handler: any RequestHandler, clock: @escaping @Sendable () -> UInt64) {
        self.handler = handler
        self.clock = clock
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        let request = Array(envelope.data.readableBytesView)
        let requestContext = RequestContext(transport: .udp, client: envelope.remoteAddress,
                                            local: context.channel.localAddress, receivedAt: clock())
        if let responses = handler.handleImmediately(request, context: requestContext) {
            for response in responses {
                write(response, to: envelope.remoteAddress, context: context)
            }
            return
        }
        // The slow path: answer from a task, then write on the channel's loop.
        let channel = context.channel
        let handler = self.handler
        let remote = envelope.remoteAddress
        Task {
            let responses = await handler.handle(request, context: requestContext)
            guard !responses.isEmpty else { return }
            channel.eventLoop.execute {
                for response in responses {
                    let buffer = channel.allocator.buffer(bytes: response)
                    channel.write(NIOAny(AddressedEnvelope(remoteAddress: remote, data: buffer)), promise: nil)
                }
                channel.flush()
            }
        }
    }

    private func write(_ response: [UInt8], to remote: SocketAddress, context: ChannelHandlerContext) {
        let buffer = context.channel.allocator.buffer(bytes: response)
        context.write(wrapOutboundOut(AddressedEnvelope(remoteAddress: remote, data: buffer)), promise: nil)
        pendingFlush = true
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if pendingFlush {
            pendingFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A bad datagram (an ICMP error surfacing as ECONNREFUSED, a truncated read)
        // must not close the socket the whole server listens on.
    }
}
