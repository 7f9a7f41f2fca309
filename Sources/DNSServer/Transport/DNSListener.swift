#if canImport(Glibc)
import Glibc
#endif
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ServiceLifecycle

/// UDP and TCP listeners on each configured address, handing requests to one
/// `RequestHandler`: TCP through SwiftNIO, UDP through `UDPServeLoop` threads (one per
/// socket, `udpSocketsPerAddress` sockets sharing the port with SO_REUSEPORT).
///
/// A `Service`: `run()` serves until graceful shutdown (SIGTERM via a
/// `ServiceGroup`), then closes the sockets and lets TCP answers in flight finish.
public final class DNSListener: Service, @unchecked Sendable {
    public let configuration: ListenerConfiguration
    private let handler: any RequestHandler
    private let group: any EventLoopGroup
    private let logger: Logger
    private let clock: @Sendable () -> UInt64
    private let state = NIOLockedValueBox(State())
    private let connections = NIOLockedValueBox(0)

    private struct State {
        var channels: [any Channel] = []
        var udpLoops: [UDPServeLoop] = []
        var bound: [SocketAddress] = []
    }

    public init(configuration: ListenerConfiguration, handler: any RequestHandler,
                group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                logger: Logger = Logger(label: "dnsplane.listener"),
                clock: @escaping @Sendable () -> UInt64 = { UInt64(time(nil)) }) {
        self.configuration = configuration
        self.handler = handler
        self.group = group
        self.logger = logger
        self.clock = clock
    }

    /// The addresses actually bound (ports filled in where 0 was asked for).
    public var boundAddresses: [SocketAddress] { state.withLockedValue { $0.bound } }

    /// Binds every listener; returns the bound addresses.
    @discardableResult
    public func start() async throws -> [SocketAddress] {
        for address in configuration.addresses {
            let bound = try await bind(address)
            state.withLockedValue { $0.bound.append(bound) }
            logger.info("listening on \(bound) (udp, tcp)")
        }
        return boundAddresses
    }

    /// Binds TCP, then UDP on the same port: with port 0, the port TCP got. If UDP
    /// cannot have that port, both are released and another is tried.
    private func bind(_ address: SocketAddress) async throws -> SocketAddress {
        var lastError: (any Error)?
        for _ in 0..<(address.port == 0 ? 20 : 1) {
            let tcp = try await bindTCP(address)
            guard let port = tcp.localAddress?.port else { throw ChannelError.inappropriateOperationForState }
            var target = address
            target.port = port
            var udp: [UDPServeLoop] = []
            do {
                for index in 0..<configuration.udpSocketsPerAddress {
                    let socket = try UDPSocket(binding: target, reusePort: configuration.udpSocketsPerAddress > 1,
                                               receiveBufferSize: 4 << 20)
                    let loop = UDPServeLoop(socket: socket, handler: handler, batch: configuration.udpReadBatch,
                                            maxRequestSize: configuration.maxUDPRequestSize, clock: clock)
                    do {
                        try loop.start(name: "dnsplane-udp\(index)")
                    } catch {
                        socket.close()  // no thread to stop: only the socket to release
                        throw error
                    }
                    udp.append(loop)
                }
                state.withLockedValue {
                    $0.channels.append(tcp)
                    $0.udpLoops += udp
                }
                return target
            } catch {
                lastError = error
                for loop in udp { await loop.stop() }
                try? await tcp.close()
            }
        }
        throw lastError ?? ChannelError.inappropriateOperationForState
    }

    private func bindTCP(_ address: SocketAddress) async throws -> any Channel {
        let handler = self.handler
        let clock = self.clock
        let configuration = self.configuration
        let connections = self.connections
        let logger = self.logger
        return try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.autoRead, value: true)
            .childChannelInitializer { channel in
                let admitted = connections.withLockedValue { count -> Bool in
                    guard count < configuration.maxTCPConnections else { return false }
                    count += 1
                    return true
                }
                guard admitted else {
                    logger.warning("TCP connection from \(channel.remoteAddress.map { "\($0)" } ?? "?") refused: \(configuration.maxTCPConnections) open")
                    return channel.close()
                }
                channel.closeFuture.whenComplete { _ in connections.withLockedValue { $0 -= 1 } }
                return channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(IdleStateHandler(allTimeout: configuration.tcpIdleTimeout))
                    try sync.addHandler(ByteToMessageHandler(TCPFrameDecoder(maxMessageSize: configuration.maxTCPRequestSize)))
                    try sync.addHandler(TCPRequestChannelHandler(handler: handler, maxInFlight: configuration.maxPipelinedRequests,
                                                                 clock: clock))
                }
            }
            .bind(to: address).get()
    }

    /// Closes every socket. TCP connections already accepted finish their answers.
    public func stop() async {
        let (channels, loops) = state.withLockedValue { state -> ([any Channel], [UDPServeLoop]) in
            defer {
                state.channels = []
                state.udpLoops = []
            }
            return (state.channels, state.udpLoops)
        }
        for loop in loops {
            await loop.stop()
        }
        for channel in channels {
            try? await channel.close()
        }
    }

    /// The number of TCP connections open now.
    public var openTCPConnections: Int { connections.withLockedValue { $0 } }

    public func run() async throws {
        if boundAddresses.isEmpty { try await start() }
        try? await gracefulShutdown()
        logger.info("shutting down listeners")
        await stop()
    }
}
