import DNSCore
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import TSIG

/// SOA queries over UDP and transfers over TCP with SwiftNIO. It only moves bytes:
/// requests and answers are built and checked by `SOAQuery` and `TransferSession`.
/// Every exchange has a deadline; at the deadline the channel is closed, which ends
/// the read loop, so nothing waits forever on a silent primary.
public struct NIOZoneTransferClient: ZoneTransferClient {
    public let group: any EventLoopGroup
    /// The local address queries are sent from (port chosen by the system), so a
    /// primary that keys its ACLs on our address recognises us (DESIGN §7); nil lets
    /// the kernel choose.
    public let sourceAddress: String?
    public let limits: TransferLimits
    /// Seconds since the epoch, for TSIG times.
    public let clock: @Sendable () -> Double

    public init(group: any EventLoopGroup, sourceAddress: String?, limits: TransferLimits = TransferLimits(),
                clock: @escaping @Sendable () -> Double) {
        self.group = group
        self.sourceAddress = sourceAddress
        self.limits = limits
        self.clock = clock
    }

    private var now: UInt64 { UInt64(max(0, clock())) }

    public func querySOA(zone: DomainName, primary: SocketAddress, key: TSIGKey?) async throws(TransferError) -> SOAAnswer {
        do {
            return try await querySOA(zone: zone, primary: primary, key: key, askExpire: true)
        } catch let error where error.kind == .ednsRefused {
            return try await querySOA(zone: zone, primary: primary, key: key, askExpire: false)
        }
    }

    private func querySOA(zone: DomainName, primary: SocketAddress, key: TSIGKey?, askExpire: Bool)
        async throws(TransferError) -> SOAAnswer {
        let query = SOAQuery(zone: zone, id: UInt16.random(in: 0...UInt16.max), key: key, now: now, askExpire: askExpire)
        let channel: NIOAsyncChannel<AddressedEnvelope<ByteBuffer>, AddressedEnvelope<ByteBuffer>>
        do {
            channel = try await DatagramBootstrap(group: group)
                .bind(host: bindHost(for: primary), port: 0) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<AddressedEnvelope<ByteBuffer>, AddressedEnvelope<ByteBuffer>>(
                            wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw TransferError(.network, "SOA query for \(zone) to \(Self.text(primary)): \(error)")
        }
        let deadline = limits.queryTimeout
        let clock = self.clock
        return try await Self.withDeadline(deadline, channel: channel.channel,
                                           timeout: TransferError(.timeout, "no SOA answer for \(zone) from \(Self.text(primary)) within \(deadline) s")) {
            try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(AddressedEnvelope(remoteAddress: primary, data: ByteBuffer(bytes: query.request)))
                for try await envelope in inbound {
                    let bytes = Array(buffer: envelope.data)
                    guard envelope.remoteAddress == primary, query.matches(bytes) else { continue }
                    if query.isEDNSRefusal(bytes) {
                        throw TransferError(.ednsRefused, "\(Self.text(primary)) does not take EDNS")
                    }
                    return try query.answer(bytes, now: UInt64(max(0, clock())))
                }
                throw TransferError(.network, "SOA query for \(zone) to \(Self.text(primary)): socket closed")
            }
        }
    }

    public func transfer(zone: DomainName, primary: SocketAddress, currentSOA: ResourceRecord?, key: TSIGKey?)
        async throws(TransferError) -> TransferOutcome {
        let session = TransferSession(zone: zone, currentSOA: currentSOA, id: UInt16.random(in: 0...UInt16.max), key: key,
                                      now: now, limits: limits)
        let name = session.isIncrementalRequest ? "IXFR" : "AXFR"
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            var bootstrap = ClientBootstrap(group: group)
                .connectTimeout(.milliseconds(Int64(min(limits.transferTimeout, 10) * 1000)))
            if let source = source(for: primary) {
                bootstrap = bootstrap.bind(to: try SocketAddress(ipAddress: source, port: 0))
            }
            channel = try await bootstrap.connect(to: primary) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(DNSTCPFrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        } catch {
            throw TransferError(.network, "\(name) of \(zone) from \(Self.text(primary)): cannot connect: \(error)")
        }
        let clock = self.clock
        let request = session.request
        let timeout = TransferError(.timeout, "\(name) of \(zone) from \(Self.text(primary)) did not finish within \(limits.transferTimeout) s")
        return try await Self.withDeadline(limits.transferTimeout, channel: channel.channel, timeout: timeout) {
            var session = session
            return try await channel.executeThenClose { inbound, outbound in
                var framed = ByteBuffer()
                framed.writeInteger(UInt16(request.count))
                framed.writeBytes(request)
                try await outbound.write(framed)
                for try await frame in inbound {
                    if try session.receive(Array(buffer: frame), now: UInt64(max(0, clock()))) {
                        return TransferOutcome(content: try session.content(), messages: session.messageCount,
                                               bytes: session.bytesReceived)
                    }
                }
                throw TransferError(.network, "\(name) of \(zone) from \(Self.text(primary)): connection closed before the final SOA")
            }
        }
    }

    /// Where to bind a UDP socket that talks to `primary`.
    private func bindHost(for primary: SocketAddress) -> String {
        if let source = source(for: primary) { return source }
        if case .v6 = primary { return "::" }
        return "0.0.0.0"
    }

    /// The configured source address when it is of the primary's family (an IPv4
    /// source cannot reach an IPv6 primary).
    private func source(for primary: SocketAddress) -> String? {
        guard let sourceAddress, let parsed = try? SocketAddress(ipAddress: sourceAddress, port: 0) else { return nil }
        switch (parsed, primary) {
        case (.v4, .v4), (.v6, .v6): return sourceAddress
        default: return nil
        }
    }

    static func text(_ address: SocketAddress) -> String {
        switch address {
        case .v4: return "\(address.ipAddress ?? "?"):\(address.port ?? 0)"
        case .v6: return "[\(address.ipAddress ?? "?")]:\(address.port ?? 0)"
        default: return "\(address)"
        }
    }

    /// Runs `body`; after `seconds`, closes `channel` (which ends `body`'s reads) and
    /// throws `timeout`. Errors other than `TransferError` become network errors.
    static func withDeadline<T: Sendable>(
        _ seconds: Double, channel: any Channel, timeout: TransferError,
        _ body: @escaping @Sendable () async throws -> T
    ) async throws(TransferError) -> T {
        let timedOut = NIOLockedValueBox(false)
        let scheduled = channel.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
            timedOut.withLockedValue { $0 = true }
            channel.close(promise: nil)
        }
        defer { scheduled.cancel() }
        do {
            return try await body()
        } catch {
            if timedOut.withLockedValue({ $0 }) { throw timeout }
            if let error = error as? TransferError { throw error }
            throw TransferError(.network, "\(error)")
        }
    }
}
