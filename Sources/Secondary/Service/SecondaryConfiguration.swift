import DNSCore
import NIOCore
import TSIG

/// Everything `dnsplane secondary` is told, as a value: the executable only parses
/// flags into this (DESIGN §3), and tests build it directly.
public struct SecondaryConfiguration: Sendable {
    /// Where the last good versions are saved; the only place written to.
    public var dataDirectory: String
    /// Where to answer queries and NOTIFY (UDP and TCP). Port 0 picks a free port.
    public var listen: [SocketAddress]
    public var zones: [DomainName]
    /// Tried in order for SOA queries and transfers; NOTIFY is accepted from these
    /// addresses only.
    public var primaries: [SocketAddress]
    /// Signs SOA queries and transfers, and is required on NOTIFY, when set.
    public var key: TSIGKey?
    public var expirePolicy: ExpirePolicy
    /// The share of a zone's records one new version may remove (`--max-change-ratio`).
    public var maxChangeRatio: Double
    public var limits: TransferLimits
    /// The address queries to primaries leave from; by default the first listen
    /// address's, unless that is a wildcard.
    public var sourceAddress: String?
    /// The retry interval before a zone has any SOA.
    public var initialRetry: Double

    public init(dataDirectory: String, listen: [SocketAddress], zones: [DomainName], primaries: [SocketAddress],
                key: TSIGKey? = nil, expirePolicy: ExpirePolicy = .followSOA, maxChangeRatio: Double = 0.5,
                limits: TransferLimits = TransferLimits(), sourceAddress: String? = nil, initialRetry: Double = 10) {
        self.dataDirectory = dataDirectory
        self.listen = listen
        self.zones = zones
        self.primaries = primaries
        self.key = key
        self.expirePolicy = expirePolicy
        self.maxChangeRatio = maxChangeRatio
        self.limits = limits
        self.initialRetry = initialRetry
        if let sourceAddress {
            self.sourceAddress = sourceAddress
        } else if let address = listen.first?.ipAddress, address != "0.0.0.0", address != "::" {
            self.sourceAddress = address
        } else {
            self.sourceAddress = nil
        }
    }
}
