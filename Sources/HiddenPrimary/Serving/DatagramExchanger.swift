import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A UDP socket for request/response exchanges: sends a message and waits for the
/// answer carrying the same ID from the same address, or gives up after a timeout.
public final class DatagramExchanger: Sendable {
    private let channel: any Channel
    private let waiting = NIOLockedValueBox<[Key: CheckedContinuation<[UInt8]?, Never>]>([:])

    struct Key: Hashable {
        var id: UInt16
        var address: String
    }

    /// Binds to `local` (port 0 picks one): the source address secondaries see.
    public static func bind(to local: SocketAddress, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) async throws -> DatagramExchanger {
        let box = NIOLockedValueBox<DatagramExchanger?>(nil)
        let channel = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Receiver { bytes, remote in
                        box.withLockedValue { $0 }?.received(bytes, from: remote)
                    })
                }
            }
            .bind(to: local).get()
        let exchanger = DatagramExchanger(channel: channel)
        box.withLockedValue { $0 = exchanger }
        return exchanger
    }

    private init(channel: any Channel) {
        self.channel = channel
    }

    public var localAddress: SocketAddress? { channel.localAddress }

    /// Sends `message` (whose first two octets are its ID) and returns the answer, or nil.
    public func exchange(_ message: [UInt8], to remote: SocketAddress, timeout: TimeAmount) async -> [UInt8]? {
        let key = Key(id: UInt16(message[0]) << 8 | UInt16(message[1]), address: remote.ipAddress ?? "")
        return await withCheckedContinuation { continuation in
            waiting.withLockedValue { $0[key] = continuation }
            let buffer = channel.allocator.buffer(bytes: message)
            channel.writeAndFlush(AddressedEnvelope(remoteAddress: remote, data: buffer), promise: nil)
            channel.eventLoop.scheduleTask(in: timeout) { [weak self] in
                self?.finish(key, with: nil)
            }
        }
    }

    fileprivate func received(_ bytes: [UInt8], from remote: SocketAddress) {
        guard bytes.count >= 2 else { return }
        finish(Key(id: UInt16(bytes[0]) << 8 | UInt16(bytes[1]), address: remote.ipAddress ?? ""), with: bytes)
    }

    private func finish(_ key: Key, with bytes: [UInt8]?) {
        let continuation = waiting.withLockedValue { $0.removeValue(forKey: key) }
        continuation?.resume(returning: bytes)
    }

    public func close() async {
        try? await channel.close()
        let all = waiting.withLockedValue { waiting -> [CheckedContinuation<[UInt8]?, Never>] in
            defer { waiting = [:] }
            return Array(waiting.values)
        }
        for continuation in all { continuation.resume(returning: nil) }
    }

    final class Receiver: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        let onReceive: @Sendable ([UInt8], SocketAddress) -> Void

        init(onReceive: @escaping @Sendable ([UInt8], SocketAddress) -> Void) {
            self.onReceive = onReceive
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let envelope = unwrapInboundIn(data)
            onReceive(Array(envelope.data.readableBytesView), envelope.remoteAddress)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            // ICMP port unreachable from a secondary that is down: keep the socket.
        }
    }
}
