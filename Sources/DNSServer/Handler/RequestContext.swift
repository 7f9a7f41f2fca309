import DNSCore
import NIOCore

/// What a handler knows about one request besides its bytes.
public struct RequestContext: Sendable {
    public enum Transport: Sendable, Equatable { case udp, tcp }

    public var transport: Transport
    /// The client's address and port.
    public var client: SocketAddress
    /// The address the request arrived on (for answering from the right address, and
    /// for ACLs keyed by listener).
    public var local: SocketAddress?
    /// Seconds since the epoch when the request arrived (injected in tests; TSIG time
    /// checks use it).
    public var receivedAt: UInt64

    public init(transport: Transport, client: SocketAddress, local: SocketAddress? = nil, receivedAt: UInt64) {
        self.transport = transport
        self.client = client
        self.local = local
        self.receivedAt = receivedAt
    }
}
