import DNSCore

/// The three SOA timers a secondary lives by (RFC 1035 §3.3.13), in seconds, floored
/// at one second so a zone with zero timers cannot make the secondary spin.
public struct SOATimers: Sendable, Equatable {
    public var refresh: Double
    public var retry: Double
    public var expire: Double

    public init(refresh: Double, retry: Double, expire: Double) {
        self.refresh = max(1, refresh)
        self.retry = max(1, retry)
        self.expire = max(1, expire)
    }

    public init(_ soa: SOA) {
        self.init(refresh: Double(soa.refresh), retry: Double(soa.retry), expire: Double(soa.expire))
    }
}
