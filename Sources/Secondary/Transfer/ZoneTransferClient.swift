import DNSCore
import NIOCore
import TSIG

/// What the refresh driver needs from the network: a primary's SOA and a transfer.
/// A protocol so the driver can be tested against scripted primaries.
public protocol ZoneTransferClient: Sendable {
    func querySOA(zone: DomainName, primary: SocketAddress, key: TSIGKey?) async throws(TransferError) -> SOAAnswer
    /// IXFR from `currentSOA`, or AXFR when it is nil.
    func transfer(zone: DomainName, primary: SocketAddress, currentSOA: ResourceRecord?, key: TSIGKey?)
        async throws(TransferError) -> TransferOutcome
}

/// A finished transfer and what it cost.
public struct TransferOutcome: Sendable {
    public var content: TransferContent
    public var messages: Int
    public var bytes: Int

    public init(content: TransferContent, messages: Int, bytes: Int) {
        self.content = content
        self.messages = messages
        self.bytes = bytes
    }
}
